// Self-test of tests/support/oracle.hpp against values derived BY HAND (closed forms only):
// the oracle is trusted by the real tests, so it must first be checked against arithmetic
// a reader can redo on paper. Each expected value carries its derivation.
#include <gtest/gtest.h>

#include "oracle.hpp"

using oracle::Fit;
using oracle::Fresh;
using oracle::Matrix;
using oracle::Q;
using oracle::Vector;

namespace {
Q r(long n, long d = 1) { Q x(n, d); x.canonicalize(); return x; }
Vector vec(std::initializer_list<Q> xs) { return Vector(xs); }
Fit fit_of(Fit::Kind k) { Fit f; f.kind = k; return f; }
const Fresh no_fresh{};
}  // namespace

TEST(OracleSelf, StatesAndLabels) {
  using V = std::vector<std::vector<int>>;
  EXPECT_EQ(oracle::states(2, 2), (V{{2, 0}, {1, 1}, {0, 2}}));
  EXPECT_EQ(oracle::states(3, 1), (V{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
  EXPECT_EQ(oracle::states(3, 4).size(), 15u);  // binom(4+2, 2) = 15
  EXPECT_EQ(oracle::states(3, 4)[1], (std::vector<int>{3, 1, 0}));
  EXPECT_EQ(oracle::label({3, 0, 2}), "3,0,2");
}

TEST(OracleSelf, Fits) {
  // smooth:1/2 on c=(2,0): ((2+1/2)/(2+1), (0+1/2)/3) = (5/6, 1/6).
  Fit s = fit_of(Fit::smooth); s.alpha = r(1, 2);
  EXPECT_EQ(oracle::fit(s, {2, 0}), vec({r(5, 6), r(1, 6)}));
  // temper:2 on (2,1): (4,1)/5.
  Fit t = fit_of(Fit::temper); t.beta = 2;
  EXPECT_EQ(oracle::fit(t, {2, 1}), vec({r(4, 5), r(1, 5)}));
  // topk:2 on (1,2,2): largest counts are symbols 1,2 -> (0, 1/2, 1/2).
  Fit k = fit_of(Fit::topk); k.k = 2;
  EXPECT_EQ(oracle::fit(k, {1, 2, 2}), vec({0, r(1, 2), r(1, 2)}));
  // topk:2 on (1,1,1): tie -> smaller indices 0,1 kept -> (1/2, 1/2, 0).
  EXPECT_EQ(oracle::fit(k, {1, 1, 1}), vec({r(1, 2), r(1, 2), 0}));
  // topk:2 on (3,0,0): second kept symbol has count 0, dropped -> (1,0,0).
  EXPECT_EQ(oracle::fit(k, {3, 0, 0}), vec({1, 0, 0}));
  EXPECT_THROW(oracle::fit(t, {0, 0}), std::invalid_argument);
}

TEST(OracleSelf, MleK2N2) {
  // From 1,1: p=(1/2,1/2); two samples: 00 -> 2,0 (1/4), 01/10 -> 1,1 (1/2), 11 -> 0,2 (1/4).
  // Dirac states reproduce themselves with probability 1.
  const Matrix P = oracle::recursive_chain(2, 2, Fit{}, no_fresh, {});
  EXPECT_EQ(P, (Matrix{{1, 0, 0}, {r(1, 4), r(1, 2), r(1, 4)}, {0, 0, 1}}));
  using V = std::vector<std::vector<int>>;
  EXPECT_EQ(oracle::closed_classes(P), (V{{0}, {2}}));
  EXPECT_EQ(oracle::communicating_classes(P), (V{{0}, {1}, {2}}));
  EXPECT_EQ(oracle::transient_states(P), (std::vector<int>{1}));
  EXPECT_EQ(oracle::period(P, {0}), 1);
  // Leaves 1,1 with prob 1/2 per step: geometric, mean 1/(1/2) = 2. Absorbed at 2,0 or 0,2 with
  // prob 1/2 each (symmetry).
  EXPECT_EQ(oracle::expected_steps(P), vec({2}));
  EXPECT_EQ(oracle::absorption(P), (std::vector<Vector>{vec({r(1, 2), r(1, 2)})}));
  // Still at 1,1 after 3 steps: (1/2)^3 = 1/8; the remaining 7/8 split evenly: 7/16 each.
  EXPECT_EQ(oracle::law_after(P, 1, 3), vec({r(7, 16), r(1, 8), r(7, 16)}));
  EXPECT_EQ(oracle::law_after(P, 1, 0), vec({0, 1, 0}));
}

TEST(OracleSelf, MleMartingaleAbsorption) {
  // T2: E[c'|c] = c, so P(absorb at N,0 | start N-j,j) = (N-j)/N. State index j is (N-j, j);
  // transient states are j = 1..N-1; closed classes are {0} (= N,0) and {N} (= 0,N).
  for (int N : {3, 4}) {
    const Matrix P = oracle::recursive_chain(2, N, Fit{}, no_fresh, {});
    const auto T = oracle::transient_states(P);
    const auto B = oracle::absorption(P);
    ASSERT_EQ(T.size(), static_cast<std::size_t>(N - 1));
    for (std::size_t a = 0; a < T.size(); ++a) {
      EXPECT_EQ(T[a], static_cast<int>(a) + 1);
      EXPECT_EQ(B[a], vec({r(N - T[a], N), r(T[a], N)}));
    }
  }
}

TEST(OracleSelf, FreshFractionK2N1) {
  // States 1,0 and 0,1. From 1,0: p=(1,0), law = 1/2(1,0) + 1/2(1/4,3/4) = (5/8,3/8).
  // From 0,1: law = 1/2(0,1) + 1/2(1/4,3/4) = (1/8,7/8).
  // Stationary: pi0 * 3/8 = pi1 * 1/8 -> pi1 = 3 pi0 -> (1/4, 3/4).
  Fresh f; f.kind = Fresh::fraction; f.lambda = r(1, 2);
  const Matrix P = oracle::recursive_chain(2, 1, Fit{}, f, vec({r(1, 4), r(3, 4)}));
  EXPECT_EQ(P, (Matrix{{r(5, 8), r(3, 8)}, {r(1, 8), r(7, 8)}}));
  EXPECT_EQ(oracle::closed_classes(P), (std::vector<std::vector<int>>{{0, 1}}));
  EXPECT_EQ(oracle::period(P, {0, 1}), 1);
  EXPECT_EQ(oracle::stationary(P, {0, 1}), vec({r(1, 4), r(3, 4)}));
  EXPECT_TRUE(oracle::transient_states(P).empty());
}

TEST(OracleSelf, FreshFractionOne) {
  // lambda = 1: every sample from q=(1/4,3/4) regardless of the state: each row is
  // Binomial(2, 3/4) on the count of symbol 1: (1/16, 2*1/4*3/4 = 6/16, 9/16).
  Fresh f; f.kind = Fresh::fraction; f.lambda = 1;
  const Matrix P = oracle::recursive_chain(2, 2, Fit{}, f, vec({r(1, 4), r(3, 4)}));
  for (const auto& row : P) EXPECT_EQ(row, vec({r(1, 16), r(3, 8), r(9, 16)}));
}

TEST(OracleSelf, FreshCount) {
  // K=2,N=2,m=1,q=(1/2,1/2). From 2,0: first sample is 0 surely, second 0 or 1 with 1/2 each
  // -> (1/2, 1/2, 0). From 1,1: both samples fair -> (1/4, 1/2, 1/4); 0,2 mirrors 2,0.
  Fresh f; f.kind = Fresh::count; f.m = 1;
  const Matrix P = oracle::recursive_chain(2, 2, Fit{}, f, vec({r(1, 2), r(1, 2)}));
  EXPECT_EQ(P, (Matrix{{r(1, 2), r(1, 2), 0}, {r(1, 4), r(1, 2), r(1, 4)}, {0, r(1, 2), r(1, 2)}}));
  // Balance at 0: pi0 = pi0/2 + pi1/4 -> pi1 = 2 pi0; by mirror symmetry pi2 = pi0 -> (1/4,1/2,1/4).
  EXPECT_EQ(oracle::stationary(P, {0, 1, 2}), vec({r(1, 4), r(1, 2), r(1, 4)}));
}

TEST(OracleSelf, SmoothTemperTopkRows) {
  // smooth:1, K=2,N=2, from 2,0: p = (3/4,1/4) -> (9/16, 2*3/16 = 3/8, 1/16).
  Fit s = fit_of(Fit::smooth); s.alpha = 1;
  EXPECT_EQ(oracle::recursive_chain(2, 2, s, no_fresh, {})[0], vec({r(9, 16), r(3, 8), r(1, 16)}));
  // temper:2, K=2,N=3, from 2,1 (index 1): p=(4/5,1/5) -> Binomial(3):
  // (64, 3*16*1 = 48, 3*4*1 = 12, 1) / 125.
  Fit t = fit_of(Fit::temper); t.beta = 2;
  const Matrix PT = oracle::recursive_chain(2, 3, t, no_fresh, {});
  EXPECT_EQ(PT[1], vec({r(64, 125), r(48, 125), r(12, 125), r(1, 125)}));
  // T2 fails for temper: by symmetry a(1,2) = 1 - a(2,1) =: 1 - a, so
  // a = 64/125 + 48/125 a + 12/125 (1 - a) -> a (1 - 36/125) = 76/125 -> a = 76/89 (not 2/3).
  EXPECT_EQ(oracle::absorption(PT)[0], vec({r(76, 89), r(13, 89)}));
  // topk:1, K=3,N=2, from 1,1,0 (index 1 in 2,0,0 / 1,1,0 / 1,0,1 / ...): tie -> symbol 0,
  // p=(1,0,0) -> all mass on 2,0,0.
  Fit k = fit_of(Fit::topk); k.k = 1;
  EXPECT_EQ(oracle::recursive_chain(3, 2, k, no_fresh, {})[1], vec({1, 0, 0, 0, 0, 0}));
}

TEST(OracleSelf, HandChains) {
  // [[0,1],[1,0]]: closed walks have even length -> period 2; balance gives pi0 = pi1 = 1/2.
  const Matrix flip{{0, 1}, {1, 0}};
  EXPECT_EQ(oracle::period(flip, {0, 1}), 2);
  EXPECT_EQ(oracle::stationary(flip, {0, 1}), vec({r(1, 2), r(1, 2)}));
  // 3-cycle: period 3.
  EXPECT_EQ(oracle::period(Matrix{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, {0, 1, 2}), 3);
  // 0 -> {0,1} (1/2 each); 1 <-> 2; 3 -> 0 (1/3), 3 (2/3).
  // Classes {0},{1,2},{3}; only {1,2} is closed (period 2); transient 0 and 3.
  // t0 = 1 + t0/2 -> 2;  t3 = 1 + t0/3 + 2 t3/3 -> t3/3 = 5/3 -> 5. Absorption into {1,2} is 1.
  const Matrix P{{r(1, 2), r(1, 2), 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {r(1, 3), 0, 0, r(2, 3)}};
  using V = std::vector<std::vector<int>>;
  EXPECT_EQ(oracle::communicating_classes(P), (V{{0}, {1, 2}, {3}}));
  EXPECT_EQ(oracle::closed_classes(P), (V{{1, 2}}));
  EXPECT_EQ(oracle::transient_states(P), (std::vector<int>{0, 3}));
  EXPECT_EQ(oracle::period(P, {1, 2}), 2);
  EXPECT_EQ(oracle::period(P, {0}), 1);  // self-loop
  EXPECT_EQ(oracle::expected_steps(P), vec({2, 5}));
  EXPECT_EQ(oracle::absorption(P), (std::vector<Vector>{vec({1}), vec({1})}));
  EXPECT_EQ(oracle::stationary(P, {1, 2}), vec({0, r(1, 2), r(1, 2), 0}));
  const auto R = oracle::reachability(P);
  EXPECT_TRUE(R[0][0] && R[3][2] && R[0][2]);
  EXPECT_FALSE(R[1][0] || R[0][3]);
  // Not a single closed class -> no unique solution -> throws; non-stochastic input throws.
  EXPECT_THROW(oracle::stationary(P, {0}), std::invalid_argument);
  EXPECT_THROW(oracle::reachability(Matrix{{r(1, 2), 0}, {0, 1}}), std::invalid_argument);
}

TEST(OracleSelf, RowsSumToOne) {
  // Sanity on a bigger brute-force chain: K=3, N=5 has 21 states and 243 sequences per row.
  Fresh f; f.kind = Fresh::count; f.m = 2;
  const Matrix P = oracle::recursive_chain(3, 5, fit_of(Fit::mle), f, vec({r(1, 2), r(1, 3), r(1, 6)}));
  ASSERT_EQ(P.size(), 21u);
  for (const auto& row : P) { Q s = 0; for (const Q& x : row) s += x; EXPECT_EQ(s, 1); }
}
