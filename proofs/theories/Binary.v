(* The binary (K = 2) recursive-training chain, fit mle, fresh data by fraction lam.
   State i : 'I_N.+1 is the count of symbol 1 among the N samples (symbol 0 has N - i).
   Fit: p_i = i / N; generation: each sample is 1 with probability
   fit_mix i = (1 - lam) * i / N + lam * q, so the next count is Binomial(N, fit_mix i):
   binary_transition i j = 'C(N, j) * p^j * (1 - p)^(N - j). *)
From mathcomp Require Import all_ssreflect all_algebra ring.
Require Import Collapse.Stochastic.

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
by rewrite /binom -[RHS]mulr_natl; ring.
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
  apply: eq_bigr => j _; rewrite lift0 /binom subSS.
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
rewrite mulrDr mulrCA mulrCA divfK //; ring.
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
rewrite big_split /= -!mulr_sumr /= -mulr_suml mu1 mul1r.
under [X in _ = X * _ + _ -> _]eq_bigr do rewrite mulrCA.
rewrite -mulr_sumr => /eqP; rewrite -subr_eq0.
set E := \sum_i _.
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
move=> abs; have [/eqP i0|i0] := eqVneq (i : nat) 0%N.
  by left; apply: val_inj.
have [/eqP iN|iN] := eqVneq (i : nat) N.
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

Lemma binary_no_entry : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 -> no_entry P interior.
Proof.
move=> N0 l0 hq s t sB tB.
have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
apply: absorbing_row; first exact: binary_stochastic.
  apply/(binary_absorbing_iff s N0 l0 hq).
  move: sB; rewrite inE negb_and -leqNgt -ltnNge.
  case/orP => [s0|sN]; [left|right]; apply: val_inj => /=.
    by move: s0; rewrite leqn0 => /eqP.
  by apply/eqP; rewrite eqn_leq sN -ltnS ltn_ord.
apply: contraTneq tB => ->; rewrite inE negb_and -leqNgt -ltnNge.
move: sB; rewrite inE negb_and -leqNgt -ltnNge => /orP [->//|sN].
by rewrite sN orbT.
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

(* T2, absorption probability in finite-horizon form: the mass at the Dirac state N
   after n steps is within (1 - N^-N)^n below the initial expected share of symbol 1 *)
Theorem binary_absorption_law mu n : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  distribution mu ->
  0 <= expect mu share - law P n mu diracN <= (1 - transient_rate) ^+ n.
Proof.
move=> N0 l0 hq dmu; have hl : 0 <= lam <= 1 by rewrite l0 lexx ler01.
have sP := binary_stochastic N0 hl hq.
have [L0 _] := law_distribution n sP dmu.
rewrite -(binary_share_preserved mu n N0 l0) /expect (bigD1 diracN) //=.
have -> : share diracN = 1 by rewrite /share /count divff // pnatr_eq0 -lt0n.
rewrite mulr1 addrC addrK.
set L := law P n mu.
apply/andP; split.
  apply: sumr_ge0 => j _; apply: mulr_ge0 => //; exact: frac_ge0.
apply: le_trans (binary_transient_law n N0 l0 hq dmu).
rewrite /mass (big_mkcond (fun j => j \in interior)) big_mkcond /=.
apply: ler_sum => j _; case: ifP => [jN|_]; last first.
  by case: ifP => // _; apply: L0.
case: ifP => [jB|jB].
  rewrite -[X in _ <= X]mulr1; apply: ler_wpmul2l => //; exact: frac_le1.
have -> : j = dirac0.
  apply: val_inj => /=; move: jB jN; rewrite inE /= => /negbT.
  rewrite negb_and -leqNgt -ltnNge => /orP [|jN /eqP jN'].
    by rewrite leqn0 => /eqP.
  by exfalso; apply: jN'; apply: val_inj => /=; apply/eqP;
     rewrite eqn_leq jN -ltnS ltn_ord.
by rewrite /share /count mul0r mulr0.
Qed.

Theorem binary_absorption_dirac i n : (0 < N)%N -> lam = 0 -> 0 <= q <= 1 ->
  0 <= count i / N%:R - law P n (dirac i) diracN <= (1 - transient_rate) ^+ n.
Proof.
move=> N0 l0 hq.
have dd : distribution (dirac i).
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
- move=> s sB; apply/(binary_absorbing_iff s N0 l0 hq).
  move: sB; rewrite inE negb_and -leqNgt -ltnNge.
  case/orP => [s0|sN]; [left|right]; apply: val_inj => /=.
    by move: s0; rewrite leqn0 => /eqP.
  by apply/eqP; rewrite eqn_leq sN -ltnS ltn_ord.
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
    by rewrite -(negbTE (lt0n_neq0 N0)) eq_sym.
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

End BinaryModel.
