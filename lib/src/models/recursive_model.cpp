#include <collapse/core/counted.hpp>
#include <collapse/core/error.hpp>
#include <collapse/models/recursive_model.hpp>

#include <string>

namespace collapse {

std::string Fit::to_string() const {
    switch (kind) {
        case Kind::mle: return "mle";
        case Kind::smooth: return "smooth:" + alpha.str();
        case Kind::temper: return "temper:" + beta.str();
        case Kind::topk: return "topk:" + std::to_string(k);
    }
    return "?";
}

bool Fit::is_mle_equivalent(std::size_t symbols) const {
    switch (kind) {
        case Kind::mle: return true;
        case Kind::smooth: return alpha.is_zero();
        case Kind::temper: return beta == 1;
        case Kind::topk: return k == symbols;
    }
    return false;
}

Fit parse_fit(std::string_view text) {
    const std::string accepted = "; accepted: mle, smooth:A (A >= 0), temper:B (B > 0), topk:M (1 <= M <= K)";
    const auto colon = text.find(':');
    const std::string_view name = text.substr(0, colon);
    const std::string_view arg = colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    Fit fit;
    if (name == "mle" && colon == std::string_view::npos) return fit;
    if (colon == std::string_view::npos || arg.empty())
        throw InvalidInput("--fit: '" + std::string(text) + "' is not a fit" + accepted);
    if (name == "smooth") {
        fit.kind = Fit::Kind::smooth;
        fit.alpha = parse_rational(arg, "--fit smooth:A");
        if (fit.alpha.sign() < 0)
            throw InvalidInput("--fit: smooth:" + std::string(arg) + " has a negative A" + accepted);
    } else if (name == "temper") {
        fit.kind = Fit::Kind::temper;
        fit.beta = parse_rational(arg, "--fit temper:B");
        if (fit.beta.sign() <= 0)
            throw InvalidInput("--fit: temper:" + std::string(arg) + " needs B > 0" + accepted);
    } else if (name == "topk") {
        fit.kind = Fit::Kind::topk;
        fit.k = parse_count(arg, "--fit topk:M");
        if (fit.k == 0) throw InvalidInput("--fit: topk:0 keeps no symbol" + accepted);
    } else {
        throw InvalidInput("--fit: '" + std::string(text) + "' is not a fit" + accepted);
    }
    return fit;
}

RecursiveModel validated(RecursiveModel m) {
    if (m.symbols < 2)
        throw InvalidInput("--symbols: K = " + std::to_string(m.symbols) + " is not accepted; K must be at least 2");
    if (m.samples < 1) throw InvalidInput("--samples: N = 0 is not accepted; N must be at least 1");
    if (m.samples > 0xFFFFFFFFull)
        throw InvalidInput("--samples: N = " + std::to_string(m.samples) + " is not accepted; N must be below 2^32");
    if (m.fit.kind == Fit::Kind::topk && m.fit.k > m.symbols)
        throw InvalidInput("--fit: topk:" + std::to_string(m.fit.k) + " keeps more symbols than K = " +
                           std::to_string(m.symbols) + "; accepted: 1 <= M <= K");
    if (m.fresh.kind == FreshData::Kind::fraction && (m.fresh.fraction.sign() < 0 || m.fresh.fraction > 1))
        throw InvalidInput("--fresh-fraction: " + m.fresh.fraction.str() + " is outside [0, 1]");
    if (m.fresh.kind == FreshData::Kind::count && m.fresh.count > m.samples)
        throw InvalidInput("--fresh-count: m = " + std::to_string(m.fresh.count) + " exceeds N = " +
                           std::to_string(m.samples) + "; accepted: 0 <= m <= N");
    if (m.symbols > (std::size_t{1} << 24))
        throw ResourceLimit("--symbols: K = " + std::to_string(m.symbols) +
                            " symbols give at least as many states, each a row of a dense system; "
                            "K up to 2^24 is accepted");
    if (m.external.empty()) {
        m.external.assign(m.symbols, Rational(Integer(1), Integer(m.symbols)));
    } else {
        if (m.external.size() != m.symbols)
            throw InvalidInput("--external: " + counted(m.external.size(), "entry", "entries") + " given; K = " +
                               std::to_string(m.symbols) + " are needed");
        Rational sum = 0;
        for (const Rational& q : m.external) {
            if (q.sign() < 0) throw InvalidInput("--external: entry " + q.str() + " is negative; entries must be >= 0");
            sum += q;
        }
        if (sum != 1)
            throw InvalidInput("--external: entries sum to " + sum.str() + ", not exactly 1");
    }
    return m;
}

}  // namespace collapse
