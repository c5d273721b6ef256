(* Theorems T1-T5 of the spec for the general-alphabet chain of Multinomial.v
   (K symbols, N samples, fit mle, fresh data by fraction lam from q).  They rest on the
   generic lemmas of Stochastic.v and Stationary.v, as the binary ones do. *)
From mathcomp Require Import all_ssreflect all_algebra ring.
Require Import Collapse.Stochastic Collapse.Stationary Collapse.Multinomial.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

Section GeneralK.

Variable R : realFieldType.
Variables (K N : nat) (lam : R) (q : 'I_K -> R).

Local Notation cstate := (cstate K N).
Local Notation P := (@multi_transition R K N lam q).
Local Notation params := (@params R K N lam q).
Local Notation mix := (@mix R K N lam q).
Local Notation share := (@share R K N).
Local Notation dirac_state := (@dirac_state K N).
Local Notation nondirac := (@nondirac K N).

Lemma params_N0 : params -> (0 < N)%N.
Proof. by case. Qed.

Lemma mix_lam0 c a : lam = 0 -> mix c a = share c a.
Proof. by move=> l0; rewrite /Multinomial.mix l0 subr0 mul1r mul0r addr0. Qed.

Lemma share_dirac i a : (0 < N)%N -> share (dirac_state i) a = (a == i)%:R.
Proof.
move=> N0; rewrite /Multinomial.share cnt_dirac; case: (a == i); last by rewrite mul0r.
by rewrite divff // pnatr_eq0 -lt0n.
Qed.

(* the constant sequence i, i, ..., i leads to the Dirac state N e_i *)
Lemma seq_state_const i : seq_state [ffun _ : 'I_N => i] = dirac_state i.
Proof.
apply: cstate_eq => a; rewrite cnt_seq_state cnt_dirac /occ.
under eq_bigr do rewrite ffunE.
by rewrite big_const_ord iter_addn_0 eq_sym; case: (a == i); rewrite ?mul1n ?mul0n.
Qed.

(* from any state, N e_i is reached with probability at least mix c i ^ N *)
Lemma dirac_reach c i : params -> mix c i ^+ N <= P c (dirac_state i).
Proof.
move=> hp; rewrite -seq_state_const.
apply: le_trans (weight_le_transition _ _ (mix_laws hp)).
rewrite /Multinomial.weight /=; under eq_bigr do rewrite ffunE.
by rewrite prodr_const card_ord.
Qed.

(* the chain is stochastic (a short name for the many uses below) *)
Lemma sP : params -> stochastic P.
Proof. exact: multi_stochastic. Qed.

(* T2, the martingale identity: with no fresh data, E[c'_i | c] = c_i *)
Theorem multi_martingale c i : params -> lam = 0 ->
  \sum_c' P c c' * (cnt c' i)%:R = (cnt c i)%:R.
Proof.
by move=> hp l0; rewrite multi_drift // l0 subr0 mul1r !mul0r addr0.
Qed.

Lemma share_harmonic i : params -> lam = 0 -> harmonic P (fun c => share c i).
Proof.
move=> hp l0 c; rewrite /Multinomial.share.
under eq_bigr do rewrite mulrA; by rewrite -mulr_suml multi_martingale.
Qed.

(* T2 in martingale form: the expected share of each symbol is the same after n steps *)
Theorem multi_share_preserved mu n i : params -> lam = 0 ->
  expect (law P n mu) (fun c => share c i) = expect mu (fun c => share c i).
Proof. by move=> hp l0; apply: harmonic_law; apply: share_harmonic. Qed.

Lemma dirac_absorbing i : params -> lam = 0 -> absorbing P (dirac_state i).
Proof.
move=> hp l0; apply/eqP; rewrite eq_le row_le1 /=; last exact: sP.
apply: le_trans (dirac_reach _ _ hp).
by rewrite mix_lam0 // share_dirac ?params_N0 // eqxx expr1n.
Qed.

(* a state that is not a Dirac state has a symbol present but not alone *)
Lemma nondirac_present c : params -> c \in nondirac ->
  exists i, [/\ (0 < cnt c i)%N, cnt c i != N & c != dirac_state i].
Proof.
move=> hp cB; have [i ci] := cnt_present c (params_N0 hp).
move: cB; rewrite inE => /forallP /(_ i) ciN.
exists i; split => //; apply: contraNneq ciN => ->.
by rewrite cnt_dirac eqxx.
Qed.

(* T1: with no fresh data, the absorbing states are exactly the Dirac states *)
Theorem multi_absorbing_iff c : params -> lam = 0 ->
  absorbing P c <-> exists i, c = dirac_state i.
Proof.
move=> hp l0; split; last by case=> i ->; apply: dirac_absorbing.
move=> abs; case/boolP: (c \in nondirac) => [cB|]; last exact: nondiracPn.
have [i [ci0 _ ci]] := nondirac_present hp cB.
have : P c c < 1.
  apply: (not_absorbing (t := dirac_state i) (sP hp)); first by rewrite eq_sym.
  apply: lt_le_trans (dirac_reach _ _ hp); apply: exprn_gt0.
  by rewrite mix_lam0 // /Multinomial.share divr_gt0 ?ltr0n ?params_N0.
by rewrite abs ltxx.
Qed.

(* the rate of absorption: N^-N *)
Definition multi_rate : R := ((N ^ N)%N%:R)^-1.

Lemma multi_rate_le1 : (0 < N)%N -> multi_rate <= 1.
Proof. by move=> N0; rewrite invf_le1 ?ltr0n ?expn_gt0 ?N0 // ler1n expn_gt0 N0. Qed.

Lemma multi_rate_gt0 : (0 < N)%N -> 0 < multi_rate.
Proof. by move=> N0; rewrite invr_gt0 ltr0n expn_gt0 N0. Qed.

Lemma multi_no_entry : params -> lam = 0 -> no_entry P nondirac.
Proof.
move=> hp l0 s t sB tB; have [i ->] := nondiracPn sB.
apply: absorbing_row; [exact: sP | exact: dirac_absorbing |].
by apply: contraTneq tB => ->; apply: dirac_notin.
Qed.

Lemma multi_leak c : params -> lam = 0 -> c \in nondirac ->
  \sum_(t in nondirac) P c t <= 1 - multi_rate.
Proof.
move=> hp l0 cB; have N0 := params_N0 hp.
have [i [ci0 _ _]] := nondirac_present hp cB.
apply: le_trans (row_mass_le c (sP hp) (dirac_notin i)) _.
rewrite ler_sub //; apply: le_trans (dirac_reach _ _ hp).
rewrite mix_lam0 // /Multinomial.share /multi_rate natrX -exprVn.
apply: ler_expn2r; rewrite ?nnegrE ?invr_ge0 ?ler0n ?divr_ge0 ?ler0n //.
by rewrite -[X in X <= _]mul1r ler_wpmul2r ?invr_ge0 ?ler0n // ler1n.
Qed.

(* T1, finite horizon: from any initial law, the mass off the Dirac states after n
   steps is at most (1 - N^-N)^n *)
Theorem multi_transient_law mu n : params -> lam = 0 -> distribution mu ->
  mass (law P n mu) nondirac <= (1 - multi_rate) ^+ n.
Proof.
move=> hp l0 dmu; apply: transient_law_le => //.
- exact: sP.
- exact: multi_no_entry.
- exact/multi_rate_le1/params_N0.
- by move=> s sB; apply: multi_leak.
Qed.

(* T1 as a limit: the mass off the Dirac states is at most 1/(k+1) after k N^N steps *)
Theorem multi_transient_vanishes mu k n : params -> lam = 0 -> distribution mu ->
  (k * N ^ N <= n)%N -> mass (law P n mu) nondirac <= k.+1%:R^-1.
Proof.
move=> hp l0 dmu kn; apply: le_trans (multi_transient_law n hp l0 dmu) _.
by apply: geometric_vanishes; rewrite ?expn_gt0 ?params_N0.
Qed.

(* T2, absorption probability in finite-horizon form: the mass at N e_i after n steps
   is within (1 - N^-N)^n below the initial expected share of symbol i *)
Theorem multi_absorption_law mu n i : params -> lam = 0 -> distribution mu ->
  0 <= expect mu (fun c => share c i) - law P n mu (dirac_state i)
    <= (1 - multi_rate) ^+ n.
Proof.
move=> hp l0 dmu; have N0 := params_N0 hp.
have f01 c : 0 <= share c i <= 1 by rewrite share_ge0 share_le1.
have ft0 : share (dirac_state i) i = 1 by rewrite share_dirac // eqxx.
have f0 s : s \notin nondirac -> s != dirac_state i -> share s i = 0.
  move=> hs; have [j sj] := nondiracPn hs; rewrite sj share_dirac //.
  by case: (eqVneq i j) => [->|]; rewrite ?eqxx.
have /andP[-> /le_trans -> //] := harmonic_absorption n (sP hp)
  (share_harmonic i hp l0) f01 ft0 f0 (dirac_notin i) dmu.
exact: multi_transient_law.
Qed.

Lemma distribution_dirac (c : cstate) : distribution (dirac (R := R) c).
Proof.
split; first by move=> s; rewrite /dirac ler0n.
rewrite (bigD1 c) //= /dirac eqxx big1 ?addr0 // => s /negbTE->//.
Qed.

Lemma expect_dirac (c : cstate) (f : cstate -> R) : expect (dirac c) f = f c.
Proof.
rewrite /expect (bigD1 c) //= /dirac eqxx mul1r big1 ?addr0 // => s /negbTE->.
by rewrite mul0r.
Qed.

(* T2 from a state c: the probability to be in N e_i after n steps is within
   (1 - N^-N)^n below c_i / N *)
Theorem multi_absorption_dirac c n i : params -> lam = 0 ->
  0 <= share c i - law P n (dirac c) (dirac_state i) <= (1 - multi_rate) ^+ n.
Proof.
move=> hp l0; have := multi_absorption_law n i hp l0 (distribution_dirac c).
by rewrite expect_dirac.
Qed.

(* T2 as a limit: the absorption probability in N e_i from c is c_i / N, i.e. the
   probability to be in N e_i after n >= k N^N steps is within 1/(k+1) of c_i / N *)
Theorem multi_absorption_vanishes c k n i : params -> lam = 0 -> (k * N ^ N <= n)%N ->
  0 <= share c i - law P n (dirac c) (dirac_state i) <= k.+1%:R^-1.
Proof.
move=> hp l0 kn; have /andP[-> /le_trans -> //] := multi_absorption_dirac c n i hp l0.
by apply: geometric_vanishes; rewrite ?expn_gt0 ?params_N0.
Qed.

(* T2: the probability to be in N e_i by step n is non-decreasing in n, so with the
   bounds above its limit, the absorption probability in N e_i, is c_i / N *)
Theorem multi_absorption_mono mu n i : params -> lam = 0 -> (forall s, 0 <= mu s) ->
  law P n mu (dirac_state i) <= law P n.+1 mu (dirac_state i).
Proof.
by move=> hp l0 mu0; apply: absorbing_law_mono; [exact: sP | exact: dirac_absorbing |].
Qed.

(* T3: with no fresh data, the stationary laws are exactly the laws carried by the
   Dirac states, i.e. the mixtures sum_i w_i delta_(N e_i) *)
Theorem multi_stationary_iff mu : params -> lam = 0 ->
  stationary P mu <-> distribution mu /\ (forall c, c \in nondirac -> mu c = 0).
Proof.
move=> hp l0; apply: stationary_support.
- exact: sP.
- exact: multi_no_entry.
- move=> s sB; apply: le_lt_trans (multi_leak hp l0 sB) _.
  by rewrite ltr_subl_addr ltr_addl multi_rate_gt0 ?params_N0.
- move=> s sB; have [i ->] := nondiracPn sB; exact: dirac_absorbing.
Qed.

(* T4: positivity with fresh data: lam > 0 and every q_a > 0 *)
Lemma mix_gt0 c a : params -> 0 < lam -> (forall a, 0 < q a) -> 0 < mix c a.
Proof.
case=> N0 /andP[_ l1] _ _ l0 q0; apply: ltr_paddl; last exact: mulr_gt0.
by apply: mulr_ge0; rewrite ?subr_ge0 ?share_ge0.
Qed.

Theorem multi_transition_pos c c' : params -> 0 < lam -> (forall a, 0 < q a) ->
  0 < P c c'.
Proof.
move=> hp l0 q0; have [a _] := cnt_present c' (params_N0 hp).
have [x <-] := seq_state_surj c' a.
apply: lt_le_trans (weight_le_transition _ _ (mix_laws hp)).
by apply: prodr_gt0 => j _; apply: mix_gt0.
Qed.

Theorem multi_no_absorbing c : params -> 0 < lam -> (forall a, 0 < q a) ->
  (1 < K)%N -> ~ absorbing P c.
Proof.
move=> hp l0 q0 K1 abs.
have K0 : (0 < K)%N by apply: ltn_trans K1.
pose a : 'I_K := Ordinal K0; pose b : 'I_K := Ordinal K1.
have ab : dirac_state a != dirac_state b.
  by apply/eqP => /(dirac_state_inj _ _ (params_N0 hp)) /(congr1 val).
have [t tc] : exists t, t != c.
  have [ca|ca] := eqVneq c (dirac_state a); last by exists (dirac_state a); rewrite eq_sym.
  by exists (dirac_state b); rewrite ca eq_sym.
have := not_absorbing (sP hp) tc (multi_transition_pos c t hp l0 q0).
by rewrite abs ltxx.
Qed.

(* T4: uniqueness of the stationary law, by Doeblin at a Dirac state *)
Theorem multi_stationary_unique mu nu : params -> 0 < lam -> (forall a, 0 < q a) ->
  (0 < K)%N -> stationary P mu -> stationary P nu -> forall c, mu c = nu c.
Proof.
move=> hp l0 q0 K0; pose a : 'I_K := Ordinal K0.
apply: (stationary_unique (t0 := dirac_state a) (delta := (lam * q a) ^+ N)).
- exact: sP.
- by apply: exprn_gt0; apply: mulr_gt0.
move=> s; apply: le_trans (dirac_reach _ _ hp).
have lq : 0 <= lam * q a by apply: mulr_ge0; apply: ltW.
apply: ler_expn2r; rewrite ?nnegrE ?mix_ge0 //.
rewrite /Multinomial.mix ler_addr; apply: mulr_ge0; last exact: share_ge0.
by case: hp => _ /andP[_ l1] _ _; rewrite subr_ge0.
Qed.

(* T4: strict positivity of the stationary law *)
Theorem multi_stationary_pos mu : params -> 0 < lam -> (forall a, 0 < q a) ->
  stationary P mu -> forall c, 0 < mu c.
Proof.
by move=> hp l0 q0; apply: stationary_pos => s t; apply: multi_transition_pos.
Qed.

(* every chain of the model has a stationary law *)
Theorem multi_stationary_exists : params -> (0 < K)%N -> exists mu, stationary P mu.
Proof.
move=> hp K0; apply: (stationary_exists (dirac_state (Ordinal K0))).
exact: sP.
Qed.

(* T4 in one statement: with lam > 0 and every q_a > 0, every transition is positive,
   no state is absorbing, and there is a unique stationary law, which is positive *)
Theorem multi_degeneration : params -> 0 < lam -> (forall a, 0 < q a) -> (1 < K)%N ->
  (forall c c', 0 < P c c') /\ (forall c, ~ absorbing P c) /\
  exists mu, [/\ stationary P mu, forall c, 0 < mu c &
                 forall nu, stationary P nu -> forall c, nu c = mu c].
Proof.
move=> hp l0 q0 K1; have K0 : (0 < K)%N by apply: ltn_trans K1.
split; first by move=> c c'; apply: multi_transition_pos.
split; first by move=> c; apply: multi_no_absorbing.
have [mu st] := multi_stationary_exists hp K0.
exists mu; split => //; first exact: multi_stationary_pos.
by move=> nu snu; apply: multi_stationary_unique.
Qed.

(* T5a: the stationary mean is N q, for every lam > 0 *)
Theorem multi_stationary_mean mu i : params -> 0 < lam ->
  stationary P mu -> expect mu (fun c => (cnt c i)%:R) = N%:R * q i.
Proof.
move=> hp l0 [[_ mu1] st].
have := stationary_expect (fun c => (cnt c i)%:R) st; rewrite /expect.
under [X in _ = X -> _]eq_bigr do rewrite multi_drift // mulrDr.
rewrite big_split /=.
set E := \sum_s mu s * (cnt s i)%:R.
have -> : \sum_s mu s * ((1 - lam) * (cnt s i)%:R) = (1 - lam) * E.
  by rewrite /E mulr_sumr; apply: eq_bigr => s _; rewrite mulrCA.
rewrite -mulr_suml mu1 mul1r => /eqP; rewrite -subr_eq0.
have -> : E - ((1 - lam) * E + lam * N%:R * q i) = lam * (E - N%:R * q i) by ring.
by rewrite mulf_eq0 gt_eqF //= subr_eq0 => /eqP.
Qed.

(* T5b, quantitative.  The rate at which a non-Dirac state reaches a Dirac state. *)
Definition multi_dirac_rate : R := ((1 - lam) / N%:R) ^+ N.

Lemma nondirac_leak_fresh c : params -> c \in nondirac ->
  \sum_(t in nondirac) P c t <= 1 - multi_dirac_rate.
Proof.
move=> hp cB; have N0 := params_N0 hp.
have [_ /andP[l0 l1] q0 _] := hp.
have [i [ci0 _ _]] := nondirac_present hp cB.
apply: le_trans (row_mass_le c (sP hp) (dirac_notin i)) _.
rewrite ler_sub //; apply: le_trans (dirac_reach _ _ hp).
apply: ler_expn2r; rewrite ?nnegrE ?mix_ge0 ?divr_ge0 ?subr_ge0 ?ler0n //.
rewrite /Multinomial.mix /Multinomial.share ler_paddr ?mulr_ge0 //.
rewrite mulrA ler_wpmul2r ?invr_ge0 ?ler0n // -[X in X <= _]mulr1.
by rewrite ler_wpmul2l ?subr_ge0 // ler1n.
Qed.

Lemma dirac_leak_fresh s : params -> s \notin nondirac ->
  \sum_(t in nondirac) P s t <= N%:R * lam.
Proof.
move=> hp sB; have N0 := params_N0 hp.
have [_ /andP[l0 l1] q0 _] := hp.
have [a ->] := nondiracPn sB.
apply: le_trans (row_mass_le _ (sP hp) (dirac_notin a)) _.
apply: le_trans (bernoulli N l0 l1); rewrite ler_add2l ler_opp2.
apply: le_trans (dirac_reach _ _ hp).
apply: ler_expn2r; rewrite ?nnegrE ?mix_ge0 ?subr_ge0 //.
rewrite /Multinomial.mix share_dirac // eqxx mulr1 ler_addl.
exact: mulr_ge0.
Qed.

Lemma multi_dirac_rate_gt0 : (0 < N)%N -> lam < 1 -> 0 < multi_dirac_rate.
Proof. by move=> N0 l1; apply: exprn_gt0; apply: divr_gt0; rewrite ?subr_gt0 ?ltr0n. Qed.

(* T5b: the stationary mass off the Dirac states is at most N lam / ((1 - lam)/N)^N *)
Theorem multi_stationary_nondirac_mass mu : params -> lam < 1 ->
  stationary P mu -> mass mu nondirac <= N%:R * lam / multi_dirac_rate.
Proof.
move=> hp l1 st; have N0 := params_N0 hp.
have [_ /andP[l0 _] _ _] := hp.
rewrite ler_pdivl_mulr ?multi_dirac_rate_gt0 // mulrC.
apply: stationary_mass_le (sP hp) st _ _ _.
- by move=> s sB; apply: nondirac_leak_fresh.
- by move=> s sB; apply: dirac_leak_fresh.
- by apply: mulr_ge0; rewrite ?ler0n.
Qed.

Lemma share_off i s : (0 < N)%N -> s \notin nondirac -> s != dirac_state i ->
  share s i = 0.
Proof.
move=> N0 hs; have [j sj] := nondiracPn hs; rewrite sj share_dirac //.
by case: (eqVneq i j) => [->|]; rewrite ?eqxx.
Qed.

(* T5b, quantitative: the stationary mass at the Dirac state N e_i is within
   N lam / ((1 - lam)/N)^N = N^(N+1) lam / (1 - lam)^N below q_i, so it tends to q_i
   as lam -> 0 *)
Theorem multi_dirac_mass_bound mu i : params -> 0 < lam < 1 -> stationary P mu ->
  0 <= q i - mu (dirac_state i) <= N%:R * lam / multi_dirac_rate.
Proof.
move=> hp /andP[l0 l1] st; have N0 := params_N0 hp; have [[mu0 _] _] := st.
have -> : q i = expect mu (fun c => share c i).
  have := multi_stationary_mean i hp l0 st; rewrite /expect /Multinomial.share => E.
  under eq_bigr do rewrite mulrA.
  rewrite -mulr_suml E mulrAC divff ?mul1r //.
  by rewrite pnatr_eq0 -lt0n.
have f01 c : 0 <= share c i <= 1 by rewrite share_ge0 share_le1.
have ft0 : share (dirac_state i) i = 1 by rewrite share_dirac // eqxx.
have /andP[-> /le_trans -> //] :=
  expect_gap mu0 f01 ft0 (fun s => share_off N0) (dirac_notin i).
exact: multi_stationary_nondirac_mass.
Qed.

(* T5b as a limit: q_i - pi(N e_i) <= 1/(k+1) as soon as lam (k+1) N (2N)^N <= 1, so the
   stationary mass at N e_i tends to q_i as lam -> 0 *)
Theorem multi_dirac_mass_vanishes mu i k : params -> 0 < lam ->
  lam * (k.+1 * N * (2 * N) ^ N)%:R <= 1 -> stationary P mu ->
  0 <= q i - mu (dirac_state i) <= k.+1%:R^-1.
Proof.
move=> hp l0 H st; have N0 := params_N0 hp.
set M : R := ((2 * N) ^ N)%:R.
have M0 : 0 < M by rewrite ltr0n expn_gt0 muln_gt0 N0.
have two : (2 <= k.+1 * N * (2 * N) ^ N)%N.
  rewrite -[2%N]mul1n; apply: leq_mul; first by rewrite muln_gt0 N0.
  apply: (@leq_trans (2 * N)); first by rewrite leq_pmulr.
  by rewrite -{1}(expn1 (2 * N)) leq_pexp2l ?muln_gt0.
have l2 : lam * 2%:R <= 1.
  by apply: le_trans H; apply: ler_wpmul2l; [exact: ltW | rewrite ler_nat].
have l1 : lam < 1.
  apply: lt_le_trans l2; by rewrite ltr_pmulr // ltr1n.
have rate_ge : M^-1 <= multi_dirac_rate.
  rewrite /M /multi_dirac_rate natrX -exprVn; apply: ler_expn2r;
    rewrite ?nnegrE ?divr_ge0 ?subr_ge0 ?(ltW l1) ?invr_ge0 ?ler0n //.
  rewrite natrM invfM; apply: ler_wpmul2r; first by rewrite invr_ge0 ler0n.
  rewrite -[X in X <= _]mul1r ler_pdivr_mulr ?ltr0n // -subr_ge0.
  have -> : (1 - lam) * 2%:R - 1 = 1 - lam * 2%:R :> R by ring.
  by rewrite subr_ge0.
have B : N%:R * lam / multi_dirac_rate <= N%:R * lam * M.
  rewrite ler_pdivr_mulr ?multi_dirac_rate_gt0 //.
  apply: (@le_trans _ _ (N%:R * lam * (M * M^-1))).
    by rewrite divff ?gt_eqF // mulr1.
  rewrite -[X in _ <= X]mulrA; apply: ler_wpmul2l.
    by apply: mulr_ge0; rewrite ?ler0n ?ltW.
  by apply: ler_wpmul2l; [exact: ltW | exact: rate_ge].
have C : N%:R * lam * M <= k.+1%:R^-1.
  rewrite -[X in _ <= X]mul1r ler_pdivl_mulr ?ltr0n //; apply: le_trans H.
  by rewrite /M !natrM le_eqVlt; apply/orP; left; apply/eqP; ring.
have hl : 0 < lam < 1 by rewrite l0 l1.
have /andP[-> /le_trans -> //] := multi_dirac_mass_bound i hp hl st.
exact: le_trans B C.
Qed.

End GeneralK.
