// The approximate solve behind the certificate: one double band LU of the rows' midpoints,
// then iterative refinement with residuals in long double. The certificate's bound is
// proportional to the residual, which a double solve alone leaves at the double chain's
// error; two refinement steps bring it to the rounding of the long double data.
#include <collapse/analysis/certified_absorption.hpp>
#include <collapse/core/error.hpp>
#include <collapse/linalg/band_lu.hpp>

#include <collapse/core/directed_rounding.hpp>

#include <algorithm>
#include <optional>
#include <utility>
#include <stdexcept>

namespace collapse {
namespace {

// Row `state` enclosed (under upward rounding, as sources expect) and reduced to midpoints.
void midpoints(const RowEnclosureSource& rows, std::size_t state, RowEnclosure& row, std::vector<long double>& mid) {
    {
        const detail::UpwardRounding upward;
        rows(state, row);
    }
    mid.resize(row.lo.size());
    for (std::size_t e = 0; e < row.lo.size(); ++e) mid[e] = (row.lo[e] + row.hi[e]) / 2;
}

}  // namespace

ApproximateAbsorption refined_absorption(const RowEnclosureSource& rows, const WindowedStructure& structure,
                                         bool want_probabilities, int refinements) {
    const ClassStructure& cs = structure.classes;
    const std::size_t states = cs.class_of.size(), n = cs.transient.size();
    const std::size_t k = want_probabilities ? cs.closed.size() : 0, columns = k + 1;  // classes, then steps
    ApproximateAbsorption out;
    out.transient = cs.transient;
    if (n == 0) return out;
    std::vector<std::size_t> position(states, ClassStructure::npos);
    for (std::size_t i = 0; i < n; ++i) position[cs.transient[i]] = i;

    // The band of A = I - Q over the transient states, read off the support: the system is
    // written straight into band storage, with no sparse copy (at N = 10^5 that copy alone
    // would take 9 GB).
    std::size_t lower = 0, upper = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t to : structure.support.targets(cs.transient[i])) {
            if (position[to] == ClassStructure::npos) continue;
            if (position[to] < i) lower = std::max(lower, i - position[to]);
            else upper = std::max(upper, position[to] - i);
        }
    RowEnclosure row;
    std::vector<long double> mid;
    DenseMatrix<double> rhs(n, columns, 0.0);
    std::optional<BandLU> lu;
    {
        // A = I - Q; b = mass into each class, and 1 for the steps.
        BandMatrix a(n, lower, upper);
        std::vector<long double> to_class(k);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t state = cs.transient[i];
            midpoints(rows, state, row, mid);
            long double diagonal = 1;
            std::fill(to_class.begin(), to_class.end(), 0.0L);
            for (std::size_t e = 0; e < mid.size(); ++e) {
                const std::size_t to = row.first + e;
                if (position[to] == ClassStructure::npos) {
                    if (k > 0) to_class[cs.closed_index[to]] += mid[e];
                } else if (to == state) {
                    diagonal -= mid[e];
                } else if (mid[e] != 0) {  // a window entry is in the support when it is not 0
                    a.at(i, position[to]) = static_cast<double>(-mid[e]);
                }
            }
            a.at(i, i) = static_cast<double>(diagonal);
            for (std::size_t c = 0; c < k; ++c) rhs(i, c) = static_cast<double>(to_class[c]);
            rhs(i, k) = 1.0;
        }
        lu = BandLU::factor(std::move(a));
        if (!lu)
            throw Unable("certified absorption: the band LU of the rows' midpoints met a pivot that is not positive");
    }

    DenseMatrix<double> correction = rhs;
    lu->solve(correction);
    // y[c] over all states: the transient values, and on closed states the boundary values
    // (1 on class c for its probabilities, 0 elsewhere and for the steps).
    std::vector<std::vector<long double>> y(columns, std::vector<long double>(states, 0));
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t s : cs.closed_class(c)) y[c][s] = 1;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t c = 0; c < columns; ++c) y[c][cs.transient[i]] = correction(i, c);

    for (int step = 0; step < refinements; ++step) {
        // r = constant + sum_j P(i,j) y_j - y_i, the residual of (I - Q) y = b.
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t state = cs.transient[i];
            midpoints(rows, state, row, mid);
            for (std::size_t c = 0; c < columns; ++c) {
                long double sum = c == k ? 1.0L : 0.0L;
                for (std::size_t e = 0; e < mid.size(); ++e) sum += mid[e] * y[c][row.first + e];
                correction(i, c) = static_cast<double>(sum - y[c][state]);
            }
        }
        lu->solve(correction);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < columns; ++c) y[c][cs.transient[i]] += correction(i, c);
    }

    out.probability.assign(k, std::vector<long double>(n));
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t i = 0; i < n; ++i) out.probability[c][i] = y[c][cs.transient[i]];
    out.expected_steps.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.expected_steps[i] = y[k][cs.transient[i]];
    out.method = "the rows' midpoints by " + lu->description() + "; refined " + std::to_string(refinements) +
                 " times with long double residuals";
    return out;
}

}  // namespace collapse
