/* Peer driver: FLINT's exact solvers on the binary mle (Wright-Fisher) chain, built here from
 * the closed form and nothing else (no code shared with collapse), so that a benchmark
 * compares two independent computations of the same system.
 *
 *   flint_solve --n N --what absorption|steps|stationary [--lambda A/B]
 *               [--method solve|dixon|fmpz-dixon] [--print]
 *
 * Chain: states 0..N, p_i = (1-lambda) i/N + lambda/2, P(i,j) = C(N,j) p_i^j (1-p_i)^(N-j).
 * absorption: (I-Q) x = r over transient states 1..N-1, r(i) = P(i,N) (lambda = 0 only);
 * steps:      (I-Q) t = 1;
 * stationary: regenerative form at reference state 0, (I - P_{-0,-0})^T w = P(0,-0)^T,
 *             pi = (1, w) / (1 + sum w) (lambda > 0).
 * Every probability is an integer over the common denominator D^N (p_i = u_i / D), so the
 * integer system (D^N I - Num) x = D^N b is the same system without any gcd.
 * Methods: solve = fmpq_mat_solve on the canonical rational matrix (FLINT's default);
 *          dixon = fmpq_mat_solve_dixon on it; fmpz-dixon = fmpq_mat_solve_fmpz_mat_dixon
 *          on the integer matrix (no rational matrix built).
 * Prints one JSON object: build and solve seconds, and with --print the solution, entry i
 * for state i (1..N-1, or 0..N for stationary), as exact strings "p/q". */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>

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
    fprintf(stderr, "usage: flint_solve --n N --what absorption|steps|stationary [--lambda A/B] "
                    "[--method solve|dixon|fmpz-dixon] [--print]\n");
    exit(2);
}

/* num[i][j] = C(N,j) u_i^j (D-u_i)^(N-j): row i of D^N P. */
static fmpz_mat_struct *chain_numerators(slong n, const fmpz_t lam_num, const fmpz_t lam_den, fmpz_t D) {
    fmpz_mat_struct *num = flint_malloc(sizeof(fmpz_mat_struct));
    fmpz_mat_init(num, n + 1, n + 1);
    fmpz *binom = _fmpz_vec_init(n + 1);
    fmpz *pu = _fmpz_vec_init(n + 1);
    fmpz *pv = _fmpz_vec_init(n + 1);
    for (slong j = 0; j <= n; j++) fmpz_bin_uiui(binom + j, (ulong)n, (ulong)j);
    fmpz_t u, v, t;
    fmpz_init(u); fmpz_init(v); fmpz_init(t);
    /* p_i = u_i / D: D = N without fresh data, else D = 2 B N, u_i = 2 (B-A) i + A N. */
    if (fmpz_is_zero(lam_num)) fmpz_set_si(D, n);
    else { fmpz_mul_si(D, lam_den, 2 * n); }
    for (slong i = 0; i <= n; i++) {
        if (fmpz_is_zero(lam_num)) fmpz_set_si(u, i);
        else {
            fmpz_sub(t, lam_den, lam_num);
            fmpz_mul_si(u, t, 2 * i);
            fmpz_addmul_ui(u, lam_num, (ulong)n);
        }
        fmpz_sub(v, D, u);
        fmpz_one(pu + 0); fmpz_one(pv + 0);
        for (slong k = 1; k <= n; k++) { fmpz_mul(pu + k, pu + k - 1, u); fmpz_mul(pv + k, pv + k - 1, v); }
        for (slong j = 0; j <= n; j++) {
            fmpz_mul(t, pu + j, pv + (n - j));
            fmpz_mul(fmpz_mat_entry(num, i, j), t, binom + j);
        }
    }
    fmpz_clear(u); fmpz_clear(v); fmpz_clear(t);
    _fmpz_vec_clear(binom, n + 1); _fmpz_vec_clear(pu, n + 1); _fmpz_vec_clear(pv, n + 1);
    return num;
}

