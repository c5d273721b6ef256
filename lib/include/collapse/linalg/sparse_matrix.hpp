#pragma once
// Matrices handed to linear solvers: a square sparse system matrix and a dense block of
// right-hand sides. Solvers choose their own internal representation.
#include <cstddef>
#include <deque>
#include <stdexcept>
#include <vector>

namespace collapse {

/// Row-major dense matrix.
template <class S>
class DenseMatrix {
public:
    DenseMatrix() = default;
    DenseMatrix(std::size_t rows, std::size_t cols, const S& fill)
        : rows_(rows), cols_(cols), data_(rows * cols, fill) {}
    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    S& operator()(std::size_t i, std::size_t j) { return data_[i * cols_ + j]; }
    const S& operator()(std::size_t i, std::size_t j) const { return data_[i * cols_ + j]; }

private:
    std::size_t rows_ = 0, cols_ = 0;
    std::vector<S> data_;
};

/// Square sparse matrix in compressed rows; built row by row with `add` (or `add_negated`)
/// then `end_row`.
///
/// Every entry is a reference to a magnitude and a sign. `add` stores its value in the
/// matrix; `add_negated` refers to a value the caller keeps alive for the matrix's lifetime
/// (a chain's weight). The analyses' systems are I - Q scaled, whose off-diagonal entries
/// are exactly the negated weights of the chain: an exact chain holds them as integers of
/// ~N log2 N bits (11 GB at K = 2, N = 2000), and referring to them instead of copying
/// halves the memory of an exact analysis. Solvers that want values call `value`; the exact
/// ones read `magnitude` and `negated` and never copy.
template <class S>
class SparseMatrix {
public:
    explicit SparseMatrix(std::size_t n) : n_(n) { row_start_.reserve(n + 1); row_start_.push_back(0); }
    // Entries point into owned_: a move keeps a deque's elements in place, a copy would not.
    SparseMatrix(SparseMatrix&&) = default;
    SparseMatrix& operator=(SparseMatrix&&) = default;
    SparseMatrix(const SparseMatrix&) = delete;
    SparseMatrix& operator=(const SparseMatrix&) = delete;

    void add(std::size_t column, S value) {
        owned_.push_back(std::move(value));
        push(column, &owned_.back(), false);
    }
    /// The entry -value, read from `value` itself, which must outlive the matrix.
    void add_negated(std::size_t column, const S& value) { push(column, &value, true); }
    void end_row() { row_start_.push_back(column_.size()); }
    std::size_t size() const { return n_; }
    bool complete() const { return row_start_.size() == n_ + 1; }
    std::size_t row_begin(std::size_t i) const { return row_start_[i]; }
    std::size_t row_end(std::size_t i) const { return row_start_[i + 1]; }
    std::size_t column(std::size_t e) const { return column_[e]; }
    /// The entry's value (a copy: negated entries exist only as their magnitude).
    S value(std::size_t e) const { return negated_[e] ? -*magnitude_[e] : *magnitude_[e]; }
    /// The entry is `negated(e) ? -magnitude(e) : magnitude(e)`.
    const S& magnitude(std::size_t e) const { return *magnitude_[e]; }
    bool negated(std::size_t e) const { return negated_[e]; }

private:
    void push(std::size_t column, const S* magnitude, bool negated) {
        column_.push_back(column);
        magnitude_.push_back(magnitude);
        negated_.push_back(negated);
    }

    std::size_t n_;
    std::vector<std::size_t> row_start_;
    std::vector<std::size_t> column_;
    std::vector<const S*> magnitude_;
    std::vector<bool> negated_;
    std::deque<S> owned_;  ///< values given to `add` (a deque keeps their addresses)
};

}  // namespace collapse
