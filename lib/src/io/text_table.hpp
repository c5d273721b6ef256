#pragma once
// Internal to the text writers: a left-aligned table, every column as wide as its widest cell.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace collapse::detail {

inline void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                        const std::string& indent = "  ") {
    std::vector<std::size_t> width;
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (width.size() <= c) width.push_back(0);
            width[c] = std::max(width[c], row[c].size());
        }
    for (const auto& row : rows) {
        std::string line = indent;
        for (std::size_t c = 0; c < row.size(); ++c)
            line += row[c] + (c + 1 < row.size() ? std::string(width[c] - row[c].size() + 2, ' ') : "");
        out << line << '\n';
    }
}

}  // namespace collapse::detail
