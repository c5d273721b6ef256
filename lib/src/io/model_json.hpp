#pragma once
// Internal to the library's JSON writers: the pieces every command's output shares, such as
// the echo of a recursive-training model (cli.md: "every parameter explicit").
#include <collapse/models/recursive_model.hpp>
#include <collapse/scalar/scalar.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace collapse::detail {

/// The "arithmetic" key of every command's JSON: the guarantee as the --arithmetic value.
inline std::string_view arithmetic_name(Guarantee g) {
    switch (g) {
        case Guarantee::exact: return "exact";
        case Guarantee::enclosure: return "interval";
        case Guarantee::approximate: return "float";
    }
    return "?";
}

inline nlohmann::ordered_json model_json(const RecursiveModel& m) {
    using Json = nlohmann::ordered_json;
    Json j;
    j["kind"] = "recursive-training";
    j["symbols"] = m.symbols;
    j["samples"] = m.samples;
    j["fit"] = m.fit.to_string();
    Json fresh;
    switch (m.fresh.kind) {
        case FreshData::Kind::none: fresh["kind"] = "none"; break;
        case FreshData::Kind::fraction:
            fresh["kind"] = "fraction";
            fresh["fraction"] = m.fresh.fraction.str();
            break;
        case FreshData::Kind::count:
            fresh["kind"] = "count";
            fresh["count"] = m.fresh.count;
            break;
    }
    j["fresh"] = fresh;
    Json q = Json::array();
    for (const Rational& v : m.external) q.push_back(v.str());
    j["external"] = q;
    return j;
}

}  // namespace collapse::detail