int main(int argc, char **argv) {
    slong n = 0;
    const char *what = NULL, *method = "solve", *lambda = "0";
    int print = 0;
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--n") && a + 1 < argc) n = atol(argv[++a]);
        else if (!strcmp(argv[a], "--what") && a + 1 < argc) what = argv[++a];
        else if (!strcmp(argv[a], "--method") && a + 1 < argc) method = argv[++a];
        else if (!strcmp(argv[a], "--lambda") && a + 1 < argc) lambda = argv[++a];
        else if (!strcmp(argv[a], "--print")) print = 1;
        else usage();
    }
    if (n < 2 || what == NULL) usage();
    int stationary = !strcmp(what, "stationary");
    if (!stationary && strcmp(what, "absorption") && strcmp(what, "steps")) usage();
    if (strcmp(method, "solve") && strcmp(method, "dixon") && strcmp(method, "fmpz-dixon")) usage();
    fmpq_t lam;
    fmpq_init(lam);
    if (fmpq_set_str(lam, lambda, 10) != 0 || fmpq_sgn(lam) < 0 || fmpq_cmp_ui(lam, 1) > 0) usage();
    if (stationary == fmpq_is_zero(lam)) {
        fprintf(stderr, "flint_solve: stationary needs --lambda > 0, absorption and steps need lambda = 0\n");
        return 2;
    }

    double t0 = now();
    fmpz_t D, DN;
    fmpz_init(D); fmpz_init(DN);
    fmpz_mat_struct *num = chain_numerators(n, fmpq_numref(lam), fmpq_denref(lam), D);
    fmpz_pow_ui(DN, D, (ulong)n);

    /* Unknowns: transient states 1..N-1, or states 1..N for stationary. */
    slong m = stationary ? n : n - 1;
    fmpz_mat_t A, B;
    fmpz_mat_init(A, m, m);
    fmpz_mat_init(B, m, 1);
    for (slong r = 0; r < m; r++) {
        for (slong c = 0; c < m; c++) {
            /* stationary: transposed block over states 1..N; else block over 1..N-1. */
            const fmpz *e = stationary ? fmpz_mat_entry(num, c + 1, r + 1) : fmpz_mat_entry(num, r + 1, c + 1);
            fmpz_neg(fmpz_mat_entry(A, r, c), e);
        }
        fmpz_add(fmpz_mat_entry(A, r, r), fmpz_mat_entry(A, r, r), DN);
        if (stationary) fmpz_set(fmpz_mat_entry(B, r, 0), fmpz_mat_entry(num, 0, r + 1));
        else if (!strcmp(what, "absorption")) fmpz_set(fmpz_mat_entry(B, r, 0), fmpz_mat_entry(num, r + 1, n));
        else fmpz_set(fmpz_mat_entry(B, r, 0), DN);
    }
    fmpz_mat_clear(num);
    flint_free(num);

    fmpq_mat_t X, Aq, Bq;
    fmpq_mat_init(X, m, 1);
    int rational = strcmp(method, "fmpz-dixon") != 0;
    if (rational) {
        /* The canonical rational matrix a user of fmpq_mat would hold: entry / D^N, reduced. */
        fmpq_mat_init(Aq, m, m);
        fmpq_mat_init(Bq, m, 1);
        for (slong r = 0; r < m; r++) {
            for (slong c = 0; c < m; c++) fmpq_set_fmpz_frac(fmpq_mat_entry(Aq, r, c), fmpz_mat_entry(A, r, c), DN);
            fmpq_set_fmpz_frac(fmpq_mat_entry(Bq, r, 0), fmpz_mat_entry(B, r, 0), DN);
        }
    }
    double t1 = now(), c1 = cpu_now();
    int ok;
    if (!strcmp(method, "solve")) ok = fmpq_mat_solve(X, Aq, Bq);
    else if (!strcmp(method, "dixon")) ok = fmpq_mat_solve_dixon(X, Aq, Bq);
    else ok = fmpq_mat_solve_fmpz_mat_dixon(X, A, B);
    double t2 = now(), c2 = cpu_now();
    if (!ok) {
        fprintf(stderr, "flint_solve: the system is singular\n");
        return 1;
    }

    printf("{\"tool\": \"flint\", \"method\": \"%s\", \"n\": %ld, \"what\": \"%s\", \"lambda\": \"%s\", "
           "\"build_seconds\": %.6f, \"solve_seconds\": %.6f, \"solve_cpu_seconds\": %.6f",
           method, (long)n, what, lambda, t1 - t0, t2 - t1, c2 - c1);
    if (print) {
        printf(", \"values\": [");
        if (stationary) {
            /* pi_0 = 1 / (1 + sum w), pi_j = w_j pi_0. */
            fmpq_t s, p0, pj;
            fmpq_init(s); fmpq_init(p0); fmpq_init(pj);
            fmpq_one(s);
            for (slong r = 0; r < m; r++) fmpq_add(s, s, fmpq_mat_entry(X, r, 0));
            fmpq_inv(p0, s);
            char *str = fmpq_get_str(NULL, 10, p0);
            printf("\"%s\"", str);
            flint_free(str);
            for (slong r = 0; r < m; r++) {
                fmpq_mul(pj, fmpq_mat_entry(X, r, 0), p0);
                str = fmpq_get_str(NULL, 10, pj);
                printf(", \"%s\"", str);
                flint_free(str);
            }
            fmpq_clear(s); fmpq_clear(p0); fmpq_clear(pj);
        } else {
            for (slong r = 0; r < m; r++) {
                char *str = fmpq_get_str(NULL, 10, fmpq_mat_entry(X, r, 0));
                printf("%s\"%s\"", r ? ", " : "", str);
                flint_free(str);
            }
        }
        printf("]");
    }
    printf("}\n");

    if (rational) { fmpq_mat_clear(Aq); fmpq_mat_clear(Bq); }
    fmpq_mat_clear(X);
    fmpz_mat_clear(A); fmpz_mat_clear(B);
    fmpz_clear(D); fmpz_clear(DN);
    fmpq_clear(lam);
    flint_cleanup();
    return 0;
}
