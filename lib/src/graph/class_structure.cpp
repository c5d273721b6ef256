#include <collapse/graph/class_structure.hpp>

#include <algorithm>
#include <limits>
#include <numeric>

namespace collapse {
namespace {

constexpr std::size_t unvisited = std::numeric_limits<std::size_t>::max();

// Iterative Tarjan: returns the component id of every state (ids in completion order).
std::vector<std::size_t> strongly_connected_components(const Support& g, std::size_t& count) {
    const std::size_t n = g.size();
    std::vector<std::size_t> index(n, unvisited), low(n, 0), component(n, unvisited);
    std::vector<std::size_t> stack;
    std::vector<bool> on_stack(n, false);
    struct Frame { std::size_t state; std::size_t next_entry; };
    std::vector<Frame> calls;
    std::size_t next_index = 0;
    count = 0;

    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] != unvisited) continue;
        calls.push_back({root, g.row_begin(root)});
        index[root] = low[root] = next_index++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!calls.empty()) {
            Frame& f = calls.back();
            const std::size_t v = f.state;
            if (f.next_entry < g.row_end(v)) {
                const std::size_t w = g.column(f.next_entry++);
                if (index[w] == unvisited) {
                    index[w] = low[w] = next_index++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    calls.push_back({w, g.row_begin(w)});
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            if (low[v] == index[v]) {
                std::size_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component[w] = count;
                } while (w != v);
                ++count;
            }
            calls.pop_back();
            if (!calls.empty()) {
                const std::size_t parent = calls.back().state;
                low[parent] = std::min(low[parent], low[v]);
            }
        }
    }
    return component;
}

std::size_t class_period(const Support& g, const std::vector<std::size_t>& members,
                         const std::vector<std::size_t>& class_of, std::size_t cls) {
    // Breadth-first levels from the first member; every edge u -> v inside the class
    // constrains the period to divide level[u] + 1 - level[v].
    std::vector<std::size_t> level(g.size(), unvisited);
    std::vector<std::size_t> queue{members.front()};
    level[members.front()] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::size_t u = queue[head];
        for (std::size_t v : g.targets(u))
            if (class_of[v] == cls && level[v] == unvisited) {
                level[v] = level[u] + 1;
                queue.push_back(v);
            }
    }
    std::size_t period = 0;
    for (std::size_t u : members)
        for (std::size_t v : g.targets(u)) {
            if (class_of[v] != cls) continue;
            const std::size_t a = level[u] + 1, b = level[v];
            period = std::gcd(period, a > b ? a - b : b - a);
        }
    return period;  // > 0: a closed class has an edge inside it, hence a cycle
}

}  // namespace

ClassStructure class_structure(const Support& g) {
    const std::size_t n = g.size();
    std::size_t count = 0;
    const std::vector<std::size_t> component = strongly_connected_components(g, count);

    // Renumber classes by their smallest member, so the order is canonical.
    ClassStructure cs;
    std::vector<std::size_t> renumber(count, unvisited);
    cs.class_of.assign(n, 0);
    for (std::size_t s = 0; s < n; ++s) {
        std::size_t& id = renumber[component[s]];
        if (id == unvisited) {
            id = cs.classes.size();
            cs.classes.emplace_back();
        }
        cs.class_of[s] = id;
        cs.classes[id].push_back(s);
    }

    std::vector<bool> is_closed(cs.classes.size(), true);
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t t : g.targets(s))
            if (cs.class_of[t] != cs.class_of[s]) is_closed[cs.class_of[s]] = false;

    cs.closed_index.assign(n, ClassStructure::npos);
    for (std::size_t c = 0; c < cs.classes.size(); ++c) {
        if (!is_closed[c]) continue;
        const std::size_t k = cs.closed.size();
        cs.closed.push_back(c);
        cs.period.push_back(class_period(g, cs.classes[c], cs.class_of, c));
        for (std::size_t s : cs.classes[c]) cs.closed_index[s] = k;
    }
    for (std::size_t s = 0; s < n; ++s) {
        if (cs.closed_index[s] == ClassStructure::npos) cs.transient.push_back(s);
        const auto t = g.targets(s);
        if (t.size() == 1 && t[0] == s) cs.absorbing.push_back(s);
    }
    return cs;
}

bool truncation_keeps_class_structure(const ClassStructure& cs, const std::vector<bool>& truncated_rows) {
    for (std::size_t k = 0; k < cs.closed.size(); ++k) {
        const std::vector<std::size_t>& members = cs.closed_class(k);
        const bool lost = std::any_of(members.begin(), members.end(), [&](std::size_t s) { return truncated_rows[s]; });
        if (!lost) continue;
        if (members.size() == cs.class_of.size() && cs.period[k] == 1) continue;
        return false;
    }
    return true;
}

}  // namespace collapse
