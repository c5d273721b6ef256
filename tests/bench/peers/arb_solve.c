/* Peer driver: Arb's verified ball solvers on the binary mle (Wright-Fisher) chain, built
 * here from the closed form (no code shared with collapse).
 *
 *   arb_solve --n N --what absorption|steps|stationary [--lambda A/B] [--prec BITS]
 *             [--method solve|lu] [--print]
 *
 * Same systems as flint_solve.c: (I-Q) x = r, (I-Q) t = 1 over states 1..N-1, and the
 * regenerative form (I - P_{-0,-0})^T w = P(0,-0)^T, pi = (1, w) / (1 + sum w).
 * Entries are balls: p_i = u_i / D exactly enclosed, then C(N,j) p^j (1-p)^(N-j).
 * Methods: solve = arb_mat_solve (Arb's default, preconditioned); lu = arb_mat_solve_lu
 * (plain ball LU, no preconditioning).
 * Prints one JSON object: build and solve seconds, the largest relative width of the
 * solution (width / smallest absolute value in the ball), for absorption whether every ball
 * contains the exact i/N, and with --print every ball as Arb's "[mid +/- rad]" string
 * (arb_get_str: the printed ball contains the computed one). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <arb.h>
#include <arb_mat.h>
#include <flint/fmpq.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double clock_seconds(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}
static double now(void) { return clock_seconds(CLOCK_MONOTONIC); }
/* CPU time: what a busy shared machine disturbs least. */
static double cpu_now(void) { return clock_seconds(CLOCK_PROCESS_CPUTIME_ID); }

static void usage(void) {
    fprintf(stderr, "usage: arb_solve --n N --what absorption|steps|stationary [--lambda A/B] "
                    "[--prec BITS] [--method solve|lu] [--print]\n");
    exit(2);
}

/* Relative width 2r / (|m| - r); infinity when the ball contains 0. */
static double relative_width(const arb_t x, slong prec) {
    arf_t lo, w;
    arf_init(lo); arf_init(w);
    arb_get_abs_lbound_arf(lo, x, prec);
    double rel = INFINITY;
    if (arf_sgn(lo) > 0) {
        arf_set_mag(w, arb_radref(x));
        arf_mul_2exp_si(w, w, 1);
        arf_div(w, w, lo, 53, ARF_RND_UP);
        rel = arf_get_d(w, ARF_RND_UP);
    }
    arf_clear(lo); arf_clear(w);
    return rel;
}

