// The certified route end to end: the structure read off the rows' windows, the refined
// solve, the certificate; memory checked before anything large is allocated.
#include <collapse/analysis/certified_absorption.hpp>
#include <collapse/core/error.hpp>

#include <collapse/core/directed_rounding.hpp>

#include <algorithm>
#include <string>

namespace collapse {

WindowedStructure windowed_structure(const RowEnclosureSource& rows, std::size_t states) {
    std::vector<std::size_t> row_start{0}, column;
    std::vector<bool> truncated(states, false);
    RowEnclosure row;
    for (std::size_t s = 0; s < states; ++s) {
        {
            const detail::UpwardRounding upward;
            rows(s, row);
        }
        if (row.hi.size() != row.lo.size() || row.first + row.lo.size() > states)
            throw std::logic_error("windowed_structure: a row enclosure does not fit the chain");
        for (std::size_t e = 0; e < row.lo.size(); ++e) {
            if (!(row.hi[e] > 0)) continue;  // certainly no transition
            if (!(row.lo[e] > 0))
                throw Unable("certified absorption: whether state " + std::to_string(s) + " moves to state " +
                             std::to_string(row.first + e) + " is not decided by its enclosure");
            column.push_back(row.first + e);
        }
        truncated[s] = row.outside > 0;
        row_start.push_back(column.size());
    }
    WindowedStructure out{Support(std::move(row_start), std::move(column)), {}};
    out.classes = class_structure(out.support);
    if (std::find(truncated.begin(), truncated.end(), true) != truncated.end() &&
        !truncation_keeps_class_structure(out.classes, truncated))
        throw Unable("certified absorption: the class structure cannot be decided from the rows' windows (left-out "
                     "transitions might connect classes)");
    return out;
}

void require_certified_absorption_memory(std::size_t states, double row_width, const ResourceLimits& limits) {
    // Held at once at the peak: the support (8 bytes per kept transition), the band (8 per
    // entry of a band as wide as a row), and a few vectors per state.
    const double n = static_cast<double>(states), width = std::min(n, row_width);
    require_memory(limits, n * width * (8.0 + 8.0) + n * 160.0,
                   "the absorption analysis by rows of a chain of " + std::to_string(states) + " states (about " +
                       std::to_string(static_cast<long long>(width)) + " transitions kept per row)");
}

AbsorptionByRows<Interval> certified_absorption(const RowEnclosureSource& rows, std::size_t states,
                                                double row_width, bool want_probabilities, bool want_steps,
                                                const ResourceLimits& limits) {
    require_certified_absorption_memory(states, row_width, limits);
    AbsorptionByRows<Interval> out{windowed_structure(rows, states), {}};
    const ApproximateAbsorption approximate = refined_absorption(rows, out.structure, want_probabilities);
    out.absorption = certify_absorption(rows, out.structure.classes, approximate, want_probabilities, want_steps);
    return out;
}

AbsorptionByRows<double> approximate_absorption_by_rows(const RowEnclosureSource& rows, std::size_t states,
                                                        double row_width, bool want_probabilities, bool want_steps,
                                                        const ResourceLimits& limits) {
    require_certified_absorption_memory(states, row_width, limits);
    AbsorptionByRows<double> out{windowed_structure(rows, states), {}};
    const ApproximateAbsorption refined = refined_absorption(rows, out.structure, want_probabilities);
    AbsorptionResult<double>& a = out.absorption;
    a.transient = refined.transient;
    const std::size_t n = refined.transient.size();
    if (n == 0 || (!want_probabilities && !want_steps)) {
        a.method = "none needed";
        return out;
    }
    if (want_probabilities) {
        a.probability = DenseMatrix<double>(n, refined.probability.size(), 0.0);
        for (std::size_t c = 0; c < refined.probability.size(); ++c)
            for (std::size_t i = 0; i < n; ++i) a.probability(i, c) = static_cast<double>(refined.probability[c][i]);
    }
    if (want_steps)
        for (long double t : refined.expected_steps) a.expected_steps.push_back(static_cast<double>(t));
    a.method = refined.method + " (approximate)";
    return out;
}

}  // namespace collapse
