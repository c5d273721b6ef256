#pragma once
// Directed rounding for the verified passes that run in hardware floating point. Everything
// is computed with the rounding mode set upward, once: an upper bound is the plain operation,
// a lower bound the negated operation on negated operands (-((-a) * b) is a * b rounded
// down). One mode for the whole pass avoids switching modes per operation.
//
// Translation units computing under these modes must be compiled with -frounding-math (so that
// the compiler neither folds -((-a) * b) into a * b nor moves arithmetic across the mode
// change) and -ffp-contract=off. Long double is the x87 format here (64-bit significand),
// whose rounding direction fesetround sets too.
#include <cfenv>
#include <stdexcept>

namespace collapse::detail {

/// Sets a rounding mode for its lifetime and restores the previous one after.
class ScopedRounding {
public:
    explicit ScopedRounding(int mode) : previous_(std::fegetround()) {
        if (std::fesetround(mode) != 0) throw std::runtime_error("the floating-point rounding mode cannot be set");
    }
    ~ScopedRounding() { std::fesetround(previous_); }
    ScopedRounding(const ScopedRounding&) = delete;
    ScopedRounding& operator=(const ScopedRounding&) = delete;

private:
    int previous_;
};

/// The mode of the verified passes.
struct UpwardRounding : ScopedRounding {
    UpwardRounding() : ScopedRounding(FE_UPWARD) {}
};

/// For library calls inside a verified pass (MPFR, GMP) that expect the default mode.
struct NearestRounding : ScopedRounding {
    NearestRounding() : ScopedRounding(FE_TONEAREST) {}
};

// Lower bounds under upward rounding (upper bounds are the plain operators).
inline long double add_down(long double a, long double b) { return -((-a) - b); }
inline long double sub_down(long double a, long double b) { return -(b - a); }
inline long double mul_down(long double a, long double b) { return -((-a) * b); }
inline long double div_down(long double a, long double b) { return -((-a) / b); }

}  // namespace collapse::detail
