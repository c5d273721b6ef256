// Independent test oracle for "collapse" (see /work/shared/spec/model.md).
//
// Written WITHOUT looking at lib/: it shares no code with the library on purpose. Everything
// is exact (GMP rationals), dense and deliberately naive: brute force over sample sequences
// instead of multinomial formulas, Warshall closure, plain Gauss-Jordan elimination. Slow but
// easy to check by eye. Errors (bad parameters, non-stochastic matrices, singular systems)
// throw std::invalid_argument.
#pragma once

#include <gmpxx.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace oracle {
using Q = mpq_class;
using Matrix = std::vector<std::vector<Q>>;  // dense, row-stochastic: P[i][j]
using Vector = std::vector<Q>;

struct Fit { enum Kind { mle, smooth, temper, topk } kind = mle; Q alpha = 0; int beta = 1; int k = 1; };
struct Fresh { enum Kind { none, fraction, count } kind = none; Q lambda = 0; int m = 0; };

namespace detail {
inline void require(bool ok, const char* what) {
  if (!ok) throw std::invalid_argument(std::string("oracle: ") + what);
}

inline void gen_states(int pos, int remaining, std::vector<int>& cur, std::vector<std::vector<int>>& out) {
  if (pos + 1 == static_cast<int>(cur.size())) { cur[pos] = remaining; out.push_back(cur); return; }
  for (int v = remaining; v >= 0; --v) {  // largest first => descending lexicographic order
    cur[pos] = v;
    gen_states(pos + 1, remaining - v, cur, out);
  }
}

// Every finite-chain routine checks its input: square, entries >= 0, each row sums to exactly 1.
inline void check_chain(const Matrix& P) {
  for (const auto& row : P) {
    require(row.size() == P.size(), "matrix is not square");
    Q s = 0;
    for (const Q& x : row) { require(x >= 0, "negative entry"); s += x; }
    require(s == 1, "row does not sum to 1");
  }
}

// Gauss-Jordan on the augmented system A X = B (A: r x m with r >= m, B: r x k). Requires
// full column rank and consistency (leftover rows must reduce to 0 = 0); returns X (m x k).
inline Matrix solve(Matrix A, Matrix B) {
  const std::size_t r = A.size(), m = r ? A[0].size() : 0, k = r ? B[0].size() : 0;
  std::size_t rank = 0;
  for (std::size_t col = 0; col < m; ++col) {
    std::size_t piv = rank;
    while (piv < r && A[piv][col] == 0) ++piv;  // any nonzero pivot is fine in exact arithmetic
    require(piv < r, "singular linear system");
    std::swap(A[piv], A[rank]);
    std::swap(B[piv], B[rank]);
    const Q inv = 1 / A[rank][col];
    for (Q& x : A[rank]) x *= inv;
    for (Q& x : B[rank]) x *= inv;
    for (std::size_t i = 0; i < r; ++i) {
      if (i == rank || A[i][col] == 0) continue;
      const Q f = A[i][col];
      for (std::size_t j = 0; j < m; ++j) A[i][j] -= f * A[rank][j];
      for (std::size_t j = 0; j < k; ++j) B[i][j] -= f * B[rank][j];
    }
    ++rank;
  }
  for (std::size_t i = rank; i < r; ++i)
    for (std::size_t j = 0; j < k; ++j) require(B[i][j] == 0, "inconsistent linear system");
  B.resize(m);
  return B;
}
}  // namespace detail

// All c in N^K with sum N, descending lexicographic.
inline std::vector<std::vector<int>> states(int K, int N) {
  detail::require(K >= 1 && N >= 0, "states: need K >= 1, N >= 0");
  std::vector<std::vector<int>> out;
  std::vector<int> cur(K, 0);
  detail::gen_states(0, N, cur, out);
  return out;
}

inline std::string label(const std::vector<int>& c) {
  std::string s;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i) s += ',';  // appended separately: GCC 12 warns falsely (-Wrestrict) on "," + string
    s += std::to_string(c[i]);
  }
  return s;
}

