#pragma once
// A row of a chain given by enclosures instead of values, for chains too large to store:
// the rows are produced one at a time, used and forgotten.
#include <cstddef>
#include <functional>
#include <vector>

namespace collapse {

/// Row i of a chain: P(i, first + k) lies in [lo[k], hi[k]] for every k of the window, and
/// the probabilities of all columns outside the window add up to at most `outside` (the
/// rigorously bounded mass of transitions left out as negligible). Long double: its 64-bit
/// significand keeps the entries' relative widths far below a double's rounding, so that a
/// certificate built on them is limited by the double solve it certifies, not by the data.
struct RowEnclosure {
    std::size_t first = 0;
    std::vector<long double> lo, hi;
    long double outside = 0;
};

/// Fills `row` with the enclosure of row `state`. Called with the rounding mode upward
/// (detail::UpwardRounding, core/directed_rounding.hpp), which the source relies on for its own directed rounding.
using RowEnclosureSource = std::function<void(std::size_t state, RowEnclosure& row)>;

}  // namespace collapse
