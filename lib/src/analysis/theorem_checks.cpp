#include <collapse/analysis/theorem_checks.hpp>
#include <collapse/core/counted.hpp>
#include <collapse/models/state_space.hpp>
#include <collapse/scalar/rational.hpp>

#include <algorithm>

namespace collapse {

std::string_view to_string(TheoremStatus s) {
    switch (s) {
        case TheoremStatus::holds: return "holds";
        case TheoremStatus::consistent: return "consistent";
        case TheoremStatus::fails: return "fails";
        case TheoremStatus::not_applicable: return "not-applicable";
    }
    return "?";
}

namespace {

// Combines the answers of all comparisons a check made.
struct Verdict {
    bool any_no = false, any_unknown = false;
    std::string first_failure;
    void add(Truth t, const std::string& failure) {
        if (t == Truth::no && !any_no) {
            any_no = true;
            first_failure = failure;
        }
        any_unknown = any_unknown || t == Truth::unknown;
    }
    TheoremStatus status() const {
        return any_no ? TheoremStatus::fails : any_unknown ? TheoremStatus::consistent : TheoremStatus::holds;
    }
};

bool all_met(const std::vector<Hypothesis>& h) {
    return std::all_of(h.begin(), h.end(), [](const Hypothesis& x) { return x.met; });
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "(";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + ")";
}

template <Scalar S>
std::string str(const S& x) { return scalar_traits<S>::to_string(x); }

// A numeric inequality decided in approximate arithmetic is evidence, not proof: at most
// "consistent". (Exact and enclosure answers stand as they are.)
template <Scalar S>
Truth proved_in(Truth t) {
    return scalar_traits<S>::guarantee == Guarantee::approximate && t == Truth::yes ? Truth::unknown : t;
}

// How a prediction was confirmed, in the words of the type's guarantee.
template <Scalar S>
std::string how_agreed() {
    switch (scalar_traits<S>::guarantee) {
        case Guarantee::exact: return " exactly";
        case Guarantee::enclosure: return " (each enclosure contains N q_i)";
        case Guarantee::approximate: return " (approximately: within 1e-9 max(1, |N q_i|))";
    }
    return "";
}

// The probability that the chain started in `state` ends in the Dirac state of `symbol`:
// 1 or 0 for a state in a closed class, from the absorption result otherwise.
template <Scalar S>
S absorption_into(const Analysis<S>& a, std::size_t state, std::size_t closed_class) {
    const ClassStructure& cs = a.classes;
    if (!cs.is_transient(state))
        return from_integer<S>(cs.closed_index[state] == closed_class ? 1 : 0);
    const auto pos = std::lower_bound(cs.transient.begin(), cs.transient.end(), state) - cs.transient.begin();
    return a.absorption->probability(static_cast<std::size_t>(pos), closed_class);
}

}  // namespace

template <Scalar S>
std::vector<TheoremCheck> check_theorems(const RecursiveModel& m, const Chain<S>& chain, const Analysis<S>& a,
                                         long bits) {
    const StateSpace space(m.symbols, m.samples);
    const ClassStructure& cs = a.classes;
    const std::size_t K = m.symbols;
    const std::string fit = m.fit.to_string();
    const bool no_fresh = m.fresh.absent();
    const bool mle = m.fit.is_mle_equivalent(K);
    const bool collapsing_fit = mle || m.fit.kind == Fit::Kind::temper || m.fit.kind == Fit::Kind::topk;
    std::vector<std::size_t> dirac(K);
    for (std::size_t i = 0; i < K; ++i) dirac[i] = space.dirac(i);
    std::vector<TheoremCheck> out;

    const Hypothesis h_no_fresh{"no fresh data (lambda = 0 and m = 0)", no_fresh};
    const Hypothesis h_collapsing{"fit is mle, temper or topk (here " + fit + ")", collapsing_fit};
    const Hypothesis h_mle{"fit is mle (here " + fit + ")", mle};

    // Why the closed classes are not exactly the K Dirac singletons; empty when they are.
    const std::string not_dirac_only = [&]() -> std::string {
        for (std::size_t i = 0; i < K; ++i)
            if (cs.is_transient(dirac[i]) || cs.closed_class(cs.closed_index[dirac[i]]).size() != 1)
                return "Dirac state " + chain.label(dirac[i]) + " is not absorbing";
        for (std::size_t k = 0; k < cs.closed.size(); ++k) {
            const std::size_t s = cs.closed_class(k).front();
            if (std::find(dirac.begin(), dirac.end(), s) == dirac.end())
                return "state " + chain.label(s) + " lies in a closed class but is not a Dirac state";
        }
        return {};
    }();
    const bool dirac_only = not_dirac_only.empty();

    {  // T1 — collapse
        TheoremCheck t{"T1", TheoremStatus::not_applicable, "", {h_no_fresh, h_collapsing}};
        if (!all_met(t.hypotheses)) {
            t.detail = "hypotheses not met";
        } else if (dirac_only && cs.absorbing.size() == K) {
            t.status = TheoremStatus::holds;
            t.detail = "absorbing states are exactly the " + counted(K, "Dirac state") + "; the other " +
                       counted(chain.size() - K, "state") + (chain.size() - K == 1 ? " is" : " are") + " transient";
        } else {
            t.status = TheoremStatus::fails;
            t.detail = dirac_only ? "a non-Dirac state is absorbing" : not_dirac_only;
        }
        out.push_back(std::move(t));
    }

    {  // T2 — martingale, and absorption probabilities c_i / N
        TheoremCheck t{"T2", TheoremStatus::not_applicable, "", {h_no_fresh, h_mle}};
        const bool structure = no_fresh && collapsing_fit && dirac_only;
        if (no_fresh && mle && !structure) {
            t.status = TheoremStatus::fails;
            t.detail = not_dirac_only;
        } else if (!structure || !a.absorption || a.absorption->probability.rows() != cs.transient.size()) {
            t.detail = "hypotheses not met";
        } else {
            Verdict v;
            // Drift: sum_j W(c, j) c'_j = total(c) c, i.e. E[c' | c] = c.
            for (std::size_t s = 0; mle && s < chain.size(); ++s) {
                const auto c = space.counts(s);
                for (std::size_t i = 0; i < K; ++i) {
                    S drift = from_integer<S>(0);
                    for (std::size_t e = chain.support().row_begin(s); e < chain.support().row_end(s); ++e)
                        drift = drift + chain.weight(e) * from_integer<S>(space.counts(chain.support().column(e))[i]);
                    v.add(agrees(drift, chain.row_total(s) * from_integer<S>(c[i])),
                          "E[c'_" + std::to_string(i) + " | " + chain.label(s) + "] = " +
                              str(S(drift / chain.row_total(s))) + " differs from " + std::to_string(c[i]));
                }
            }
            Verdict absorb;
            for (std::size_t s : cs.transient) {
                const auto c = space.counts(s);
                for (std::size_t i = 0; i < K; ++i) {
                    const S p = absorption_into(a, s, cs.closed_index[dirac[i]]);
                    const S predicted =
                        scalar_traits<S>::from_rational(Rational(c[i], static_cast<long>(m.samples)), bits);
                    absorb.add(agrees(p, predicted), "from " + chain.label(s) + " the absorption probability in " +
                                                        chain.label(dirac[i]) + " is " + str(p) + ", not c_i/N = " +
                                                        str(predicted));
                }
            }
            if (mle) {
                v.add(absorb.any_no ? Truth::no : absorb.any_unknown ? Truth::unknown : Truth::yes,
                      absorb.first_failure);
                t.status = v.status();
                t.detail = v.any_no ? v.first_failure
                                    : "E[c'|c] = c at all " + counted(chain.size(), "state") +
                                          "; absorption in N e_i equals c_i/N at all " +
                                          counted(cs.transient.size(), "transient state");
            } else {
                // Outside the hypotheses the identity is not promised; say what was found.
                t.detail = absorb.any_no ? "hypotheses not met, and the identity indeed fails: " + absorb.first_failure
                                         : "hypotheses not met; absorption probabilities happen to equal c_i/N here";
            }
        }
        out.push_back(std::move(t));
    }

    {  // T3 — the stationary distributions are the Dirac mixtures
        TheoremCheck t{"T3", TheoremStatus::not_applicable, "", {h_no_fresh, h_collapsing}};
        if (!all_met(t.hypotheses) || !a.stationary) {
            t.detail = "hypotheses not met";
        } else if (!dirac_only) {
            t.status = TheoremStatus::fails;
            t.detail = not_dirac_only;
        } else {
            Verdict v;
            for (const auto& d : a.stationary->per_class)
                v.add(agrees(d.probability.front(), from_integer<S>(1)), "a Dirac class has stationary mass " +
                                                                            str(d.probability.front()) + " != 1");
            t.status = v.status();
            t.detail = v.any_no ? v.first_failure
                                : "the closed classes are the " + std::to_string(K) +
                                      " Dirac states, each with stationary law its point mass: every stationary "
                                      "distribution is a mixture of Dirac masses";
        }
        out.push_back(std::move(t));
    }

    {  // T4 — degeneration
        const bool q_positive = std::all_of(m.external.begin(), m.external.end(), [](const Rational& q) { return q.sign() > 0; });
        const bool by_fraction = m.fresh.kind == FreshData::Kind::fraction && !no_fresh;
        const bool by_count = m.fresh.kind == FreshData::Kind::count && !no_fresh;
        const bool fit_keeps_symbols = m.fit.kind != Fit::Kind::topk || m.fit.k == K;
        const bool smoothing = m.fit.kind == Fit::Kind::smooth && m.fit.alpha.sign() > 0;
        TheoremCheck t{"T4", TheoremStatus::not_applicable, "",
                       {{"fresh data (lambda > 0, or m > 0 with a fit giving every present symbol positive "
                         "probability: mle, smooth, temper), or smooth:A with A > 0",
                         by_fraction || (by_count && fit_keeps_symbols) || smoothing},
                        {"every q_i > 0 (not needed for smooth:A with A > 0)", q_positive || smoothing}}};
        if (!all_met(t.hypotheses) || !a.stationary) {
            t.detail = "hypotheses not met";
        } else {
            Verdict v;
            if (!cs.absorbing.empty()) v.add(Truth::no, "state " + chain.label(cs.absorbing.front()) + " is absorbing");
            if (cs.closed.size() != 1 || cs.closed_class(0).size() != chain.size())
                v.add(Truth::no, "the chain is not irreducible: " + std::to_string(cs.classes.size()) +
                                     " communicating classes, " + std::to_string(cs.closed.size()) + " closed");
            else if (cs.period[0] != 1)
                v.add(Truth::no, "the chain is periodic with period " + std::to_string(cs.period[0]));
            else
                for (std::size_t i = 0; i < chain.size(); ++i)
                    v.add(proved_in<S>(is_positive(a.stationary->per_class[0].probability[i])),
                          "pi(" + chain.label(i) + ") = " + str(a.stationary->per_class[0].probability[i]) + " is not positive");
            t.status = v.status();
            t.detail = v.any_no ? v.first_failure
                                : "no absorbing state; irreducible and aperiodic; unique stationary law, positive at all " +
                                      counted(chain.size(), "state");
        }
        out.push_back(std::move(t));
    }

    {  // T5 — the stationary mean is N q; the Dirac masses next to q
        TheoremCheck t{"T5", TheoremStatus::not_applicable, "",
                       {h_mle, {"fresh data (lambda > 0 or m > 0)", !no_fresh}}};
        if (!all_met(t.hypotheses) || !a.stationary) {
            t.detail = "hypotheses not met";
        } else {
            Verdict v;
            std::vector<std::string> mean_text, q_text, dirac_text;
            for (std::size_t k = 0; k < a.stationary->per_class.size(); ++k) {
                const auto& d = a.stationary->per_class[k];
                for (std::size_t i = 0; i < K; ++i) {
                    S mean = from_integer<S>(0);
                    for (std::size_t r = 0; r < d.states.size(); ++r)
                        mean = mean + d.probability[r] * from_integer<S>(space.counts(d.states[r])[i]);
                    const S predicted = from_integer<S>(static_cast<long>(m.samples)) * scalar_traits<S>::from_rational(m.external[i], bits);
                    v.add(agrees(mean, predicted), "E_pi[c_" + std::to_string(i) + "] = " + str(mean) +
                                                      " differs from N q_" + std::to_string(i) + " = " + str(predicted));
                    if (k == 0) mean_text.push_back(str(mean));
                }
            }
            for (std::size_t i = 0; i < K; ++i) {
                q_text.push_back(m.external[i].str());
                const std::size_t s = dirac[i];
                S mass = from_integer<S>(0);
                if (!cs.is_transient(s)) {
                    const auto& d = a.stationary->per_class[cs.closed_index[s]];
                    mass = d.probability[static_cast<std::size_t>(
                        std::lower_bound(d.states.begin(), d.states.end(), s) - d.states.begin())];
                }
                dirac_text.push_back(str(mass));
            }
            t.status = v.status();
            t.detail = v.any_no ? v.first_failure
                                : "(a) E_pi[c] = N q = " + list(mean_text) + how_agreed<S>() + "; (b) Dirac masses " +
                                      list(dirac_text) + " next to q = " + list(q_text) +
                                      " (they tend to q as the fresh data vanish)";
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<TheoremCheck> theorems_not_applicable_to_file_chain() {
    std::vector<TheoremCheck> out;
    for (const char* id : {"T1", "T2", "T3", "T4", "T5"})
        out.push_back({id, TheoremStatus::not_applicable, "a chain read from a file is not a recursive-training chain",
                       {{"recursive-training chain (--symbols/--samples)", false}}});
    return out;
}

template std::vector<TheoremCheck> check_theorems<Rational>(const RecursiveModel&, const Chain<Rational>&,
                                                             const Analysis<Rational>&, long);
template std::vector<TheoremCheck> check_theorems<double>(const RecursiveModel&, const Chain<double>&,
                                                           const Analysis<double>&, long);
template std::vector<TheoremCheck> check_theorems<Interval>(const RecursiveModel&, const Chain<Interval>&,
                                                             const Analysis<Interval>&, long);

}  // namespace collapse
