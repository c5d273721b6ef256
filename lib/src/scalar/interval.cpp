// Interval arithmetic on the raw MPFI/MPFR C API (numerics.md: Boost's mpfi_float costs
// about 40 s of compile time per translation unit and has a process-global precision).
//
// Invariants of a live Interval: an initialised __mpfi_struct in `storage_`, both endpoints
// of the same precision, never NaN, lo <= hi, and MPFI's convention for zeros (a zero left
// endpoint is +0, a zero right endpoint is -0). Rounding modes are passed explicitly on
// every MPFR call; nothing here reads or changes the floating-point environment.
#include <collapse/scalar/interval.hpp>

#include <mpfi.h>
#include <mpfr.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

namespace collapse {

namespace detail {

struct IntervalAccess {
    static_assert(sizeof(__mpfi_struct) <= sizeof(Interval::storage_),
                  "Interval::storage_ is too small for __mpfi_struct on this platform");
    static_assert(alignof(Interval) >= alignof(__mpfi_struct),
                  "Interval::storage_ is not aligned enough for __mpfi_struct");

    static mpfi_ptr raw(Interval& x) {
        return std::launder(reinterpret_cast<__mpfi_struct*>(x.storage_));
    }
    static mpfi_srcptr raw(const Interval& x) {
        return std::launder(reinterpret_cast<const __mpfi_struct*>(x.storage_));
    }
    static bool live(const Interval& x) { return x.live_; }

