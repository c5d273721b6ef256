#pragma once
// The exact support of a chain: which transitions have positive probability, as a
// compressed sparse row pattern. Graph analyses work on this alone, never on numbers, so
// a probability that rounds to zero in some arithmetic cannot change the class structure.
#include <cstddef>
#include <span>
#include <vector>

namespace collapse {

class Support {
public:
    Support() = default;
    /// `row_start` has size()+1 entries; the targets of row i are
    /// column[row_start[i] .. row_start[i+1]), strictly increasing and < size().
    /// Throws std::logic_error if the pattern is malformed (a bug in the caller).
    Support(std::vector<std::size_t> row_start, std::vector<std::size_t> column);

    std::size_t size() const { return row_start_.size() - 1; }
    std::size_t entries() const { return column_.size(); }
    std::size_t row_begin(std::size_t i) const { return row_start_[i]; }
    std::size_t row_end(std::size_t i) const { return row_start_[i + 1]; }
    std::size_t column(std::size_t entry) const { return column_[entry]; }
    std::span<const std::size_t> targets(std::size_t i) const {
        return {column_.data() + row_start_[i], row_start_[i + 1] - row_start_[i]};
    }

private:
    std::vector<std::size_t> row_start_{0};
    std::vector<std::size_t> column_;
};

}  // namespace collapse