// p = fit(c), straight from the definitions in model.md.
inline Vector fit(const Fit& f, const std::vector<int>& c) {
  const int K = static_cast<int>(c.size());
  int N = 0;
  for (int x : c) { detail::require(x >= 0, "fit: negative count"); N += x; }
  detail::require(K >= 1 && N > 0, "fit: need N > 0");
  Vector p(K);
  switch (f.kind) {
    case Fit::mle:
      for (int i = 0; i < K; ++i) p[i] = Q(c[i]) / N;
      break;
    case Fit::smooth:
      detail::require(f.alpha >= 0, "smooth: alpha < 0");
      for (int i = 0; i < K; ++i) p[i] = (c[i] + f.alpha) / (N + K * f.alpha);
      break;
    case Fit::temper: {
      detail::require(f.beta > 0, "temper: beta must be a positive integer");
      Q total = 0;
      for (int i = 0; i < K; ++i) {
        Q pw = 1;  // c_i^beta by repeated multiplication; beta > 0 so 0^beta = 0
        for (int b = 0; b < f.beta; ++b) pw *= c[i];
        p[i] = pw;
        total += pw;
      }
      for (Q& x : p) x /= total;  // total > 0 because some c_i > 0
      break;
    }
    case Fit::topk: {
      detail::require(f.k >= 1 && f.k <= K, "topk: need 1 <= k <= K");
      std::vector<int> order(K);
      std::iota(order.begin(), order.end(), 0);
      // Largest count first; on equal counts the smaller index first (stable sort keeps it).
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return c[a] > c[b]; });
      int kept = 0;
      for (int t = 0; t < f.k; ++t) kept += c[order[t]];  // zero counts add nothing = dropped
      for (int t = 0; t < f.k; ++t) p[order[t]] = Q(c[order[t]]) / kept;  // kept >= max c > 0
      break;
    }
  }
  return p;
}

// Brute force: enumerate all K^N sample sequences, multiply per-sample probabilities, and add
// the product to the entry of the sequence's count vector.
inline Matrix recursive_chain(int K, int N, const Fit& f, const Fresh& fr, const Vector& q) {
  detail::require(K >= 2 && N >= 1, "recursive_chain: need K >= 2, N >= 1");
  if (fr.kind != Fresh::none) {
    detail::require(static_cast<int>(q.size()) == K, "q has wrong length");
    Q s = 0;
    for (const Q& x : q) { detail::require(x >= 0, "q has a negative entry"); s += x; }
    detail::require(s == 1, "q does not sum to 1");
  }
  if (fr.kind == Fresh::fraction) detail::require(fr.lambda >= 0 && fr.lambda <= 1, "lambda not in [0,1]");
  if (fr.kind == Fresh::count) detail::require(fr.m >= 0 && fr.m <= N, "m not in [0,N]");

  const auto S = states(K, N);
  std::map<std::vector<int>, std::size_t> index;
  for (std::size_t i = 0; i < S.size(); ++i) index[S[i]] = i;

  Matrix P(S.size(), Vector(S.size(), Q(0)));
  for (std::size_t row = 0; row < S.size(); ++row) {
    const Vector p = fit(f, S[row]);
    // law[s] = distribution of the s-th sample of the next training set.
    std::vector<Vector> law(N, p);
    for (int s = 0; s < N; ++s) {
      if (fr.kind == Fresh::fraction)
        for (int i = 0; i < K; ++i) law[s][i] = (1 - fr.lambda) * p[i] + fr.lambda * q[i];
      if (fr.kind == Fresh::count && s >= N - fr.m) law[s] = q;  // the last m samples are fresh
    }
    std::vector<int> seq(N, 0);  // odometer over {0..K-1}^N
    while (true) {
      Q prob = 1;
      std::vector<int> counts(K, 0);
      for (int s = 0; s < N; ++s) { prob *= law[s][seq[s]]; ++counts[seq[s]]; }
      P[row][index.at(counts)] += prob;
      int pos = 0;
      while (pos < N && ++seq[pos] == K) seq[pos++] = 0;
      if (pos == N) break;  // wrapped around: all K^N sequences done
    }
  }
  return P;
}

// R[i][j] = "j reachable from i in >= 0 steps": reflexive, then Warshall.
inline std::vector<std::vector<bool>> reachability(const Matrix& P) {
  detail::check_chain(P);
  const std::size_t n = P.size();
  std::vector<std::vector<bool>> R(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) R[i][j] = (i == j) || P[i][j] != 0;
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      if (R[i][k])
        for (std::size_t j = 0; j < n; ++j)
          if (R[k][j]) R[i][j] = true;
  return R;
}

// i ~ j iff each reaches the other. Scanning i ascending makes each class sorted and the list
// ordered by smallest member.
inline std::vector<std::vector<int>> communicating_classes(const Matrix& P) {
  const auto R = reachability(P);
  const std::size_t n = P.size();
  std::vector<bool> done(n, false);
  std::vector<std::vector<int>> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (done[i]) continue;
    std::vector<int> cls;
    for (std::size_t j = i; j < n; ++j)
      if (R[i][j] && R[j][i]) { cls.push_back(static_cast<int>(j)); done[j] = true; }
    out.push_back(cls);
  }
  return out;
}

// A class is closed iff everything reachable from its members is in the class.
inline std::vector<std::vector<int>> closed_classes(const Matrix& P) {
  const auto R = reachability(P);
  std::vector<std::vector<int>> out;
  for (const auto& cls : communicating_classes(P)) {
    bool closed = true;
    for (int i : cls)
      for (std::size_t j = 0; j < P.size(); ++j)
        if (R[i][j] && !std::binary_search(cls.begin(), cls.end(), static_cast<int>(j))) closed = false;
    if (closed) out.push_back(cls);
  }
  return out;
}