    // Creates the MPFI value in `x` (which must not be live) at `bits` bits; NaN until set.
    static void init(Interval& x, Precision bits) {
        ::new (static_cast<void*>(x.storage_)) __mpfi_struct;
        mpfi_init2(raw(x), static_cast<mpfr_prec_t>(bits));
        x.live_ = true;
    }
    static void release(Interval& x) noexcept {
        if (x.live_) mpfi_clear(raw(x));
        x.live_ = false;
    }
    // Takes over the MPFI value of `from` (bitwise: an MPFR number holds no pointer into
    // itself); `to` must not be live; `from` is left moved-from.
    static void steal(Interval& to, Interval& from) noexcept {
        if (from.live_) {
            ::new (static_cast<void*>(to.storage_)) __mpfi_struct(*raw(from));
        }
        to.live_ = from.live_;
        from.live_ = false;
    }
    static void swap(Interval& a, Interval& b) noexcept {
        unsigned char tmp[sizeof(Interval::storage_)];
        std::memcpy(tmp, a.storage_, sizeof tmp);
        std::memcpy(a.storage_, b.storage_, sizeof tmp);
        std::memcpy(b.storage_, tmp, sizeof tmp);
        std::swap(a.live_, b.live_);
    }
    // A fresh interval of `bits` bits whose value the caller sets next.
    static Interval make(Precision bits) {
        Interval x{Interval::Uninitialised{}};
        init(x, bits);
        return x;
    }
};

}  // namespace detail

namespace {

using detail::IntervalAccess;

void check_precision(Precision bits, const char* where) {
    if (bits < 2 || bits > static_cast<Precision>(MPFR_PREC_MAX))
        throw std::invalid_argument(std::string(where) + ": precision must be from 2 to " +
                                    std::to_string(static_cast<Precision>(MPFR_PREC_MAX)) + " bits (got " +
                                    std::to_string(bits) + ")");
}

// The MPFI value of a live interval; a moved-from interval is a caller bug.
mpfi_srcptr get(const Interval& x) {
    if (!IntervalAccess::live(x)) throw std::logic_error("collapse::Interval: use of a moved-from interval");
    return IntervalAccess::raw(x);
}
mpfi_ptr get(Interval& x) {
    if (!IntervalAccess::live(x)) throw std::logic_error("collapse::Interval: use of a moved-from interval");
    return IntervalAccess::raw(x);
}

mpfr_srcptr lo(const Interval& x) { return &get(x)->left; }
mpfr_srcptr hi(const Interval& x) { return &get(x)->right; }

// MPFI's signed-zero convention, for results built endpoint by endpoint.
void normalise_zeros(mpfi_ptr x) {
    if (mpfr_zero_p(&x->left)) mpfr_set_zero(&x->left, +1);
    if (mpfr_zero_p(&x->right)) mpfr_set_zero(&x->right, -1);
}

// An undefined result (NaN) encloses nothing: refuse it instead of returning it.
void check_defined(mpfi_srcptr r, const char* op) {
    if (mpfi_nan_p(r))
        throw std::domain_error(std::string("collapse::Interval: ") + op + " is undefined for these operands");
}

Precision joint_precision(const Interval& a, const Interval& b) {
    return std::max(a.precision(), b.precision());
}

// An MPFR scratch number freed on every path.
class Scratch {
public:
    explicit Scratch(mpfr_prec_t bits) { mpfr_init2(value_, bits); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() { mpfr_clear(value_); }
    mpfr_ptr get() { return value_; }

private:
    mpfr_t value_;
};

// The decimal string of x rounded (MPFR_RNDD or MPFR_RNDU) to `digits` significant digits.
std::string to_decimal(mpfr_srcptr x, int digits, mpfr_rnd_t rnd) {
    if (digits < 1) throw std::invalid_argument("collapse::Interval: a decimal needs at least 1 digit");
    if (mpfr_nan_p(x)) throw std::logic_error("collapse::Interval: NaN endpoint");
    if (mpfr_inf_p(x)) return mpfr_sgn(x) < 0 ? "-inf" : "inf";
    if (mpfr_zero_p(x)) return "0";
#if MPFR_VERSION < MPFR_VERSION_NUM(4, 1, 0)
    digits = std::max(digits, 2);  // older MPFR refuses a single digit
#endif
    mpfr_exp_t exp10 = 0;
    char* raw = mpfr_get_str(nullptr, &exp10, 10, static_cast<std::size_t>(digits), x, rnd);
    if (raw == nullptr) throw std::logic_error("collapse::Interval: mpfr_get_str failed");
    std::string mantissa(raw);
    mpfr_free_str(raw);

    std::string sign;
    if (!mantissa.empty() && mantissa.front() == '-') {
        sign = "-";
        mantissa.erase(0, 1);
    }
    // value = 0.<mantissa> * 10^exp10 = d.ddd * 10^(exp10 - 1); trailing zeros carry nothing.
    while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
    const long n = static_cast<long>(mantissa.size());
    const long e = static_cast<long>(exp10) - 1;  // scientific exponent of the leading digit

    std::string out = sign;
    if (e >= -2 && e < std::max<long>(n, 7)) {  // plain from 0.0ddd up to about 10^max(n,7)
        if (e < 0) {  // 0.000ddd
            out += "0.";
            out.append(static_cast<std::size_t>(-e - 1), '0');
            out += mantissa;
        } else if (e + 1 >= n) {  // an integer: ddd000
            out += mantissa;
            out.append(static_cast<std::size_t>(e + 1 - n), '0');
        } else {  // dd.ddd
            out += mantissa.substr(0, static_cast<std::size_t>(e + 1));
            out += '.';
            out += mantissa.substr(static_cast<std::size_t>(e + 1));
        }
    } else {  // d.ddde<e>
        out += mantissa[0];
        if (n > 1) {
            out += '.';
            out += mantissa.substr(1);
        }
        out += 'e';
        out += std::to_string(e);
    }
    return out;
}

// x as a double, rounded in direction rnd; a zero is returned as +0.0.
double to_double(mpfr_srcptr x, mpfr_rnd_t rnd) {
    const double d = mpfr_get_d(x, rnd);
    return d == 0.0 ? 0.0 : d;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Construction, copy, move

Interval::Interval() {
    IntervalAccess::init(*this, 64);
    mpfi_set_si(IntervalAccess::raw(*this), 0);
}

Interval::Interval(Uninitialised) noexcept {}

Interval Interval::exact_integer(long n, Precision bits) {
    check_precision(bits, "Interval::exact_integer");
    if (bits < 64)
        throw std::invalid_argument("Interval::exact_integer: needs at least 64 bits to be exact (got " +
                                    std::to_string(bits) + ")");
    Interval x = IntervalAccess::make(bits);
    mpfi_set_si(get(x), n);
    return x;
}

Interval Interval::enclose(const Rational& q, Precision bits) {
    check_precision(bits, "Interval::enclose");
    Interval x = IntervalAccess::make(bits);
    // mpfi_set_q rounds the exact rational outward (left RNDD, right RNDU).
    mpfi_set_q(get(x), q.backend().data());
    check_defined(get(x), "enclose");
    return x;
}

Interval Interval::hull(const Interval& a, const Interval& b) {
    Interval x = IntervalAccess::make(joint_precision(a, b));
    mpfi_union(get(x), get(a), get(b));
    check_defined(get(x), "hull");
    return x;
}

Interval::Interval(const Interval& other) {
    if (!other.live_) return;  // a copy of a moved-from interval is moved-from too
    IntervalAccess::init(*this, other.precision());
    mpfi_set(IntervalAccess::raw(*this), IntervalAccess::raw(other));  // same precision: exact
}

Interval::Interval(Interval&& other) noexcept { IntervalAccess::steal(*this, other); }

Interval& Interval::operator=(const Interval& other) {
    if (this == &other) return *this;
    if (!other.live_) {
        IntervalAccess::release(*this);
        return *this;
    }
    if (!live_) {
        IntervalAccess::init(*this, other.precision());
    } else if (precision() != other.precision()) {
        mpfi_set_prec(IntervalAccess::raw(*this), static_cast<mpfr_prec_t>(other.precision()));
    }
    mpfi_set(IntervalAccess::raw(*this), IntervalAccess::raw(other));  // same precision: exact
    return *this;
}

Interval& Interval::operator=(Interval&& other) noexcept {
    // Swap: `other` keeps (and later frees) this object's old value.
    if (this != &other) IntervalAccess::swap(*this, other);
    return *this;
}

Interval::~Interval() { IntervalAccess::release(*this); }

Precision Interval::precision() const { return static_cast<Precision>(mpfi_get_prec(get(*this))); }

// ---------------------------------------------------------------------------------------
// Arithmetic

Interval operator+(const Interval& a, const Interval& b) {
    Interval r = IntervalAccess::make(joint_precision(a, b));
    mpfi_add(get(r), get(a), get(b));
    check_defined(get(r), "addition");
    return r;
}

Interval operator-(const Interval& a, const Interval& b) {
    Interval r = IntervalAccess::make(joint_precision(a, b));
    mpfi_sub(get(r), get(a), get(b));
    check_defined(get(r), "subtraction");
    return r;
}

Interval operator*(const Interval& a, const Interval& b) {
    Interval r = IntervalAccess::make(joint_precision(a, b));
    mpfi_mul(get(r), get(a), get(b));
    check_defined(get(r), "multiplication");
    return r;
}

Interval operator/(const Interval& a, const Interval& b) {
    if (b.contains_zero())
        throw std::domain_error("collapse::Interval: division by an interval containing 0 (" +
                                scalar_traits<Interval>::to_string(b) + ")");
    Interval r = IntervalAccess::make(joint_precision(a, b));
    mpfi_div(get(r), get(a), get(b));
    check_defined(get(r), "division");
    return r;
}

Interval operator-(const Interval& a) {
    Interval r = IntervalAccess::make(a.precision());
    mpfi_neg(get(r), get(a));  // same precision: exact
    return r;
}

// ---------------------------------------------------------------------------------------
// Queries

bool Interval::contains(const Rational& q) const {
    mpq_srcptr value = q.backend().data();
    return mpfr_cmp_q(lo(*this), value) <= 0 && mpfr_cmp_q(hi(*this), value) >= 0;
}

bool Interval::contains_zero() const { return mpfi_has_zero(get(*this)) != 0; }

bool Interval::is_point() const { return mpfr_equal_p(lo(*this), hi(*this)) != 0; }

double Interval::width_upper_bound() const {
    Scratch width(53);
    mpfr_sub(width.get(), hi(*this), lo(*this), MPFR_RNDU);
    return to_double(width.get(), MPFR_RNDU);
}

double Interval::relative_width_upper_bound() const {
    if (contains_zero()) return std::numeric_limits<double>::infinity();
    // Smallest magnitude in the interval, exactly (same precision as the endpoints).
    Scratch mig(static_cast<mpfr_prec_t>(precision()));
    if (mpfr_sgn(lo(*this)) > 0)
        mpfr_set(mig.get(), lo(*this), MPFR_RNDN);
    else
        mpfr_neg(mig.get(), hi(*this), MPFR_RNDN);
    Scratch width(53);
    mpfr_sub(width.get(), hi(*this), lo(*this), MPFR_RNDU);
    Scratch ratio(53);
    mpfr_div(ratio.get(), width.get(), mig.get(), MPFR_RNDU);
    return to_double(ratio.get(), MPFR_RNDU);
}

std::string Interval::lower_decimal(int digits) const { return to_decimal(lo(*this), digits, MPFR_RNDD); }

std::string Interval::upper_decimal(int digits) const { return to_decimal(hi(*this), digits, MPFR_RNDU); }

double Interval::lower_double_down() const { return to_double(lo(*this), MPFR_RNDD); }

double Interval::upper_double_up() const { return to_double(hi(*this), MPFR_RNDU); }

// ---------------------------------------------------------------------------------------
// Powers

Interval pow(const Interval& x, const Interval& beta) {
    if (mpfr_sgn(lo(x)) < 0)
        throw std::domain_error("collapse::pow: the base may be negative (" + scalar_traits<Interval>::to_string(x) +
                                ")");
    if (mpfr_sgn(lo(beta)) <= 0)
        throw std::domain_error("collapse::pow: the exponent may be <= 0 (" +
                                scalar_traits<Interval>::to_string(beta) + ")");
    // On x >= 0, beta > 0 the map (x, beta) -> x^beta increases in x and is monotone in beta
    // (increasing for x >= 1, decreasing for x <= 1), so its extremes over the box are at
    // corners: the minimum at x = lo(x), the maximum at x = hi(x), each at one end of beta.
    // mpfr_pow rounds correctly in the requested direction and gives 0^beta = +0.
    Interval r = IntervalAccess::make(joint_precision(x, beta));
    mpfi_ptr out = get(r);
    const auto bits = static_cast<mpfr_prec_t>(r.precision());
    Scratch other(bits);

    mpfr_pow(&out->left, lo(x), lo(beta), MPFR_RNDD);
    mpfr_pow(other.get(), lo(x), hi(beta), MPFR_RNDD);
    mpfr_min(&out->left, &out->left, other.get(), MPFR_RNDD);

    mpfr_pow(&out->right, hi(x), lo(beta), MPFR_RNDU);
    mpfr_pow(other.get(), hi(x), hi(beta), MPFR_RNDU);
    mpfr_max(&out->right, &out->right, other.get(), MPFR_RNDU);

    normalise_zeros(out);
    check_defined(out, "pow");
    return r;
}

Interval enclose_power(const Rational& base, const Rational& beta, Precision bits) {
    check_precision(bits, "enclose_power");
    if (base.sign() < 0) throw std::domain_error("collapse::enclose_power: the base must be >= 0");
    if (beta.sign() <= 0) throw std::domain_error("collapse::enclose_power: the exponent must be > 0");
    // Guard bits make the enclosures of base and beta (and so the result) much narrower
    // than one ulp at `bits`; rounding outward to `bits` then loses at most about one ulp.
    const Precision working = bits + 32;
    const Interval wide = pow(Interval::enclose(base, working), Interval::enclose(beta, working));
    Interval r = IntervalAccess::make(bits);
    mpfi_set(get(r), get(wide));  // lower precision: MPFI rounds outward
    return r;
}

// ---------------------------------------------------------------------------------------
// Logarithms

Interval log(const Interval& x) {
    if (mpfr_sgn(lo(x)) <= 0)
        throw std::domain_error("collapse::log: the argument may be <= 0 (" + scalar_traits<Interval>::to_string(x) +
                                ")");
    // log increases on (0, inf): MPFI takes the log of each endpoint, rounded outward.
    Interval r = IntervalAccess::make(x.precision());
    mpfi_log(get(r), get(x));
    check_defined(get(r), "log");
    return r;
}

Interval enclose_log(const Rational& q, Precision bits) {
    check_precision(bits, "enclose_log");
    if (q.sign() <= 0) throw std::domain_error("collapse::enclose_log: the argument must be > 0");
    // As in enclose_power: guard bits, then one outward rounding to `bits`. Near 1, log q is
    // small and enclosing q first would cancel its digits: take log1p of the exact q - 1.
    const Precision working = bits + 32;
    const Rational offset = q - 1;
    Interval wide = IntervalAccess::make(working);
    if (offset > Rational(-1, 2) && offset < Rational(1, 2))
        mpfi_log1p(get(wide), get(Interval::enclose(offset, working)));
    else
        mpfi_log(get(wide), get(Interval::enclose(q, working)));
    check_defined(get(wide), "log");
    Interval r = IntervalAccess::make(bits);
    mpfi_set(get(r), get(wide));
    return r;
}

// ---------------------------------------------------------------------------------------
// scalar_traits

Truth scalar_traits<Interval>::is_zero(const Interval& x) {
    if (!x.contains_zero()) return Truth::no;
    return mpfr_zero_p(lo(x)) && mpfr_zero_p(hi(x)) ? Truth::yes : Truth::unknown;
}

Truth scalar_traits<Interval>::is_positive(const Interval& x) {
    if (mpfr_sgn(lo(x)) > 0) return Truth::yes;
    if (mpfr_sgn(hi(x)) <= 0) return Truth::no;
    return Truth::unknown;
}

Truth scalar_traits<Interval>::agrees(const Interval& computed, const Interval& predicted) {
    // Disjoint: hi(a) < lo(b) or hi(b) < lo(a). Same point: all four endpoints equal.
    if (mpfr_less_p(hi(computed), lo(predicted)) || mpfr_less_p(hi(predicted), lo(computed))) return Truth::no;
    if (computed.is_point() && predicted.is_point() && mpfr_equal_p(lo(computed), lo(predicted)))
        return Truth::yes;
    return Truth::unknown;
}

std::string scalar_traits<Interval>::to_string(const Interval& x) {
    // About precision * log10(2) + 2 significant digits, at most 80 (256 bits need 80).
    const long wanted = (x.precision() * 30103L + 99999L) / 100000L + 2;
    const int digits = static_cast<int>(std::clamp(wanted, 3L, 80L));
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "[" + std::string&&.
    std::string out = "[";
    out += x.lower_decimal(digits);
    out += ", ";
    out += x.upper_decimal(digits);
    out += ']';
    return out;
}

}  // namespace collapse
