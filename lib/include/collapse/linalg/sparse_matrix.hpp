#pragma once
// Matrices handed to linear solvers: a square sparse system matrix and a dense block of
// right-hand sides. Solvers choose their own internal representation.
#include <cstddef>
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

/// Square sparse matrix in compressed rows; built row by row with `add` then `end_row`.
template <class S>
class SparseMatrix {
public:
    explicit SparseMatrix(std::size_t n) : n_(n) { row_start_.reserve(n + 1); row_start_.push_back(0); }
    void add(std::size_t column, S value) {
        column_.push_back(column);
        value_.push_back(std::move(value));
    }
    void end_row() { row_start_.push_back(column_.size()); }
    std::size_t size() const { return n_; }
    bool complete() const { return row_start_.size() == n_ + 1; }
    std::size_t row_begin(std::size_t i) const { return row_start_[i]; }
    std::size_t row_end(std::size_t i) const { return row_start_[i + 1]; }
    std::size_t column(std::size_t e) const { return column_[e]; }
    const S& value(std::size_t e) const { return value_[e]; }

private:
    std::size_t n_;
    std::vector<std::size_t> row_start_;
    std::vector<std::size_t> column_;
    std::vector<S> value_;
};

}  // namespace collapse
