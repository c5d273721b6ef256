// The analysis entry point's non-template part for exact chains.
#include <collapse/analysis/analysis.hpp>
#include <collapse/scalar/rational.hpp>

#include <algorithm>

namespace collapse {

double largest_row_bits(const Chain<Rational>& chain) {
    double bits = 1;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const Integer num = boost::multiprecision::numerator(chain.row_total(i));
        if (!num.is_zero()) bits = std::max(bits, static_cast<double>(boost::multiprecision::msb(num) + 1));
    }
    return bits;
}

}  // namespace collapse
