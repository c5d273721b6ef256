#include <collapse/simulation/shared_runs.hpp>

#include <cstring>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <vector>

namespace collapse::simulation {

RunBlock block_of_runs(std::uint64_t runs, std::uint64_t part, std::uint64_t parts) {
    if (parts == 0 || part >= parts) throw std::logic_error("block_of_runs: part " + std::to_string(part) + " of " + std::to_string(parts));
    const std::uint64_t base = runs / parts, extra = runs % parts;
    // Parts before `part` hold base runs each, plus one each for the first `extra` of them.
    return {part * base + (part < extra ? part : extra), base + (part < extra ? 1 : 0)};
}

namespace {

void put(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

void put(std::string& out, const std::optional<std::uint64_t>& v) {
    out.push_back(v ? 1 : 0);
    put(out, v.value_or(0));
}

void put(std::string& out, const std::string& s) {
    put(out, static_cast<std::uint64_t>(s.size()));
    out += s;
}

class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    bool done() const { return at_ == bytes_.size(); }

    std::uint64_t u64() {
        std::uint64_t v = 0;
        std::memcpy(&v, take(sizeof v), sizeof v);
        return v;
    }
    std::optional<std::uint64_t> optional_u64() {
        const char present = *take(1);
        const std::uint64_t v = u64();
        if (present != 0 && present != 1) malformed();
        return present ? std::optional<std::uint64_t>(v) : std::nullopt;
    }
    std::string string() {
        const std::uint64_t size = u64();
        if (size > bytes_.size() - at_) malformed();
        return std::string(take(size), size);
    }
    // A count of items each at least `item_bytes` long: bounded by the bytes left, so that a
    // corrupt count cannot make the caller reserve an absurd amount.
    std::uint64_t count(std::size_t item_bytes) {
        const std::uint64_t n = u64();
        if (n > (bytes_.size() - at_) / item_bytes) malformed();
        return n;
    }

private:
    const char* take(std::size_t n) {
        if (n > bytes_.size() - at_) malformed();
        const char* p = bytes_.data() + at_;
        at_ += n;
        return p;
    }
    [[noreturn]] static void malformed() { throw std::runtime_error("encoded runs: truncated or malformed bytes"); }

    std::string_view bytes_;
    std::size_t at_ = 0;
};

// The fewest bytes of one encoded run, and of one first_lost entry and one label.
constexpr std::size_t min_run_bytes = 8 + 9 + 8 + 8 + 8 + 8, min_lost_bytes = 9, min_label_bytes = 8;

}  // namespace

std::string encode_runs(const SimulationResult& part) {
    std::string out;
    put(out, static_cast<std::uint64_t>(part.runs.size()));
    put(out, part.draws);
    for (const RunRecord& rec : part.runs) {
        put(out, rec.run);
        put(out, rec.collapse_generation);
        put(out, rec.stop_generation);
        put(out, rec.final_state);
        put(out, static_cast<std::uint64_t>(rec.first_lost.size()));
        for (const auto& lost : rec.first_lost) put(out, lost);
        put(out, static_cast<std::uint64_t>(rec.trajectory.size()));
        for (const std::string& label : rec.trajectory) put(out, label);
    }
    return out;
}

void append_encoded_runs(std::string_view bytes, SimulationResult& into) {
    Reader in(bytes);
    const std::uint64_t runs = in.count(min_run_bytes);
    const std::uint64_t draws = in.u64();
    std::vector<RunRecord> decoded;
    decoded.reserve(runs);
    for (std::uint64_t j = 0; j < runs; ++j) {
        RunRecord rec;
        rec.run = in.u64();
        rec.collapse_generation = in.optional_u64();
        rec.stop_generation = in.u64();
        rec.final_state = in.string();
        rec.first_lost.resize(in.count(min_lost_bytes));
        for (auto& lost : rec.first_lost) lost = in.optional_u64();
        rec.trajectory.resize(in.count(min_label_bytes));
        for (std::string& label : rec.trajectory) label = in.string();
        const RunRecord* previous = !decoded.empty() ? &decoded.back() : !into.runs.empty() ? &into.runs.back() : nullptr;
        if (previous && rec.run != previous->run + 1)
            throw std::runtime_error("encoded runs: run " + std::to_string(rec.run) + " does not follow run " +
                                     std::to_string(previous->run));
        decoded.push_back(std::move(rec));
    }
    if (!in.done()) throw std::runtime_error("encoded runs: bytes left after the last run");
    into.runs.insert(into.runs.end(), std::make_move_iterator(decoded.begin()), std::make_move_iterator(decoded.end()));
    into.draws += draws;
}

}  // namespace collapse::simulation
