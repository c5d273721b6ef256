#include <collapse/core/error.hpp>
#include <collapse/scalar/rational.hpp>

#include <cctype>
#include <limits>
#include <stdexcept>
#include <string>

namespace collapse {
namespace {

// A decimal exponent beyond this is refused rather than expanded into a huge integer.
constexpr long max_exponent = 4000;

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char ch : s)
        if (!std::isdigit(static_cast<unsigned char>(ch))) return false;
    return true;
}

[[noreturn]] void refuse(std::string_view text, std::string_view what, std::string_view why = {}) {
    std::string msg = std::string(what) + ": '" + std::string(text) + "' is not a number";
    if (!why.empty()) msg += " (" + std::string(why) + ")";
    msg += "; accepted: an integer (3), a decimal (0.1, 2.5e-3) or a fraction (1/10)";
    throw InvalidInput(msg);
}

// Base 10 always: Boost's string constructor reads a leading 0 as octal ("025" = 21).
Integer decimal_integer(std::string_view digits) {
    Integer out;
    if (mpz_set_str(out.backend().data(), std::string(digits).c_str(), 10) != 0)
        throw std::logic_error("decimal_integer: not a digit string");
    return out;
}

Integer power_of_ten(long e) { return boost::multiprecision::pow(Integer(10), static_cast<unsigned>(e)); }

}  // namespace

Rational parse_rational(std::string_view text, std::string_view what) {
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    Rational value;
    if (const auto slash = s.find('/'); slash != std::string_view::npos) {
        const auto num = s.substr(0, slash), den = s.substr(slash + 1);
        if (!all_digits(num) || !all_digits(den)) refuse(text, what);
        const Integer d = decimal_integer(den);
        if (d == 0) refuse(text, what, "zero denominator");
        value = Rational(decimal_integer(num), d);
    } else {
        std::string_view mantissa = s, exponent;
        if (const auto e = s.find_first_of("eE"); e != std::string_view::npos) {
            mantissa = s.substr(0, e);
            exponent = s.substr(e + 1);
        }
        std::string_view whole = mantissa, frac;
        if (const auto dot = mantissa.find('.'); dot != std::string_view::npos) {
            whole = mantissa.substr(0, dot);
            frac = mantissa.substr(dot + 1);
        }
        if ((whole.empty() && frac.empty()) || (!whole.empty() && !all_digits(whole)) ||
            (!frac.empty() && !all_digits(frac)))
            refuse(text, what);
        long exp10 = 0;
        if (mantissa.size() != s.size()) {
            std::string_view digits = exponent;
            bool exp_negative = false;
            if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
                exp_negative = digits.front() == '-';
                digits.remove_prefix(1);
            }
            if (!all_digits(digits)) refuse(text, what, "bad exponent");
            while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
            if (digits.size() > 6 || std::stol(std::string(digits)) > max_exponent)
                refuse(text, what, "exponent beyond +-4000");
            exp10 = std::stol(std::string(digits));
            if (exp_negative) exp10 = -exp10;
        }
        const Integer digits = decimal_integer(std::string(whole.empty() ? "0" : whole) + std::string(frac));
        exp10 -= static_cast<long>(frac.size());
        value = exp10 >= 0 ? Rational(digits * power_of_ten(exp10))
                           : Rational(digits, power_of_ten(-exp10));
    }
    return negative ? Rational(-value) : value;
}

unsigned long long parse_count(std::string_view text, std::string_view what) {
    if (!all_digits(text) || text.size() > 19)
        throw InvalidInput(std::string(what) + ": '" + std::string(text) +
                           "' is not accepted; expected a non-negative integer below 10^19");
    return std::stoull(std::string(text));
}

}  // namespace collapse
