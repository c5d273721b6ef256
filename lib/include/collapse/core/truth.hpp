#pragma once
// Three-valued answers to questions asked of a scalar. Exact arithmetic always answers
// yes or no; an interval may answer unknown ("more precision needed"), so algorithms must
// never turn a scalar comparison into a plain bool.
#include <string_view>

namespace collapse {

enum class Truth { no, yes, unknown };

/// How a reported number relates to the true value (model.md, "Guarantees").
enum class Guarantee { exact, enclosure, approximate };

constexpr std::string_view to_string(Guarantee g) {
    switch (g) {
        case Guarantee::exact: return "exact";
        case Guarantee::enclosure: return "enclosure";
        case Guarantee::approximate: return "approximate";
    }
    return "unknown";
}

}  // namespace collapse
