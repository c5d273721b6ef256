#include <collapse/core/error.hpp>
#include <collapse/io/tra_reader.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace collapse {
namespace {

struct Transition {
    std::size_t from, to;
    Rational probability;
    std::size_t line;
};

std::vector<std::string> fields(const std::string& line) {
    std::istringstream s(line);
    std::vector<std::string> out;
    for (std::string f; s >> f;) out.push_back(f);
    return out;
}

bool blank(const std::string& line) {
    return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

Chain<Rational> read_tra(std::istream& in, const std::string& source, const ResourceLimits& limits) {
    auto fail = [&](std::size_t line, const std::string& why) -> InvalidInput {
        return InvalidInput(source + ":" + std::to_string(line) + ": " + why);
    };
    auto index = [&](const std::string& text, std::size_t line, const char* what) -> unsigned long long {
        try {
            return parse_count(text, what);
        } catch (const InvalidInput&) {
            throw fail(line, std::string(what) + " '" + text + "' is not a non-negative integer");
        }
    };

    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!blank(line)) break;
    }
    if (blank(line)) throw fail(std::max<std::size_t>(line_no, 1), "empty file; expected a header 'STATES TRANSITIONS'");
    const auto header = fields(line);
    if (header.size() != 2)
        throw fail(line_no, "bad header '" + line + "'; expected 'STATES TRANSITIONS' (two non-negative integers)");
    const auto states = index(header[0], line_no, "number of states");
    const auto transitions = index(header[1], line_no, "number of transitions");
    if (states == 0) throw fail(line_no, "bad header: a chain needs at least one state");
    // Rows, labels, and a dense solve over them: refuse before allocating.
    require_memory(limits, static_cast<double>(states) * 96.0 + static_cast<double>(transitions) * 80.0,
                   source + ":" + std::to_string(line_no) + ": a chain of " + header[0] + " states and " + header[1] +
                       " transitions");

    std::vector<Transition> list;
    list.reserve(transitions);
    while (std::getline(in, line)) {
        ++line_no;
        if (blank(line)) continue;
        const auto f = fields(line);
        if (f.size() != 3)
            throw fail(line_no, "expected 'from to probability', got '" + line + "'");
        if (list.size() == transitions)
            throw fail(line_no, "more transition lines than the " + std::to_string(transitions) + " the header announces");
        const auto from = index(f[0], line_no, "source state"), to = index(f[1], line_no, "target state");
        if (from >= states || to >= states)
            throw fail(line_no, "state " + std::to_string(std::max(from, to)) + " is out of range; states are 0.." +
                                    std::to_string(states - 1));
        Rational p;
        try {
            p = parse_rational(f[2], "probability");
        } catch (const InvalidInput& e) {
            throw fail(line_no, e.what());
        }
        if (p.sign() < 0) throw fail(line_no, "probability " + f[2] + " is negative");
        if (p > 1) throw fail(line_no, "probability " + f[2] + " is greater than 1");
        list.push_back({from, to, std::move(p), line_no});
    }
    if (list.size() != transitions)
        throw fail(line_no, "the header announces " + std::to_string(transitions) + " transitions, the file has " +
                                std::to_string(list.size()));

    std::stable_sort(list.begin(), list.end(),
                     [](const Transition& a, const Transition& b) { return a.from != b.from ? a.from < b.from : a.to < b.to; });
    std::vector<std::size_t> row_start{0}, column;
    std::vector<Rational> weights, totals;
    std::vector<std::string> labels;
    std::size_t next = 0;
    for (std::size_t s = 0; s < states; ++s) {
        // Each row becomes integer weights over the lcm of its denominators (see Chain).
        const std::size_t begin = next;
        Rational sum = 0;
        Integer scale = 1;
        std::size_t last_line = 0;
        for (; next < list.size() && list[next].from == s; ++next) {
            if (next > begin && list[next].to == list[next - 1].to)
                throw fail(list[next].line, "duplicate transition " + std::to_string(s) + " -> " +
                                                std::to_string(list[next].to) + " (first given on line " +
                                                std::to_string(list[next - 1].line) + ")");
            sum += list[next].probability;
            scale = boost::multiprecision::lcm(scale, boost::multiprecision::denominator(list[next].probability));
            last_line = std::max(last_line, list[next].line);
        }
        if (sum.is_zero())
            throw fail(next == begin ? line_no : last_line, "state " + std::to_string(s) + " has no outgoing transition");
        if (sum != 1)
            throw fail(last_line, "the probabilities leaving state " + std::to_string(s) + " sum to " + sum.str() +
                                      ", not exactly 1");
        for (std::size_t e = begin; e < next; ++e) {
            if (list[e].probability.is_zero()) continue;
            column.push_back(list[e].to);
            weights.emplace_back(list[e].probability * Rational(scale));
        }
        totals.emplace_back(scale);
        row_start.push_back(column.size());
        labels.push_back(std::to_string(s));
    }
    return Chain<Rational>(Support(std::move(row_start), std::move(column)), std::move(weights), std::move(totals),
                           std::move(labels));
}

Chain<Rational> read_tra_file(const std::string& path, const ResourceLimits& limits) {
    std::ifstream in(path);
    if (!in) throw InvalidInput("--chain: cannot open '" + path + "' for reading");
    return read_tra(in, path, limits);
}

}  // namespace collapse
