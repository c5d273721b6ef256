#include <collapse/metrics/diversity.hpp>

#include <cmath>
#include <stdexcept>

namespace collapse {
namespace {

std::uint64_t total(Counts c) {
    std::uint64_t n = 0;
    for (std::uint32_t x : c) n += x;
    if (n == 0) throw std::invalid_argument("diversity: a state needs at least one sample");
    return n;
}

void check_sizes(Counts c, const std::vector<Rational>& q) {
    if (c.size() != q.size()) throw std::invalid_argument("diversity: the state and q have different lengths");
}

Rational abs(const Rational& x) { return x.sign() < 0 ? Rational(-x) : x; }

}  // namespace

std::size_t surviving_symbols(Counts c) {
    std::size_t s = 0;
    for (std::uint32_t x : c) s += x > 0 ? 1 : 0;
    return s;
}

bool is_dirac(Counts c) { return surviving_symbols(c) == 1; }

Rational total_variation(Counts c, const std::vector<Rational>& q) {
    check_sizes(c, q);
    const Rational n(static_cast<unsigned long long>(total(c)));
    Rational sum = 0;
    for (std::size_t i = 0; i < c.size(); ++i) sum += abs(Rational(c[i]) / n - q[i]);
    return sum / 2;
}

Rational wasserstein1(Counts c, const std::vector<Rational>& q) {
    check_sizes(c, q);
    const Rational n(static_cast<unsigned long long>(total(c)));
    Rational f_mu = 0, f_q = 0, sum = 0;
    for (std::size_t k = 0; k + 1 < c.size(); ++k) {
        f_mu += Rational(c[k]) / n;
        f_q += q[k];
        sum += abs(f_mu - f_q);
    }
    return sum;
}

bool kl_is_infinite(Counts c, const std::vector<Rational>& q) {
    check_sizes(c, q);
    for (std::size_t i = 0; i < c.size(); ++i)
        if (c[i] == 0 && q[i].sign() > 0) return true;
    return false;
}

Interval entropy_enclosure(Counts c, Precision bits) {
    const std::uint64_t n = total(c);
    Interval h = Interval::enclose(Rational(0), bits);
    for (std::uint32_t x : c) {
        if (x == 0) continue;  // 0 log 0 = 0
        const Rational mu = Rational(x) / Rational(static_cast<unsigned long long>(n));
        // Each term mu log(1/mu) >= 0: no cancellation between terms.
        h += Interval::enclose(mu, bits) * enclose_log(1 / mu, bits);
    }
    return h;
}

double approx_entropy(Counts c) {
    const double n = static_cast<double>(total(c));
    double h = 0;
    for (std::uint32_t x : c)
        if (x > 0) h += static_cast<double>(x) / n * std::log(n / static_cast<double>(x));
    return h;
}

Interval kl_enclosure(Counts c, const std::vector<Rational>& q, Precision bits) {
    if (kl_is_infinite(c, q)) throw std::invalid_argument("kl_enclosure: KL(q || mu) is infinite for this state");
    const Rational n(static_cast<unsigned long long>(total(c)));
    Interval kl = Interval::enclose(Rational(0), bits);
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (q[i].sign() == 0) continue;
        kl += Interval::enclose(q[i], bits) * enclose_log(q[i] * n / Rational(c[i]), bits);
    }
    return kl;
}

double approx_kl(Counts c, const std::vector<Rational>& q) {
    if (kl_is_infinite(c, q)) throw std::invalid_argument("approx_kl: KL(q || mu) is infinite for this state");
    const double n = static_cast<double>(total(c));
    double kl = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (q[i].sign() == 0) continue;
        const double qi = q[i].convert_to<double>();
        kl += qi * std::log(qi * n / static_cast<double>(c[i]));
    }
    return kl;
}

Interval entropy_enclosure(const std::vector<Rational>& q, Precision bits) {
    Interval h = Interval::enclose(Rational(0), bits);
    for (const Rational& p : q) {
        if (p.sign() < 0) throw std::invalid_argument("entropy_enclosure: a negative probability");
        if (p.sign() == 0) continue;
        h += Interval::enclose(p, bits) * enclose_log(1 / p, bits);
    }
    return h;
}

}  // namespace collapse