int main(int argc, char **argv) {
    slong n = 0, prec = 128;
    const char *what = NULL, *method = "solve", *lambda = "0";
    int print = 0;
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--n") && a + 1 < argc) n = atol(argv[++a]);
        else if (!strcmp(argv[a], "--what") && a + 1 < argc) what = argv[++a];
        else if (!strcmp(argv[a], "--method") && a + 1 < argc) method = argv[++a];
        else if (!strcmp(argv[a], "--lambda") && a + 1 < argc) lambda = argv[++a];
        else if (!strcmp(argv[a], "--prec") && a + 1 < argc) prec = atol(argv[++a]);
        else if (!strcmp(argv[a], "--print")) print = 1;
        else usage();
    }
    if (n < 2 || what == NULL || prec < 16) usage();
    int stationary = !strcmp(what, "stationary"), absorption = !strcmp(what, "absorption");
    if (!stationary && !absorption && strcmp(what, "steps")) usage();
    if (strcmp(method, "solve") && strcmp(method, "lu")) usage();
    fmpq_t lam;
    fmpq_init(lam);
    if (fmpq_set_str(lam, lambda, 10) != 0 || fmpq_sgn(lam) < 0 || fmpq_cmp_ui(lam, 1) > 0) usage();
    if (stationary == fmpq_is_zero(lam)) {
        fprintf(stderr, "arb_solve: stationary needs --lambda > 0, absorption and steps need lambda = 0\n");
        return 2;
    }

    double t0 = now();
    slong wp = prec + 32; /* guard bits for the entries */
    arb_mat_t P;
    arb_mat_init(P, n + 1, n + 1);
    {
        fmpz_t u, D, t;
        fmpz_init(u); fmpz_init(D); fmpz_init(t);
        arb_t p, q, b;
        arb_init(p); arb_init(q); arb_init(b);
        arb_ptr pu = _arb_vec_init(n + 1), pv = _arb_vec_init(n + 1), binom = _arb_vec_init(n + 1);
        for (slong j = 0; j <= n; j++) arb_bin_uiui(binom + j, (ulong)n, (ulong)j, wp);
        /* p_i = u_i / D: D = 2 B N, u_i = 2 (B-A) i + A N for lambda = A/B. */
        fmpz_mul_si(D, fmpq_denref(lam), 2 * n);
        for (slong i = 0; i <= n; i++) {
            fmpz_sub(t, fmpq_denref(lam), fmpq_numref(lam));
            fmpz_mul_si(u, t, 2 * i);
            fmpz_addmul_ui(u, fmpq_numref(lam), (ulong)n);
            arb_fmpz_div_fmpz(p, u, D, wp);
            fmpz_sub(t, D, u);
            arb_fmpz_div_fmpz(q, t, D, wp);
            arb_one(pu + 0); arb_one(pv + 0);
            for (slong k = 1; k <= n; k++) { arb_mul(pu + k, pu + k - 1, p, wp); arb_mul(pv + k, pv + k - 1, q, wp); }
            for (slong j = 0; j <= n; j++) {
                arb_mul(b, binom + j, pu + j, wp);
                arb_mul(arb_mat_entry(P, i, j), b, pv + (n - j), wp);
            }
        }
        _arb_vec_clear(pu, n + 1); _arb_vec_clear(pv, n + 1); _arb_vec_clear(binom, n + 1);
        arb_clear(p); arb_clear(q); arb_clear(b);
        fmpz_clear(u); fmpz_clear(D); fmpz_clear(t);
    }
    slong m = stationary ? n : n - 1;
    arb_mat_t A, B, X;
    arb_mat_init(A, m, m); arb_mat_init(B, m, 1); arb_mat_init(X, m, 1);
    for (slong r = 0; r < m; r++) {
        for (slong c = 0; c < m; c++) {
            arb_srcptr e = stationary ? arb_mat_entry(P, c + 1, r + 1) : arb_mat_entry(P, r + 1, c + 1);
            arb_neg(arb_mat_entry(A, r, c), e);
        }
        arb_add_ui(arb_mat_entry(A, r, r), arb_mat_entry(A, r, r), 1, wp);
        if (stationary) arb_set(arb_mat_entry(B, r, 0), arb_mat_entry(P, 0, r + 1));
        else if (absorption) arb_set(arb_mat_entry(B, r, 0), arb_mat_entry(P, r + 1, n));
        else arb_one(arb_mat_entry(B, r, 0));
    }
    arb_mat_clear(P);
    double t1 = now(), c1 = cpu_now();
    int ok = !strcmp(method, "lu") ? arb_mat_solve_lu(X, A, B, prec) : arb_mat_solve(X, A, B, prec);
    double t2 = now(), c2 = cpu_now();
    if (!ok) {
        fprintf(stderr, "arb_solve: could not prove the matrix invertible at %ld bits\n", (long)prec);
        return 1;
    }

    /* The reported values: x, or pi = (1, w) / (1 + sum w). */
    slong count = stationary ? n + 1 : m;
    arb_ptr v = _arb_vec_init(count);
    if (stationary) {
        arb_t s;
        arb_init(s);
        arb_one(s);
        for (slong r = 0; r < m; r++) arb_add(s, s, arb_mat_entry(X, r, 0), prec);
        arb_inv(v + 0, s, prec);
        for (slong r = 0; r < m; r++) arb_mul(v + r + 1, arb_mat_entry(X, r, 0), v + 0, prec);
        arb_clear(s);
    } else {
        for (slong r = 0; r < m; r++) arb_set(v + r, arb_mat_entry(X, r, 0));
    }
    double maxrel = 0;
    for (slong r = 0; r < count; r++) {
        double rel = relative_width(v + r, prec);
        if (rel > maxrel) maxrel = rel;
    }
    printf("{\"tool\": \"arb\", \"method\": \"%s\", \"n\": %ld, \"what\": \"%s\", \"lambda\": \"%s\", "
           "\"precision\": %ld, \"build_seconds\": %.6f, \"solve_seconds\": %.6f, \"solve_cpu_seconds\": %.6f, ",
           method, (long)n, what, lambda, (long)prec, t1 - t0, t2 - t1, c2 - c1);
    if (isinf(maxrel)) printf("\"max_relative_width\": null");
    else printf("\"max_relative_width\": %.3e", maxrel);
    if (absorption) {
        int contains = 1;
        fmpq_t e;
        fmpq_init(e);
        for (slong r = 0; r < m; r++) {
            fmpq_set_si(e, r + 1, (ulong)n);
            contains = contains && arb_contains_fmpq(v + r, e);
        }
        fmpq_clear(e);
        printf(", \"contains_exact\": %s", contains ? "true" : "false");
    }
    if (print) {
        printf(", \"values\": [");
        for (slong r = 0; r < count; r++) {
            char *str = arb_get_str(v + r, (slong)(prec * 0.30103) + 2, 0);
            printf("%s\"%s\"", r ? ", " : "", str);
            flint_free(str);
        }
        printf("]");
    }
    printf("}\n");
    _arb_vec_clear(v, count);
    arb_mat_clear(A); arb_mat_clear(B); arb_mat_clear(X);
    fmpq_clear(lam);
    flint_cleanup();
    return 0;
}
