#pragma once
// A validated finite Markov chain over a scalar type S.
//
// Rows are stored as weights over a row total: P(i, j) = weight / row_total(i). For exact
// chains the weights and totals are integers (a recursive-training row is
// multinomial * prod a_i^{c'_i} over d^N), so building a chain with millions of entries
// never canonicalises a fraction; the linear systems of the analyses are formed directly
// from these integers. Zero probabilities are not stored: the pattern is the exact support.
#include <collapse/graph/support.hpp>
#include <collapse/scalar/scalar.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace collapse {

template <Scalar S>
class Chain {
public:
    /// Checks the invariants (one weight per support entry, no negative weight, rows adding
    /// up to their totals in the sense of `agrees`, one label per state); a violation is a bug in the builder and
    /// throws std::logic_error. Inputs from users are validated before this point.
    Chain(Support support, std::vector<S> weights, std::vector<S> row_totals,
          std::vector<std::string> labels)
        : support_(std::move(support)), weights_(std::move(weights)),
          row_totals_(std::move(row_totals)), labels_(std::move(labels)) {
        const std::size_t n = support_.size();
        if (weights_.size() != support_.entries() || row_totals_.size() != n || labels_.size() != n)
            throw std::logic_error("Chain: sizes of support, weights, totals and labels differ");
        for (std::size_t i = 0; i < n; ++i) {
            if (support_.row_begin(i) == support_.row_end(i))
                throw std::logic_error("Chain: a state has no transition");
            S sum = from_integer<S>(0);
            for (std::size_t e = support_.row_begin(i); e < support_.row_end(i); ++e) {
                // A double may underflow to 0 on a supported transition; none may be negative.
                if (is_positive(-weights_[e]) == Truth::yes)
                    throw std::logic_error("Chain: a stored weight is negative");
                if (scalar_traits<S>::guarantee == Guarantee::exact && is_zero(weights_[e]) == Truth::yes)
                    throw std::logic_error("Chain: an exact chain stores a zero probability in its support");
                sum = sum + weights_[e];
            }
            if (agrees(sum, row_totals_[i]) == Truth::no)
                throw std::logic_error("Chain: a row's weights do not add up to its total");
        }
        for (std::size_t i = 0; i < n; ++i) index_of_label_.emplace(labels_[i], i);
        if (index_of_label_.size() != n) throw std::logic_error("Chain: duplicate state label");
    }

    std::size_t size() const { return support_.size(); }
    const Support& support() const { return support_; }
    /// Weight of support entry e (see Support::row_begin / row_end / column).
    const S& weight(std::size_t entry) const { return weights_[entry]; }
    const S& row_total(std::size_t state) const { return row_totals_[state]; }
    /// P(i, column(e)) for an entry e of row i.
    S probability(std::size_t state, std::size_t entry) const {
        return weights_[entry] / row_totals_[state];
    }
    /// P(i, j), zero when (i, j) is not in the support.
    S probability_between(std::size_t i, std::size_t j) const {
        for (std::size_t e = support_.row_begin(i); e < support_.row_end(i); ++e)
            if (support_.column(e) == j) return probability(i, e);
        return from_integer<S>(0);
    }
    const std::string& label(std::size_t state) const { return labels_[state]; }
    const std::vector<std::string>& labels() const { return labels_; }
    std::optional<std::size_t> find(const std::string& label) const {
        const auto it = index_of_label_.find(label);
        if (it == index_of_label_.end()) return std::nullopt;
        return it->second;
    }

private:
    Support support_;
    std::vector<S> weights_;
    std::vector<S> row_totals_;
    std::vector<std::string> labels_;
    std::unordered_map<std::string, std::size_t> index_of_label_;
};

}  // namespace collapse
