(* The binary (K = 2) recursive-training chain, fit mle, fresh data by fraction lam.
   State i : 'I_N.+1 is the count of symbol 1 among the N samples (symbol 0 has N - i).
   Fit: p_i = i / N; generation: each sample is 1 with probability
   fit_mix i = (1 - lam) * i / N + lam * q, so the next count is Binomial(N, fit_mix i):
   binary_transition i j = 'C(N, j) * p^j * (1 - p)^(N - j). *)
From mathcomp Require Import all_ssreflect all_algebra ring.
Require Import Collapse.Stochastic Collapse.Stationary.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

Section Binomial.

Variable R : realFieldType.
Implicit Types (p : R) (n j : nat).

Definition binom n p j : R := 'C(n, j)%:R * p ^+ j * (1 - p) ^+ (n - j).

Lemma binom_ge0 n p j : 0 <= p -> p <= 1 -> 0 <= binom n p j.
Proof.
move=> p0 p1; rewrite /binom; apply: mulr_ge0; first apply: mulr_ge0.
- by rewrite ler0n.
- exact: exprn_ge0.
- by apply: exprn_ge0; rewrite subr_ge0.
Qed.

Lemma binom_gt0 n p j : 0 < p -> p < 1 -> (j <= n)%N -> 0 < binom n p j.
Proof.
move=> p0 p1 jn; rewrite /binom; apply: mulr_gt0; first apply: mulr_gt0.
- by rewrite ltr0n bin_gt0.
- exact: exprn_gt0.
- by apply: exprn_gt0; rewrite subr_gt0.
Qed.

Lemma binom_sum n p : \sum_(j < n.+1) binom n p j = 1.
Proof.
rewrite -(expr1n R n) -{1}(subrK p 1) exprDn; apply: eq_bigr => j _.
by rewrite /binom -[RHS]mulr_natl -mulrA [p ^+ _ * _]mulrC.
Qed.

Lemma binom_0 n p : binom n p 0 = (1 - p) ^+ n.
Proof. by rewrite /binom bin0 expr0 !mul1r subn0. Qed.

Lemma binom_n n p : binom n p n = p ^+ n.
Proof. by rewrite /binom binn subnn expr0 mul1r mulr1. Qed.

(* the mean lemma: sum_j j * binom n p j = n p *)
Lemma binom_mean n p : \sum_(j < n.+1) j%:R * binom n p j = n%:R * p.
Proof.
case: n => [|n]; first by rewrite big_ord_recl big_ord0 !mul0r add0r.
rewrite big_ord_recl /= mul0r add0r.
transitivity (\sum_(j < n.+1) n.+1%:R * p * binom n p j).
  apply: eq_bigr => j _; have -> : bump 0 j = j.+1 by [].
  rewrite /binom subSS.
  have H : j.+1%:R * 'C(n.+1, j.+1)%:R = n.+1%:R * 'C(n, j)%:R :> R.
    by rewrite -!natrM -mul_bin_diag.
  rewrite !mulrA H exprS; ring.
by rewrite -mulr_sumr binom_sum mulr1.
Qed.

End Binomial.

Section BinaryModel.

Variable R : realFieldType.
Variables (N : nat) (lam q : R).

Definition bstate := 'I_N.+1.

(* probability that one generated sample is symbol 1 *)
Definition fit_mix (i : 'I_N.+1) : R := (1 - lam) * (i%:R / N%:R) + lam * q.

Definition binary_transition (i j : 'I_N.+1) : R := binom N (fit_mix i) j.

Local Notation P := binary_transition.

(* the count of symbol 1, as a number *)
Definition count (j : 'I_N.+1) : R := j%:R.

(* the two Dirac states: all samples 0 (i = 0), all samples 1 (i = N) *)
Definition dirac0 : 'I_N.+1 := ord0.
Definition diracN : 'I_N.+1 := ord_max.

(* the non-Dirac states *)
Definition interior : {set 'I_N.+1} := [set i : 'I_N.+1 | (0 < i < N)%N].

Lemma frac_ge0 (i : 'I_N.+1) : 0 <= i%:R / N%:R :> R.
Proof. by apply: divr_ge0; rewrite ler0n. Qed.

Lemma frac_le1 (i : 'I_N.+1) : (0 < N)%N -> i%:R / N%:R <= 1 :> R.
Proof.
move=> N0; rewrite ler_pdivr_mulr ?ltr0n // mul1r ler_nat.
by rewrite -ltnS ltn_ord.
Qed.

Lemma fit_mix_ge0 i : (0 < N)%N -> 0 <= lam <= 1 -> 0 <= q <= 1 -> 0 <= fit_mix i.
Proof.
move=> N0 /andP[l0 l1] /andP[q0 q1]; rewrite /fit_mix; apply: addr_ge0.
  by apply: mulr_ge0; rewrite ?subr_ge0 ?frac_ge0.
exact: mulr_ge0.
Qed.

Lemma one_sub_fit_mix i :
  1 - fit_mix i = (1 - lam) * (1 - i%:R / N%:R) + lam * (1 - q).
Proof. rewrite /fit_mix; ring. Qed.

Lemma fit_mix_le1 i : (0 < N)%N -> 0 <= lam <= 1 -> 0 <= q <= 1 -> fit_mix i <= 1.
Proof.
move=> N0 /andP[l0 l1] /andP[q0 q1]; rewrite -subr_ge0 one_sub_fit_mix.
apply: addr_ge0; apply: mulr_ge0; by rewrite ?subr_ge0 ?frac_le1.
Qed.

(* The model is a stochastic matrix. *)
Theorem binary_stochastic :
  (0 < N)%N -> 0 <= lam <= 1 -> 0 <= q <= 1 -> stochastic P.
Proof.
move=> N0 hl hq; split.
  by move=> i j; apply: binom_ge0; [apply: fit_mix_ge0 | apply: fit_mix_le1].
by move=> i; apply: binom_sum.
Qed.

(* T5a, the drift: E[c' | c = i] = (1 - lam) i + lam N q *)
Theorem binary_drift i : (0 < N)%N ->
  \sum_j P i j * count j = (1 - lam) * count i + lam * N%:R * q.
Proof.
move=> N0; rewrite /P /count.
under eq_bigr do rewrite mulrC.
rewrite (binom_mean N (fit_mix i)) /fit_mix.
have NZ : N%:R != 0 :> R by rewrite pnatr_eq0 -lt0n.
have H : N%:R * (i%:R / N%:R) = i%:R :> R by rewrite mulrC divfK.
by rewrite mulrDr mulrCA H; ring.
Qed.

(* T2, the martingale identity: with no fresh data, E[c' | c = i] = i *)
Theorem binary_martingale i : (0 < N)%N -> lam = 0 ->
  \sum_j P i j * count j = count i.
Proof.
by move=> N0 l0; rewrite binary_drift // l0 subr0 mul1r !mul0r addr0.
Qed.

Definition share (j : 'I_N.+1) : R := count j / N%:R.

Lemma binary_share_harmonic : (0 < N)%N -> lam = 0 -> harmonic P share.
Proof.
move=> N0 l0 i; rewrite /share.
under eq_bigr do rewrite mulrA; by rewrite -mulr_suml binary_martingale.
Qed.

(* T2 in martingale form: the expected share of symbol 1 is the same after n steps *)
Theorem binary_share_preserved mu n : (0 < N)%N -> lam = 0 ->
  expect (law P n mu) share = expect mu share.
Proof. by move=> N0 l0; apply: harmonic_law; apply: binary_share_harmonic. Qed.

(* T5a: the stationary mean is N q, for every lam > 0 *)
Theorem binary_stationary_mean mu : (0 < N)%N -> 0 < lam ->
  stationary P mu -> expect mu count = N%:R * q.
Proof.
move=> N0 l0 [[_ mu1] st].
have := stationary_expect count st; rewrite /expect.
under [X in _ = X -> _]eq_bigr do rewrite binary_drift //.
under [X in _ = X -> _]eq_bigr do rewrite mulrDr.
rewrite big_split /=.
set E := \sum_(s < N.+1) mu s * count s.
have -> : \sum_(i < N.+1) mu i * ((1 - lam) * count i) = (1 - lam) * E.
  by rewrite /E mulr_sumr; apply: eq_bigr => i _; rewrite mulrCA.
rewrite -mulr_suml mu1 mul1r => /eqP; rewrite -subr_eq0.
have -> : E - ((1 - lam) * E + lam * N%:R * q) = lam * (E - N%:R * q) by ring.
by rewrite mulf_eq0 gt_eqF //= subr_eq0 => /eqP.
Qed.

Lemma fit_mix_dirac0 : lam = 0 -> fit_mix dirac0 = 0.
Proof. by move=> l0; rewrite /fit_mix l0 /= mul0r mulr0 mul0r addr0. Qed.

Lemma fit_mix_diracN : (0 < N)%N -> lam = 0 -> fit_mix diracN = 1.
Proof.
move=> N0 l0; rewrite /fit_mix l0 /= mul0r addr0 subr0 mul1r divff //.
by rewrite pnatr_eq0 -lt0n.
Qed.

Lemma interior_fit_mix i : lam = 0 -> i \in interior ->
  0 < fit_mix i /\ fit_mix i < 1.
Proof.
move=> l0; rewrite inE => /andP[i0 iN]; rewrite /fit_mix l0 mul0r addr0 subr0 mul1r.
have N0 : (0 < N)%N by apply: leq_ltn_trans iN.
split; first by apply: divr_gt0; rewrite ltr0n.
by rewrite ltr_pdivr_mulr ?ltr0n // mul1r ltr_nat.
Qed.

(* T1: with no fresh data, the absorbing states are exactly the two Dirac states *)
Theorem binary_absorbing_iff i : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  absorbing P i <-> i = dirac0 \/ i = diracN.
Proof.
move=> N0 l0 hq; have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
split; last first.
  case=> ->; rewrite /absorbing /P.
    by rewrite fit_mix_dirac0 // binom_0 subr0 expr1n.
  by rewrite fit_mix_diracN // binom_n expr1n.
move=> abs; have [i0|i0] := eqVneq (i : nat) 0%N.
  by left; apply: val_inj.
have [iN|iN] := eqVneq (i : nat) N.
  by right; apply: val_inj.
have iB : i \in interior.
  rewrite inE lt0n i0 /= ltn_neqAle iN /=; by rewrite -ltnS ltn_ord.
have [p0 p1] := interior_fit_mix l0 iB.
have : P i i < 1.
  apply: (not_absorbing (t := dirac0) (binary_stochastic N0 hl hq)).
    by apply/eqP => /(congr1 val) /= /esym /eqP; rewrite (negbTE i0).
  by apply: binom_gt0.
by rewrite abs ltxx.
Qed.

Definition transient_rate : R := (N%:R ^-1) ^+ N.

Lemma transient_rate_gt0 : (0 < N)%N -> 0 < transient_rate.
Proof. by move=> N0; apply: exprn_gt0; rewrite invr_gt0 ltr0n. Qed.

Lemma transient_rate_le1 : (0 < N)%N -> transient_rate <= 1.
Proof.
move=> N0; apply: exprn_ile1; first by rewrite invr_ge0 ler0n.
by rewrite invf_le1 ?ltr0n // ler1n.
Qed.

Lemma not_interior (s : 'I_N.+1) : s \notin interior -> s = dirac0 \/ s = diracN.
Proof.
rewrite inE negb_and -!leqNgt => /orP [s0|sN]; [left|right]; apply: val_inj => /=.
  by apply/eqP; rewrite -leqn0.
by apply/eqP; rewrite eqn_leq sN andbT -ltnS ltn_ord.
Qed.

Lemma dirac_not_interior (s : 'I_N.+1) : s = dirac0 \/ s = diracN -> s \notin interior.
Proof. by case=> ->; rewrite inE /= ?ltnn ?andbF. Qed.

Lemma binary_no_entry : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 -> no_entry P interior.
Proof.
move=> N0 l0 hq s t sB tB.
have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
apply: absorbing_row; first exact: binary_stochastic.
  by apply/(binary_absorbing_iff s N0 l0 hq); apply: not_interior.
apply/eqP => ts; move: tB; rewrite ts; apply/negP; apply: dirac_not_interior.
exact: not_interior.
Qed.

Lemma binary_leak s : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 -> s \in interior ->
  \sum_(t in interior) P s t <= 1 - transient_rate.
Proof.
move=> N0 l0 hq sB; have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
apply: le_trans (row_mass_le s (t := diracN) (binary_stochastic N0 hl hq) _) _.
  by rewrite inE /= ltnn andbF.
rewrite ler_sub //; rewrite /P binom_n /transient_rate.
apply: ler_expn2r; rewrite ?nnegrE ?invr_ge0 ?ler0n ?fit_mix_ge0 //.
move: sB; rewrite inE => /andP[s0 _].
rewrite /fit_mix l0 subr0 mul1r mul0r addr0 -[X in X <= _]mul1r.
by apply: ler_wpmul2r; rewrite ?invr_ge0 ?ler0n // ler1n.
Qed.

(* T1, finite horizon: from any initial law, the mass off the Dirac states after n
   steps is at most (1 - N^-N)^n *)
Theorem binary_transient_law mu n : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  distribution mu -> mass (law P n mu) interior <= (1 - transient_rate) ^+ n.
Proof.
move=> N0 l0 hq dmu; have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
apply: transient_law_le => //.
- exact: binary_stochastic.
- exact: binary_no_entry.
- exact: transient_rate_le1.
- by move=> s sB; apply: binary_leak.
Qed.

(* the expected share of symbol 1 exceeds the mass at the Dirac state N by at most the
   mass off the Dirac states *)
Lemma share_gap L : (0 < N)%N -> (forall s, 0 <= L s) ->
  0 <= expect L share - L diracN <= mass L interior.
Proof.
move=> N0 L0; rewrite /expect (bigD1 diracN) //=.
have -> : share diracN = 1 by rewrite /share /count divff // pnatr_eq0 -lt0n.
rewrite mulr1 addrAC subrr add0r.
apply/andP; split.
  apply: sumr_ge0 => j _; apply: mulr_ge0 => //; exact: frac_ge0.
rewrite /mass [X in _ <= X]big_mkcond [X in X <= _]big_mkcond /=.
apply: ler_sum => j _; case: ifP => [jN|_]; last first.
  by case: ifP => // _; apply: L0.
case: ifP => [jB|jB].
  rewrite -[X in _ <= X]mulr1; apply: ler_wpmul2l => //; exact: frac_le1.
have -> : j = dirac0.
  case: (not_interior (negbT jB)) => // jN'; by move: jN; rewrite jN' eqxx.
by rewrite /share /count mul0r mulr0.
Qed.

(* T2, absorption probability in finite-horizon form: the mass at the Dirac state N
   after n steps is within (1 - N^-N)^n below the initial expected share of symbol 1 *)
Theorem binary_absorption_law mu n : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  distribution mu ->
  0 <= expect mu share - law P n mu diracN <= (1 - transient_rate) ^+ n.
Proof.
move=> N0 l0 hq dmu; have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
have sP := binary_stochastic N0 hl hq.
have [L0 _] := law_distribution n sP dmu.
rewrite -(binary_share_preserved mu n N0 l0).
have /andP[-> /le_trans ->] := share_gap N0 L0 => //.
exact: binary_transient_law.
Qed.

Theorem binary_absorption_dirac i n : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  0 <= count i / N%:R - law P n (dirac i) diracN <= (1 - transient_rate) ^+ n.
Proof.
move=> N0 l0 hq.
have dd : distribution (dirac (R := R) i).
  split; first by move=> s; rewrite /dirac ler0n.
  rewrite (bigD1 i) //= /dirac eqxx big1 ?addr0 // => s /negbTE->//.
have := binary_absorption_law n N0 l0 hq dd.
suff -> : expect (dirac i) share = count i / N%:R by [].
rewrite /expect (bigD1 i) //= /dirac eqxx mul1r big1 ?addr0 // => s /negbTE->.
by rewrite mul0r.
Qed.

(* T3: with no fresh data, the stationary laws are exactly the laws carried by the
   two Dirac states, i.e. the mixtures w * delta_0 + (1 - w) * delta_N *)
Theorem binary_stationary_iff mu : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  stationary P mu <-> distribution mu /\ (forall i, i \in interior -> mu i = 0).
Proof.
move=> N0 l0 hq; have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
apply: stationary_support.
- exact: binary_stochastic.
- exact: binary_no_entry.
- move=> s sB; apply: le_lt_trans (binary_leak N0 l0 hq sB) _.
  by rewrite ltr_subl_addr ltr_addl transient_rate_gt0.
- move=> s sB; apply/(binary_absorbing_iff s N0 l0 hq); exact: not_interior.
Qed.

(* T4: with fresh data lam > 0 and 0 < q < 1 every transition has positive probability *)
Theorem binary_transition_pos i j : (0 < N)%N -> 0 < lam <= 1 -> 0 < q < 1 ->
  0 < P i j.
Proof.
move=> N0 /andP[l0 l1] /andP[q0 q1]; apply: binom_gt0; last by rewrite -ltnS ltn_ord.
  rewrite /fit_mix; apply: ltr_paddl; last exact: mulr_gt0.
  by apply: mulr_ge0; rewrite ?subr_ge0 ?frac_ge0.
rewrite -subr_gt0 one_sub_fit_mix; apply: ltr_paddl.
  by apply: mulr_ge0; rewrite subr_ge0 ?frac_le1.
by apply: mulr_gt0; rewrite ?subr_gt0.
Qed.

Theorem binary_no_absorbing i : (0 < N)%N -> 0 < lam <= 1 -> 0 < q < 1 ->
  ~ absorbing P i.
Proof.
move=> N0 hl hq abs.
have hl' : 0 <= lam <= 1 by case/andP: hl => /ltW -> ->.
have hq' : 0 <= q <= 1 by case/andP: hq => /ltW -> /ltW ->.
have [t ti] : exists t, t != i.
  have [i0|i0] := eqVneq i dirac0.
    exists diracN; rewrite i0; apply/eqP => /(congr1 val) /= /eqP.
    by move=> /eqP N0'; move: N0; rewrite N0'.
  by exists dirac0; rewrite eq_sym.
have := not_absorbing (binary_stochastic N0 hl' hq') ti
                      (binary_transition_pos i t N0 hl hq).
by rewrite abs ltxx.
Qed.

Definition doeblin_rate : R := (lam * (1 - q)) ^+ N.

Lemma binary_minorisation s : (0 < N)%N -> 0 < lam <= 1 -> 0 < q < 1 ->
  doeblin_rate <= P s dirac0.
Proof.
move=> N0 /andP[l0 l1] /andP[q0 q1]; rewrite /P binom_0 /doeblin_rate.
apply: ler_expn2r; rewrite ?nnegrE.
- by apply: mulr_ge0; rewrite ?subr_ge0 ltW.
- rewrite one_sub_fit_mix; apply: addr_ge0; apply: mulr_ge0;
    by rewrite ?subr_ge0 ?frac_le1 // ltW.
rewrite one_sub_fit_mix ler_addr; apply: mulr_ge0;
  by rewrite subr_ge0 ?frac_le1.
Qed.

(* T4: uniqueness of the stationary law *)
Theorem binary_stationary_unique mu nu : (0 < N)%N -> 0 < lam <= 1 -> 0 < q < 1 ->
  stationary P mu -> stationary P nu -> forall i, mu i = nu i.
Proof.
move=> N0 hl hq; have hl' : 0 <= lam <= 1 by case/andP: hl => /ltW -> ->.
have hq' : 0 <= q <= 1 by case/andP: hq => /ltW -> /ltW ->.
apply: (stationary_unique (t0 := dirac0) (delta := doeblin_rate)).
- exact: binary_stochastic.
- case/andP: hl => l0 _; case/andP: hq => _ q1.
  by apply: exprn_gt0; apply: mulr_gt0; rewrite ?subr_gt0.
- by move=> s; apply: binary_minorisation.
Qed.

(* T4: strict positivity of the stationary law *)
Theorem binary_stationary_pos mu : (0 < N)%N -> 0 < lam <= 1 -> 0 < q < 1 ->
  stationary P mu -> forall i, 0 < mu i.
Proof.
by move=> N0 hl hq; apply: stationary_pos => s t; apply: binary_transition_pos.
Qed.

(* every binary chain of the model has a stationary law *)
Theorem binary_stationary_exists : (0 < N)%N -> 0 <= lam <= 1 -> 0 <= q <= 1 ->
  exists mu, stationary P mu.
Proof.
by move=> N0 hl hq; apply: (stationary_exists dirac0); apply: binary_stochastic.
Qed.

(* T4 in one statement: with lam > 0 and 0 < q < 1, every transition is positive, no
   state is absorbing, and there is a unique stationary law, which is positive *)
Theorem binary_degeneration : (0 < N)%N -> 0 < lam <= 1 -> 0 < q < 1 ->
  (forall i j, 0 < P i j) /\ (forall i, ~ absorbing P i) /\
  exists mu, [/\ stationary P mu, forall i, 0 < mu i &
                 forall nu, stationary P nu -> forall i, nu i = mu i].
Proof.
move=> N0 hl hq; have hl' : 0 <= lam <= 1 by case/andP: hl => /ltW -> ->.
have hq' : 0 <= q <= 1 by case/andP: hq => /ltW -> /ltW ->.
split; first by move=> i j; apply: binary_transition_pos.
split; first by move=> i; apply: binary_no_absorbing.
have [mu st] := binary_stationary_exists N0 hl' hq'.
exists mu; split => //; first exact: binary_stationary_pos.
by move=> nu snu; apply: binary_stationary_unique.
Qed.

(* T5b, quantitative (Bernoulli's inequality `bernoulli` is in Stochastic.v). *)
(* the rate at which an interior state reaches the Dirac state N, for lam < 1 *)
Definition dirac_rate : R := ((1 - lam) / N%:R) ^+ N.

Lemma interior_leak_fresh s : (0 < N)%N -> 0 <= lam <= 1 -> 0 <= q <= 1 ->
  s \in interior -> \sum_(t in interior) P s t <= 1 - dirac_rate.
Proof.
move=> N0 hl hq sB; have [l0 l1] := andP hl; have [q0 q1] := andP hq.
apply: le_trans (row_mass_le s (t := diracN) (binary_stochastic N0 hl hq) _) _.
  by rewrite inE /= ltnn andbF.
rewrite ler_sub //; rewrite /P binom_n /dirac_rate.
apply: ler_expn2r; rewrite ?nnegrE ?fit_mix_ge0 //.
  by apply: divr_ge0; rewrite ?subr_ge0 ?ler0n.
move: sB; rewrite inE => /andP[s0 _].
rewrite /fit_mix ler_paddr //; first exact: mulr_ge0.
rewrite mulrCA -[X in X <= _]mul1r; apply: ler_wpmul2r; last by rewrite ler1n.
by apply: divr_ge0; rewrite ?subr_ge0 ?ler0n.
Qed.

Lemma dirac_leak_fresh s : (0 < N)%N -> 0 <= lam <= 1 -> 0 <= q <= 1 ->
  s \notin interior -> \sum_(t in interior) P s t <= N%:R * lam.
Proof.
move=> N0 hl hq sB; have [l0 l1] := andP hl; have [q0 q1] := andP hq.
have sP := binary_stochastic N0 hl hq.
case: (not_interior sB) => ->.
  apply: le_trans (row_mass_le dirac0 (t := dirac0) sP _) _.
    by rewrite inE /= ?ltnn.
  rewrite /P binom_0.
  have -> : fit_mix dirac0 = lam * q by rewrite /fit_mix /= mul0r mulr0 add0r.
  apply: le_trans (bernoulli N _ _) _.
  - exact: mulr_ge0.
  - by rewrite -[X in _ <= X]mulr1; apply: ler_pmul.
  apply: ler_wpmul2l; first by rewrite ler0n.
  by rewrite -[X in _ <= X]mulr1; apply: ler_wpmul2l.
apply: le_trans (row_mass_le diracN (t := diracN) sP _) _.
  by rewrite inE /= ltnn andbF.
rewrite /P binom_n.
have -> : fit_mix diracN = 1 - lam * (1 - q).
  rewrite /fit_mix /= divff ?pnatr_eq0 -?lt0n //; ring.
apply: le_trans (bernoulli N _ _) _.
- by apply: mulr_ge0; rewrite ?subr_ge0.
- rewrite -[X in _ <= X]mulr1; apply: ler_pmul; rewrite ?subr_ge0 //.
  by rewrite ler_subl_addr ler_addl.
rewrite mulrA -[X in _ <= X]mulr1; apply: ler_wpmul2l.
  by apply: mulr_ge0; rewrite ?ler0n.
by rewrite ler_subl_addr ler_addl.
Qed.

(* the stationary mass off the Dirac states is at most N lam / ((1 - lam)/N)^N *)
Theorem binary_stationary_interior_mass mu : (0 < N)%N -> 0 < lam < 1 -> 0 <= q <= 1 ->
  stationary P mu -> mass mu interior <= N%:R * lam / dirac_rate.
Proof.
move=> N0 /andP[l0 l1] hq st; have hl : 0 <= lam <= 1 by rewrite ltW ?l0 ?ltW.
have [[mu0 mu1] mufix] := st.
have d0 : 0 < dirac_rate.
  by apply: exprn_gt0; apply: divr_gt0; rewrite ?subr_gt0 ?ltr0n.
rewrite ler_pdivl_mulr // mulrC.
have E : mass mu interior = mass (step P mu) interior.
  by rewrite /mass; apply: eq_bigr => t _; rewrite mufix.
have : mass mu interior <= (1 - dirac_rate) * mass mu interior + N%:R * lam.
  rewrite {1}E mass_step (bigID (fun s => s \in interior)) /=.
  apply: ler_add.
    rewrite /mass mulr_sumr; apply: ler_sum => s sB; rewrite mulrC.
    by apply: ler_wpmul2r => //; apply: interior_leak_fresh.
  apply: (le_trans (y := \sum_(s | s \notin interior) mu s * (N%:R * lam))).

    apply: ler_sum => s sB; apply: ler_wpmul2l => //.
    exact: dirac_leak_fresh.
  rewrite -mulr_suml -[X in _ <= X]mul1r; apply: ler_wpmul2r.
    by apply: mulr_ge0; rewrite ?ler0n ?ltW.
  rewrite -mu1 [X in _ <= X](bigID (fun s => s \in interior)) /= ler_addr.
  by apply: sumr_ge0.
move=> H; rewrite -subr_ge0.
have -> : N%:R * lam - dirac_rate * mass mu interior =
          (1 - dirac_rate) * mass mu interior + N%:R * lam - mass mu interior by ring.
by rewrite subr_ge0.
Qed.

(* T5b, quantitative: the stationary mass at the Dirac state N is within
   N lam / ((1 - lam)/N)^N below q (so it tends to q as lam -> 0) *)
Theorem binary_dirac_mass_bound mu : (0 < N)%N -> 0 < lam < 1 -> 0 <= q <= 1 ->
  stationary P mu -> 0 <= q - mu diracN <= N%:R * lam / dirac_rate.
Proof.
move=> N0 hl hq st; have [[mu0 mu1] _] := st.
have hl0 : 0 < lam by case/andP: hl.
have -> : q = expect mu share.
  have := binary_stationary_mean N0 hl0 st; rewrite /expect /share => E.
  under eq_bigr do rewrite mulrA.
  rewrite -mulr_suml E mulrAC divff ?mul1r //.
  by rewrite pnatr_eq0 -lt0n.
have /andP[-> /le_trans -> //] := share_gap N0 mu0.
exact: binary_stationary_interior_mass.
Qed.

End BinaryModel.
