#include <collapse/graph/support.hpp>

#include <stdexcept>
#include <utility>

namespace collapse {

Support::Support(std::vector<std::size_t> row_start, std::vector<std::size_t> column)
    : row_start_(std::move(row_start)), column_(std::move(column)) {
    if (row_start_.empty() || row_start_.front() != 0 || row_start_.back() != column_.size())
        throw std::logic_error("Support: row_start does not delimit the column array");
    const std::size_t n = size();
    for (std::size_t i = 0; i < n; ++i) {
        if (row_start_[i] > row_start_[i + 1])
            throw std::logic_error("Support: row_start is not monotone");
        for (std::size_t e = row_start_[i]; e < row_start_[i + 1]; ++e) {
            if (column_[e] >= n) throw std::logic_error("Support: target out of range");
            if (e > row_start_[i] && column_[e] <= column_[e - 1])
                throw std::logic_error("Support: targets of a row are not strictly increasing");
        }
    }
}

}  // namespace collapse
