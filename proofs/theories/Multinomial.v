(* The recursive-training chain on a general alphabet of K symbols, fit mle, fresh data
   by fraction lam from an external distribution q.
   A state is a count vector c : 'I_K -> 'I_N.+1 with sum N.  One generation draws N
   samples independently, each symbol a with probability
     mix c a = (1 - lam) * c_a / N + lam * q_a,
   so the next state is Multinomial(N, mix c).  The transition is written as the image
   of the product law of the N draws: a sample sequence is x : 'I_N -> 'I_K, of
   probability weight c x = prod_j mix c (x j), and
     multi_transition c c' = sum of weight c x over the sequences x whose counts are c'.
   Written this way, stochasticity is a product of sums equal to 1 and the mean count
   follows by linearity over the N draws (no multinomial coefficients needed). *)
From mathcomp Require Import all_ssreflect all_algebra ring.
Require Import Collapse.Stochastic.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

Section Counts.

Variables (K N : nat).

Definition csum (c : {ffun 'I_K -> 'I_N.+1}) := (\sum_i (c i : nat))%N == N.

(* the states: count vectors summing to N *)
Definition cstate := [finType of {c : {ffun 'I_K -> 'I_N.+1} | csum c}].

(* the count of symbol a in state c, as a natural number *)
Definition cnt (c : cstate) (a : 'I_K) : nat := val c a.

Lemma cnt_sum c : (\sum_a cnt c a)%N = N.
Proof. exact/eqP/(valP c). Qed.

Lemma cnt_le c a : (cnt c a <= N)%N.
Proof. by rewrite -ltnS ltn_ord. Qed.

Lemma cstate_eq (c d : cstate) : (forall a, cnt c a = cnt d a) -> c = d.
Proof. by move=> E; apply/val_inj/ffunP => a; apply/val_inj/E. Qed.

(* sample sequences of length N *)
Definition sample := [finType of {ffun 'I_N -> 'I_K}].

(* the number of occurrences of symbol a in the sequence x *)
Definition occ (x : sample) (a : 'I_K) : nat := \sum_(j < N) (x j == a).

Lemma occ_le x a : (occ x a <= N)%N.
Proof.
rewrite -[X in (_ <= X)%N]card_ord -sum1_card.
by apply: leq_sum => j _; case: (_ == _).
Qed.

Lemma occ_sum x : (\sum_a occ x a)%N = N.
Proof.
rewrite /occ exchange_big /= -[RHS]card_ord -sum1_card; apply: eq_bigr => j _.
rewrite (bigD1 (x j)) //= eqxx big1 // => a; by rewrite eq_sym => /negbTE ->.
Qed.

Definition occ_vec (x : sample) : {ffun 'I_K -> 'I_N.+1} := [ffun a => inord (occ x a)].

Lemma occ_vec_sum x : csum (occ_vec x).
Proof.
apply/eqP; rewrite -[RHS](occ_sum x); apply: eq_bigr => a _.
by rewrite ffunE inordK // ltnS occ_le.
Qed.

(* the state reached by drawing the sequence x *)
Definition seq_state (x : sample) : cstate := exist _ (occ_vec x) (occ_vec_sum x).

Lemma cnt_seq_state x a : cnt (seq_state x) a = occ x a.
Proof. by rewrite /cnt /= ffunE inordK // ltnS occ_le. Qed.

(* the Dirac state N e_i: every sample is symbol i *)
Definition dirac_vec (i : 'I_K) : {ffun 'I_K -> 'I_N.+1} :=
  [ffun a => if a == i then ord_max else ord0].

Lemma dirac_vec_sum i : csum (dirac_vec i).
Proof.
apply/eqP; rewrite (bigD1 i) //= ffunE eqxx big1 ?addn0 // => a /negbTE ai.
by rewrite ffunE ai.
Qed.

Definition dirac_state (i : 'I_K) : cstate := exist _ (dirac_vec i) (dirac_vec_sum i).

Lemma cnt_dirac i a : cnt (dirac_state i) a = if a == i then N else 0%N.
Proof. by rewrite /cnt /= ffunE; case: (a == i). Qed.

(* a state with N samples of symbol i has no other symbol *)
Lemma cnt_full c i a : cnt c i = N -> a != i -> cnt c a = 0%N.
Proof.
move=> ci ai; have := cnt_sum c; rewrite (bigD1 i) //= ci -[X in _ = X]addn0.
move=> /eqP; rewrite eqn_add2l sum_nat_eq0 => /forallP /(_ a).
by rewrite ai => /eqP.
Qed.

Lemma dirac_stateP c i : cnt c i = N -> c = dirac_state i.
Proof.
move=> ci; apply: cstate_eq => a; rewrite cnt_dirac.
have [->|ai] := eqVneq a i; first by [].
exact: (cnt_full ci ai).
Qed.

Lemma dirac_state_inj i j : (0 < N)%N -> dirac_state i = dirac_state j -> i = j.
Proof.
move=> N0 /(congr1 (fun c => cnt c i)); rewrite !cnt_dirac eqxx.
by case: eqP => // _ N00; move: N0; rewrite N00.
Qed.

(* the states that are not Dirac states *)
Definition nondirac : {set cstate} := [set c | [forall a, cnt c a != N]].

Lemma nondiracPn c : c \notin nondirac -> exists i, c = dirac_state i.
Proof.
rewrite inE negb_forall => /existsP [i /negPn /eqP ci].
by exists i; apply: dirac_stateP.
Qed.

Lemma dirac_notin i : dirac_state i \notin nondirac.
Proof. by rewrite inE negb_forall; apply/existsP; exists i; rewrite cnt_dirac eqxx negbK. Qed.

(* a state has a symbol present *)
Lemma cnt_present c : (0 < N)%N -> exists i, (0 < cnt c i)%N.
Proof.
move=> N0; case/boolP: [exists i, 0 < cnt c i]%N => [/existsP //|].
rewrite negb_exists => /forallP H; exfalso; move: N0.
rewrite -(cnt_sum c) big1 // => a _; by apply/eqP; rewrite -leqn0 leqNgt H.
Qed.

(* every count vector is reached by some sequence: list c_a copies of each symbol a *)
Lemma seq_state_surj c (a0 : 'I_K) : exists x, seq_state x = c.
Proof.
pose s := flatten [seq nseq (cnt c a) a | a <- enum 'I_K].
have ss : size s = N.
  rewrite size_flatten /shape -map_comp sumnE big_map.
  rewrite big_enum /= -[RHS](cnt_sum c); apply: eq_bigr => a _.
  by rewrite /= size_nseq.
exists [ffun j : 'I_N => nth a0 s j]; apply: cstate_eq => i.
rewrite cnt_seq_state /occ.
transitivity (count (pred1 i) s).
  rewrite -sum1_count (big_nth a0) big_mkord ss [RHS]big_mkcond /=.
  by apply: eq_bigr => j _; rewrite ffunE; case: (_ == _).
rewrite count_flatten -map_comp sumnE big_map big_enum /=.
rewrite (bigD1 i) //= count_nseq /= eqxx mul1n big1 ?addn0 // => a ai.
by rewrite /= count_nseq /= (negbTE ai).
Qed.

End Counts.

Arguments dirac_state {K N} i.
Arguments nondirac {K N}.
Arguments dirac_notin {K N} i.
Arguments dirac_state_inj {K N} i j.
Arguments cnt_dirac {K N} i a.

(* A chain that draws the N samples independently, draw j of state c having the law
   draw c j on the alphabet: the transition to c' is the probability of the sequences
   whose counts are c'.  Both kinds of fresh data are instances: by fraction, every
   draw has the law mix c; by count m, the first N - m draws follow the fit and the
   last m follow q. *)
Section SampleChain.

Variable R : realFieldType.
Variables (K N : nat) (draw : cstate K N -> 'I_N -> 'I_K -> R).

Local Notation cstate := (cstate K N).
Local Notation sample := (sample K N).

(* every draw is a probability vector *)
Definition draw_laws :=
  forall c j, (forall a, 0 <= draw c j a) /\ \sum_a draw c j a = 1.

(* the probability of drawing the sequence x from state c *)
Definition weight (c : cstate) (x : sample) : R := \prod_(j < N) draw c j (x j).

Definition sample_transition (c c' : cstate) : R :=
  \sum_(x : sample | seq_state x == c') weight c x.

Local Notation P := sample_transition.

Lemma weight_ge0 c x : draw_laws -> 0 <= weight c x.
Proof. by move=> hd; apply: prodr_ge0 => j _; apply: (hd c j).1. Qed.

(* the expectation of any function of the next state is the expectation over the
   sample sequences *)
Lemma sum_transition c (f : cstate -> R) :
  \sum_c' P c c' * f c' = \sum_x weight c x * f (seq_state x).
Proof.
rewrite [RHS](partition_big (fun x => seq_state x) predT) //=.
apply: eq_bigr => c' _; rewrite /P mulr_suml; apply: eq_big => // x /eqP <-.
by [].
Qed.

Lemma sum_weight c : draw_laws -> \sum_x weight c x = 1.
Proof.
move=> hd; rewrite /weight -(bigA_distr_bigA (fun (j : 'I_N) a => draw c j a)) /=.
by rewrite big1 // => j _; apply: (hd c j).2.
Qed.

(* The chain is a stochastic matrix. *)
Theorem sample_stochastic : draw_laws -> stochastic P.
Proof.
move=> hd; split.
  by move=> c c'; apply: sumr_ge0 => x _; apply: weight_ge0.
move=> c; have := sum_transition c (fun _ => 1).
under eq_bigr do rewrite mulr1.
by move=> ->; under eq_bigr do rewrite mulr1; apply: sum_weight.
Qed.

Lemma weight_le_transition c x : draw_laws -> weight c x <= P c (seq_state x).
Proof.
move=> hd; rewrite /P (bigD1 x) //= ler_addl.
by apply: sumr_ge0 => y _; apply: weight_ge0.
Qed.

(* the probability that draw k is symbol i *)
Lemma sum_weight_draw c k i : draw_laws ->
  \sum_x weight c x * (x k == i)%:R = draw c k i.
Proof.
move=> hd.
pose F (j : 'I_N) a := draw c j a * (if j == k then (a == i)%:R else 1).
transitivity (\sum_(x : sample) \prod_(j < N) F j (x j)).
  apply: eq_bigr => x _; rewrite /F big_split /=; congr (_ * _).
  rewrite (bigD1 k) //= eqxx big1 ?mulr1 // => j /negbTE ->; by [].
rewrite -(bigA_distr_bigA F) /= (bigD1 k) //= [X in _ * X]big1 ?mulr1.
  rewrite /F eqxx (bigD1 i) //= eqxx mulr1 big1 ?addr0 // => a /negbTE ->.
  by rewrite mulr0.
move=> j /negbTE jk; rewrite /F jk; under eq_bigr do rewrite mulr1.
exact: (hd c j).2.
Qed.

(* the mean count of symbol i after one step is the sum over the draws of the
   probability of i *)
Lemma sample_mean c i : draw_laws ->
  \sum_c' P c c' * (cnt c' i)%:R = \sum_(j < N) draw c j i.
Proof.
move=> hd; rewrite sum_transition.
under eq_bigr do rewrite cnt_seq_state /occ natr_sum mulr_sumr.
rewrite exchange_big /=.
by apply: eq_bigr => j _; apply: sum_weight_draw.
Qed.

End SampleChain.

Section FitShare.

Variable R : realFieldType.
Variables (K N : nat).

(* the empirical frequency of symbol a: the fit mle *)
Definition share (c : cstate K N) (a : 'I_K) : R := (cnt c a)%:R / N%:R.

Lemma share_ge0 c a : 0 <= share c a.
Proof. by apply: divr_ge0; rewrite ler0n. Qed.

Lemma share_le1 c a : (0 < N)%N -> share c a <= 1.
Proof.
by move=> N0; rewrite ler_pdivr_mulr ?ltr0n // mul1r ler_nat cnt_le.
Qed.

Lemma share_sum c : (0 < N)%N -> \sum_a share c a = 1.
Proof.
move=> N0; rewrite -mulr_suml -natr_sum cnt_sum divff //.
by rewrite pnatr_eq0 -lt0n.
Qed.

End FitShare.

Section MultinomialModel.

Variable R : realFieldType.
Variables (K N : nat) (lam : R) (q : 'I_K -> R).

Local Notation cstate := (cstate K N).
Local Notation sample := (sample K N).
Local Notation share := (@share R K N).

(* the probability that one generated sample is symbol a: fresh data by fraction *)
Definition mix (c : cstate) (a : 'I_K) : R := (1 - lam) * share c a + lam * q a.

(* c' ~ Multinomial(N, mix c) *)
Definition multi_transition : cstate -> cstate -> R :=
  sample_transition (fun c _ a => mix c a).

Local Notation P := multi_transition.

(* the hypotheses on the parameters *)
Definition params := [/\ (0 < N)%N, 0 <= lam <= 1, forall a, 0 <= q a & \sum_a q a = 1].

Lemma mix_ge0 c a : params -> 0 <= mix c a.
Proof.
case=> N0 /andP[l0 l1] q0 _; apply: addr_ge0; apply: mulr_ge0 => //.
  by rewrite subr_ge0.
exact: share_ge0.
Qed.

Lemma mix_sum c : params -> \sum_a mix c a = 1.
Proof.
case=> N0 _ _ q1; rewrite /mix big_split /= -!mulr_sumr share_sum // q1.
by rewrite !mulr1 subrK.
Qed.

Lemma mix_laws : params -> draw_laws (fun c (_ : 'I_N) a => mix c a).
Proof. by move=> hp c j; split; [move=> a; apply: mix_ge0 | apply: mix_sum]. Qed.

(* The model is a stochastic matrix. *)
Theorem multi_stochastic : params -> stochastic P.
Proof. by move=> hp; apply/sample_stochastic/mix_laws. Qed.

(* the mean count of symbol i after one step: E[c'_i | c] = N mix c i *)
Lemma multi_mean c i : params ->
  \sum_c' P c c' * (cnt c' i)%:R = N%:R * mix c i.
Proof.
move=> hp; rewrite sample_mean; last exact: mix_laws.
by rewrite sumr_const card_ord mulr_natl.
Qed.

(* T5a, the drift: E[c'_i | c] = (1 - lam) c_i + lam N q_i *)
Theorem multi_drift c i : params ->
  \sum_c' P c c' * (cnt c' i)%:R = (1 - lam) * (cnt c i)%:R + lam * N%:R * q i.
Proof.
move=> hp; have [N0 _ _ _] := hp; rewrite multi_mean // /mix /share.
have NZ : N%:R != 0 :> R by rewrite pnatr_eq0 -lt0n.
have H : N%:R * ((cnt c i)%:R / N%:R) = (cnt c i)%:R :> R by rewrite mulrC divfK.
by rewrite mulrDr mulrCA H; ring.
Qed.

End MultinomialModel.

Section CountModel.

Variable R : realFieldType.
Variables (K N m : nat) (q : 'I_K -> R).

Local Notation cstate := (cstate K N).
Local Notation share := (@share R K N).

(* fresh data by count m: the first N - m draws follow the fit, the last m follow q,
   so c' = a + b with a ~ Multinomial(N - m, c/N) and b ~ Multinomial(m, q) *)
Definition count_draw (c : cstate) (j : 'I_N) (a : 'I_K) : R :=
  if (j < N - m)%N then share c a else q a.

Definition count_transition : cstate -> cstate -> R := sample_transition count_draw.

Local Notation P := count_transition.

Definition count_params := [/\ (0 < N)%N, (m <= N)%N, forall a, 0 <= q a & \sum_a q a = 1].

Lemma count_laws : count_params -> draw_laws count_draw.
Proof.
case=> N0 _ q0 q1 c j; rewrite /count_draw; case: (j < N - m)%N; split.
- by move=> a; apply: share_ge0.
- exact: share_sum.
- exact: q0.
- exact: q1.
Qed.

Theorem count_stochastic : count_params -> stochastic P.
Proof. by move=> hp; apply/sample_stochastic/count_laws. Qed.

Lemma count_draw_sum c i : count_params ->
  \sum_(j < N) count_draw c j i = (N - m)%:R * share c i + m%:R * q i.
Proof.
case=> N0 mN _ _.
transitivity (\sum_(0 <= j < N) (if (j < N - m)%N then share c i else q i)).
  by rewrite big_mkord; apply: eq_bigr => j _; rewrite /count_draw.
rewrite (big_cat_nat _ _ _ (leq0n (N - m)) (leq_subr m N)) /=.
have -> : \sum_(0 <= j < N - m) (if (j < N - m)%N then share c i else q i) =
          \sum_(0 <= j < N - m) share c i.
  by apply: eq_big_nat => j /andP[_ ->].
have -> : \sum_(N - m <= j < N) (if (j < N - m)%N then share c i else q i) =
          \sum_(N - m <= j < N) q i.
  by apply: eq_big_nat => j /andP[jm _]; rewrite ltnNge jm.
by rewrite !sumr_const_nat subn0 subKn // !mulr_natl.
Qed.

(* T5a for fresh data by count, the drift: E[c'_i | c] = (N - m)/N c_i + m q_i *)
Theorem count_drift c i : count_params ->
  \sum_c' P c c' * (cnt c' i)%:R = (N - m)%:R / N%:R * (cnt c i)%:R + m%:R * q i.
Proof.
move=> hp; rewrite sample_mean; last exact: count_laws.
by rewrite count_draw_sum // /share mulrA mulrAC.
Qed.

(* T5a for fresh data by count: the stationary mean is N q, for every m > 0 *)
Theorem count_stationary_mean mu i : count_params -> (0 < m)%N ->
  stationary P mu -> expect mu (fun c => (cnt c i)%:R) = N%:R * q i.
Proof.
move=> hp m0 [[_ mu1] st]; have [N0 mN _ _] := hp.
have NZ : N%:R != 0 :> R by rewrite pnatr_eq0 -lt0n.
have MZ : m%:R != 0 :> R by rewrite pnatr_eq0 -lt0n.
have := stationary_expect (fun c => (cnt c i)%:R) st; rewrite /expect.
under [X in _ = X -> _]eq_bigr do rewrite count_drift // mulrDr.
rewrite big_split /=.
set E := \sum_s mu s * (cnt s i)%:R.
have -> : \sum_s mu s * ((N - m)%:R / N%:R * (cnt s i)%:R) = (N - m)%:R / N%:R * E.
  by rewrite /E mulr_sumr; apply: eq_bigr => s _; rewrite mulrCA.
rewrite -mulr_suml mu1 mul1r natrB // => /eqP; rewrite -subr_eq0.
have -> : E - ((N%:R - m%:R) / N%:R * E + m%:R * q i) =
          m%:R / N%:R * (E - N%:R * q i).
  by field.
by rewrite mulf_eq0 mulf_eq0 invr_eq0 (negbTE MZ) (negbTE NZ) /= subr_eq0 => /eqP.
Qed.

(* no fresh data by count (m = 0) is the same chain as no fresh data by fraction
   (lam = 0), whatever the external distributions: T1-T3 for it are those of GeneralK *)
Theorem count_zero_no_fresh (q' : 'I_K -> R) c c' :
  m = 0%N -> P c c' = multi_transition 0 q' c c'.
Proof.
move=> m0; rewrite /P /count_transition /multi_transition /sample_transition.
apply: eq_bigr => x _; rewrite /weight; apply: eq_bigr => j _.
by rewrite /count_draw /mix m0 subn0 ltn_ord subr0 mul1r mul0r addr0.
Qed.

End CountModel.
