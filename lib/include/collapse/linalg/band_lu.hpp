#pragma once
// LU factorization without pivoting of a band matrix in double, factored once and applied to
// any number of right-hand sides (iterative refinement solves with the same factors again).
// The analyses' matrices are nonsingular M-matrices (I - Q), row diagonally dominant, so
// elimination needs no pivoting, keeps the band, and is backward stable (growth factor at
// most 2). Recursive-training rows are binomial-like and concentrated near their mean, so
// past a negligible cut-off the band is narrow: about 2 sqrt(35 N) wide against N for a
// dense LU (numerics.md). Written here because neither Eigen (dense or fill-reducing sparse
// LU) nor any other Debian C++ library offers a band LU without pivoting; LAPACK's dgbsv
// pivots and doubles the upper band.
#include <collapse/linalg/sparse_matrix.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace collapse {

/// An n x n matrix stored by its band: row i holds columns i - lower .. i + upper.
class BandMatrix {
public:
    BandMatrix(std::size_t n, std::size_t lower, std::size_t upper)
        : n_(n), lower_(lower), upper_(upper), values_(n * (lower + upper + 1), 0.0) {}
    std::size_t size() const { return n_; }
    std::size_t lower() const { return lower_; }
    std::size_t upper() const { return upper_; }
    /// Entry (i, j), for i - lower <= j <= i + upper only.
    double& at(std::size_t i, std::size_t j) { return values_[i * (lower_ + upper_ + 1) + (j + lower_ - i)]; }
    double at(std::size_t i, std::size_t j) const { return values_[i * (lower_ + upper_ + 1) + (j + lower_ - i)]; }

private:
    std::size_t n_, lower_, upper_;
    std::vector<double> values_;
};

class BandLU {
public:
    /// Entries below this fraction of their row's diagonal are dropped: a relative change of
    /// at most n * 1e-30 per row, far below the rounding of a double.
    static constexpr double negligible = 1e-30;

    /// The lower and upper bandwidths of `a` once negligible entries are dropped; nothing when
    /// a diagonal is not positive and finite (not the M-matrix the elimination relies on).
    static std::optional<std::pair<std::size_t, std::size_t>> bandwidths(const SparseMatrix<double>& a);

    /// The factors, or nothing when a diagonal or a pivot is not positive and finite.
    static std::optional<BandLU> factor(const SparseMatrix<double>& a);
    /// The same from a band already filled (no sparse copy: the band is the only storage).
    static std::optional<BandLU> factor(BandMatrix band);

    /// Overwrites x (n rows, any number of columns) with A^-1 x. Throws Unable when the result
    /// is not finite (A singular to double precision).
    void solve(DenseMatrix<double>& x) const;

    std::size_t size() const { return lu_.size(); }
    std::size_t lower() const { return lu_.lower(); }
    std::size_t upper() const { return lu_.upper(); }
    /// "band LU without pivoting (M-matrix), lower/upper bandwidth L/U", and whether
    /// negligible entries were dropped.
    std::string description() const;

private:
    BandLU(BandMatrix lu, bool dropped) : lu_(std::move(lu)), dropped_negligible_(dropped) {}
    BandMatrix lu_;  ///< U on and above the diagonal, L's multipliers below it
    bool dropped_negligible_;  ///< built from a sparse matrix whose negligible entries were dropped
};

}  // namespace collapse
