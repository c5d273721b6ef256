#pragma once
// What `collapse metrics` and `collapse fresh-data` print, gathered before anything is
// printed, and the two ways of printing each (JSON values encoded as in `analyze`).
#include <collapse/metrics/expected_metrics.hpp>
#include <collapse/metrics/forgetting.hpp>
#include <collapse/metrics/fresh_data_search.hpp>
#include <collapse/models/recursive_model.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace collapse {

template <Scalar S>
struct MetricsReport {
    RecursiveModel model;
    std::string start;
    std::vector<ExpectedMetrics<S>> by_generation;  ///< t = 0..T
    std::size_t closed_classes = 0;
    std::optional<ExpectedMetrics<S>> stationary;   ///< when the stationary law is unique
    std::vector<SymbolForgetting<S>> forgetting;
    /// Precision of the enclosures: asked for, used, and why it was raised.
    long precision_requested = 0, precision_used = 0;
    std::string precision_raised_because;
};

template <Scalar S>
void write_metrics_json(const MetricsReport<S>& report, std::ostream& out);
template <Scalar S>
void write_metrics_text(const MetricsReport<S>& report, std::ostream& out);

struct FreshDataReport {
    RecursiveModel model;  ///< K, N, fit and q (the fresh fraction is what is searched)
    FreshDataSearch search;
    long precision_requested = 0;
};

void write_fresh_data_json(const FreshDataReport& report, std::ostream& out);
void write_fresh_data_text(const FreshDataReport& report, std::ostream& out);

}  // namespace collapse
