#pragma once
// Internal to the figures: the number type behind a figure, the rounding of its values for
// drawing, and the sentence that states their guarantee.
#include <collapse/chain/rounded_chain.hpp>
#include <collapse/core/error.hpp>
#include <collapse/models/recursive_chain.hpp>
#include <collapse/plot/figures.hpp>
#include <collapse/plot/svg.hpp>
#include <collapse/scalar/interval.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <type_traits>

namespace collapse::plot::detail {

// Precision is raised, when an enclosure cannot be established, up to this many bits (as analyze does).
constexpr long precision_cap = 4096;

/// What a figure knows about the numbers it drew: their type and precision, and the widest
/// enclosure (0 in exact arithmetic).
struct Provenance {
    bool exact = true;
    long bits = 0;
    double widest = 0;
};

/// The value drawn: the nearest double of an exact rational, or the midpoint of an enclosure
/// (whose width is recorded, so the subtitle can say how far the drawing may be off).
inline double drawn(const Rational& x, Provenance&) { return x.convert_to<double>(); }
inline double drawn(const Interval& x, Provenance& p) {
    p.widest = std::max(p.widest, x.width_upper_bound());
    return x.lower_double_down() / 2 + x.upper_double_up() / 2;
}

/// The value for a tooltip: "3/4 ≈ 0.75", "2", or "[lo, hi]".
inline std::string value_text(const Rational& x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", x.convert_to<double>());
    const std::string exact = x.str();
    if (exact.find('/') == std::string::npos && exact.size() <= 40) return exact;  // an integer says it all
    return exact.size() > 40 ? std::string("≈ ") + buffer + " (exact rational of " + std::to_string(exact.size()) +
                                   " characters)"
                             : exact + " ≈ " + buffer;
}
inline std::string value_text(const Interval& x) {
    return "[" + x.lower_decimal(12) + ", " + x.upper_decimal(12) + "]";
}

/// The subtitle's statement of the guarantee of the computed numbers.
inline std::string guarantee_text(const Provenance& p) {
    if (p.exact) return "numbers: exact rationals (rounded to doubles only to draw them; hover a marker for the exact value)";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0e", p.widest);
    return "numbers: verified enclosures at " + std::to_string(p.bits) + " bits, each narrower than " + buffer +
           ", drawn at their midpoints";
}

template <Scalar S>
Chain<S> model_chain(const RecursiveModel& model, long bits, const ResourceLimits& limits) {
    if constexpr (std::is_same_v<S, Rational>) return exact_recursive_chain(model, limits);
    else return numeric_recursive_chain<S>(model, bits, limits);
}

template <Scalar S>
Chain<S> file_chain(const Chain<Rational>& chain, long bits) {
    if constexpr (std::is_same_v<S, Rational>) return chain;
    else return rounded_chain<S>(chain, bits);
}

/// Runs `figure.template operator()<S>(bits, provenance)` in the arithmetic asked for; in
/// interval arithmetic, doubles the precision while an enclosure cannot be established.
template <class Figure>
std::string in_numbers(const Numbers& numbers, Figure&& figure) {
    if (numbers.kind == Numbers::Kind::exact) {
        Provenance p{true, 0, 0};
        return figure.template operator()<Rational>(0L, p);
    }
    for (long bits = numbers.bits;; bits = std::min(2 * bits, precision_cap)) {
        try {
            Provenance p{false, bits, 0};
            return figure.template operator()<Interval>(bits, p);
        } catch (const Unable& e) {
            if (bits >= precision_cap)
                throw Unable(std::string(e.what()) + "; no enclosure up to the cap of " +
                             std::to_string(precision_cap) + " bits");
        }
    }
}

/// The state labelled `label`, or InvalidInput naming the accepted labels.
template <Scalar S>
std::size_t state_of(const Chain<S>& chain, const std::string& label, bool recursive) {
    if (const auto s = chain.find(label)) return *s;
    throw InvalidInput("--start: '" + label + "' is not a state of this chain; labels are " +
                       (recursive ? "counts joined by commas, e.g. " + chain.label(0)
                                  : "state numbers 0.." + std::to_string(chain.size() - 1)));
}

}  // namespace collapse::plot::detail