// gcd of the lengths n <= 3|C| of closed walks s -> s, s = cls[0]. Why 3|C| suffices: every
// closed walk through s stays in s's class C. For any simple cycle of length l <= |C| through
// a vertex v of C, there are walks s->v (a <= |C|-1) and v->s (b <= |C|-1), so a+b and a+b+l
// are closed-walk lengths <= 3|C|; their gcd g therefore divides every simple cycle length,
// hence every closed-walk length (a closed walk splits into simple cycles). So g = period.
// Returns 0 when there is no closed walk at all (a transient singleton without self-loop).
inline int period(const Matrix& P, const std::vector<int>& cls) {
  detail::check_chain(P);
  detail::require(!cls.empty(), "period: empty class");
  const std::size_t m = cls.size();
  std::vector<bool> at(m, false);  // at[a]: cls[a] reachable from cls[0] in exactly n steps
  at[0] = true;
  int g = 0;
  for (int n = 1; n <= 3 * static_cast<int>(m); ++n) {
    std::vector<bool> next(m, false);
    for (std::size_t a = 0; a < m; ++a)
      if (at[a])
        for (std::size_t b = 0; b < m; ++b)
          if (P[cls[a]][cls[b]] != 0) next[b] = true;
    at = next;
    if (at[0]) g = std::gcd(g, n);
  }
  return g;
}

inline std::vector<int> transient_states(const Matrix& P) {
  std::vector<bool> recurrent(P.size(), false);
  for (const auto& cls : closed_classes(P))
    for (int i : cls) recurrent[i] = true;
  std::vector<int> out;
  for (std::size_t i = 0; i < P.size(); ++i)
    if (!recurrent[i]) out.push_back(static_cast<int>(i));
  return out;
}

// Unknowns pi_a for a in cls. Equations: sum_a pi_a (P[a][b] - [a==b]) = 0 for each b in cls,
// plus sum_a pi_a = 1. Throws if cls is not exactly one closed class (no or many solutions).
inline Vector stationary(const Matrix& P, const std::vector<int>& cls) {
  detail::check_chain(P);
  const std::size_t m = cls.size();
  detail::require(m > 0, "stationary: empty class");
  Matrix A(m + 1, Vector(m, Q(0))), B(m + 1, Vector(1, Q(0)));
  for (std::size_t b = 0; b < m; ++b)
    for (std::size_t a = 0; a < m; ++a) A[b][a] = P[cls[a]][cls[b]] - (a == b ? 1 : 0);
  for (std::size_t a = 0; a < m; ++a) A[m][a] = 1;
  B[m][0] = 1;
  const Matrix X = detail::solve(A, B);
  Vector pi(P.size(), Q(0));
  for (std::size_t a = 0; a < m; ++a) pi[cls[a]] = X[a][0];
  return pi;
}

namespace detail {
// I - Q restricted to the transient states T.
inline Matrix i_minus_q(const Matrix& P, const std::vector<int>& T) {
  Matrix A(T.size(), Vector(T.size(), Q(0)));
  for (std::size_t a = 0; a < T.size(); ++a)
    for (std::size_t b = 0; b < T.size(); ++b) A[a][b] = (a == b ? 1 : 0) - P[T[a]][T[b]];
  return A;
}
}  // namespace detail

// (I-Q) B = R with R[t][c] = one-step probability from transient t into closed class c.
inline std::vector<Vector> absorption(const Matrix& P) {
  const auto T = transient_states(P);
  const auto C = closed_classes(P);
  if (T.empty()) return {};
  Matrix R(T.size(), Vector(C.size(), Q(0)));
  for (std::size_t a = 0; a < T.size(); ++a)
    for (std::size_t c = 0; c < C.size(); ++c)
      for (int j : C[c]) R[a][c] += P[T[a]][j];
  return detail::solve(detail::i_minus_q(P, T), R);
}

// (I-Q) t = 1: one step is taken, then the remaining time from wherever we land (0 if closed).
inline Vector expected_steps(const Matrix& P) {
  const auto T = transient_states(P);
  if (T.empty()) return {};
  const Matrix X = detail::solve(detail::i_minus_q(P, T), Matrix(T.size(), Vector(1, Q(1))));
  Vector out;
  for (const auto& row : X) out.push_back(row[0]);
  return out;
}

// e_start * P^t, one vector-matrix product per step.
inline Vector law_after(const Matrix& P, int start, int t) {
  detail::check_chain(P);
  detail::require(start >= 0 && start < static_cast<int>(P.size()) && t >= 0, "law_after: bad arguments");
  Vector v(P.size(), Q(0));
  v[start] = 1;
  for (int step = 0; step < t; ++step) {
    Vector w(P.size(), Q(0));
    for (std::size_t i = 0; i < P.size(); ++i)
      if (v[i] != 0)
        for (std::size_t j = 0; j < P.size(); ++j) w[j] += v[i] * P[i][j];
    v = w;
  }
  return v;
}
}  // namespace oracle
