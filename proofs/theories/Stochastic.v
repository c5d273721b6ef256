(* Generic finite Markov chains over an abstract real field.
   A chain is a function P : S -> S -> R on a finite type of states S;
   a measure is a function S -> R; one step is  step P mu t = \sum_s mu s * P s t. *)
From mathcomp Require Import all_ssreflect all_algebra ring.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

Section Stochastic.

Variable R : realFieldType.
Variable S : finType.
Implicit Types (P : S -> S -> R) (mu nu v f : S -> R) (B : {set S}).

Definition stochastic P :=
  (forall s t, 0 <= P s t) /\ (forall s, \sum_t P s t = 1).

Definition distribution mu := (forall s, 0 <= mu s) /\ \sum_s mu s = 1.

Definition step P mu : S -> R := fun t => \sum_s mu s * P s t.

(* the law after n steps *)
Definition law P n mu : S -> R := iter n (step P) mu.

Definition stationary P mu := distribution mu /\ forall t, step P mu t = mu t.

Definition expect mu f := \sum_s mu s * f s.

Definition harmonic P f := forall s, \sum_t P s t * f t = f s.

Definition absorbing P s := P s s = 1.

Definition mass mu B := \sum_(s in B) mu s.

Definition dirac s : S -> R := fun t => (t == s)%:R.

(* no transition enters B from outside B: the complement of B is closed *)
Definition no_entry P B := forall s t, s \notin B -> t \in B -> P s t = 0.

Lemma step_sum P mu : stochastic P -> \sum_t step P mu t = \sum_s mu s.
Proof.
move=> [_ P1]; rewrite /step exchange_big /=.
by apply: eq_bigr => s _; rewrite -mulr_sumr P1 mulr1.
Qed.

Lemma step_ge0 P mu : stochastic P -> (forall s, 0 <= mu s) ->
  forall t, 0 <= step P mu t.
Proof.
by move=> [P0 _] mu0 t; apply: sumr_ge0 => s _; apply: mulr_ge0.
Qed.

Lemma step_distribution P mu :
  stochastic P -> distribution mu -> distribution (step P mu).
Proof.
move=> sP [mu0 mu1]; split; first exact: step_ge0.
by rewrite step_sum.
Qed.

Lemma law_distribution P n mu :
  stochastic P -> distribution mu -> distribution (law P n mu).
Proof.
move=> sP dmu; elim: n => [|n IH] //=; exact: step_distribution.
Qed.

Lemma lawS P n mu : law P n.+1 mu = step P (law P n mu).
Proof. by []. Qed.

Lemma step_dirac P s t : step P (dirac s) t = P s t.
Proof.
rewrite /step (bigD1 s) //= /dirac eqxx mul1r big1 ?addr0 // => s' /negbTE->.
by rewrite mul0r.
Qed.

Lemma expect_step P mu f :
  expect (step P mu) f = expect mu (fun s => \sum_t P s t * f t).
Proof.
rewrite /expect /step.
under eq_bigr do rewrite mulr_suml.
rewrite exchange_big /=; apply: eq_bigr => s _; rewrite mulr_sumr.
by apply: eq_bigr => t _; rewrite mulrA.
Qed.

(* a harmonic function is preserved, in expectation, by every step: the martingale form *)
Theorem harmonic_step P mu f : harmonic P f -> expect (step P mu) f = expect mu f.
Proof.
move=> hf; rewrite expect_step /expect; apply: eq_bigr => s _; by rewrite hf.
Qed.

Theorem harmonic_law P n mu f : harmonic P f -> expect (law P n mu) f = expect mu f.
Proof.
move=> hf; elim: n => [|n IH] //=; by rewrite harmonic_step.
Qed.

(* for a stationary law, the expectation of f equals that of its one-step drift *)
Theorem stationary_expect P mu f : (forall t, step P mu t = mu t) ->
  expect mu f = expect mu (fun s => \sum_t P s t * f t).
Proof.
move=> st; rewrite -expect_step /expect; apply: eq_bigr => s _; by rewrite st.
Qed.

Theorem absorbing_row P s t : stochastic P -> absorbing P s -> t != s -> P s t = 0.
Proof.
move=> [P0 P1] abs ts.
have := P1 s; rewrite (bigD1 s) //= abs => /eqP; rewrite -subr_eq0 addrC addKr.
move=> /eqP H; apply: (psumr_eq0P _ H) => // u _; exact: P0.
Qed.

Lemma row_le1 P s t : stochastic P -> P s t <= 1.
Proof.
move=> [P0 P1]; rewrite -(P1 s) (bigD1 t) //= ler_addl.
by apply: sumr_ge0 => u _; apply: P0.
Qed.

Lemma not_absorbing P s t :
  stochastic P -> t != s -> 0 < P s t -> P s s < 1.
Proof.
move=> sP ts Pst; rewrite lt_neqAle row_le1 // andbT.
by apply/eqP => abs; move: Pst; rewrite absorbing_row // ltxx.
Qed.

Lemma mass_step P mu B :
  mass (step P mu) B = \sum_s mu s * (\sum_(t in B) P s t).
Proof.
rewrite /mass /step exchange_big /=; apply: eq_bigr => s _; by rewrite mulr_sumr.
Qed.

(* a step of a law that has no mass entering B from outside *)
Lemma mass_step_no_entry P mu B : no_entry P B ->
  mass (step P mu) B = \sum_(s in B) mu s * (\sum_(t in B) P s t).
Proof.
move=> ne; rewrite /mass /step exchange_big /=.
rewrite (bigID (fun s => s \in B)) /= [X in _ + X]big1 ?addr0.
  by apply: eq_bigr => s _; rewrite mulr_sumr.
move=> s sB; rewrite big1 // => t tB; by rewrite ne ?mulr0.
Qed.

Lemma mass_ge0 mu B : (forall s, 0 <= mu s) -> 0 <= mass mu B.
Proof. by move=> mu0; apply: sumr_ge0. Qed.

Lemma mass_le1 mu B : distribution mu -> mass mu B <= 1.
Proof.
move=> [mu0 mu1]; rewrite -mu1 /mass [X in _ <= X](bigID (fun s => s \in B)) /=.
by rewrite ler_addl; apply: sumr_ge0.
Qed.

(* Finite-horizon transience: if no mass enters B and every state of B sends at
   least delta out of B in one step, the mass left in B after n steps is at most
   (1 - delta)^n times the initial mass in B. *)
Theorem transient_mass_decay P mu B delta n :
  stochastic P -> no_entry P B -> delta <= 1 ->
  (forall s, s \in B -> \sum_(t in B) P s t <= 1 - delta) ->
  (forall s, 0 <= mu s) ->
  mass (law P n mu) B <= (1 - delta) ^+ n * mass mu B.
Proof.
move=> sP ne d1 out mu0; elim: n => [|n IH]; first by rewrite expr0 mul1r.
rewrite lawS mass_step_no_entry //.
have l0 : forall s, 0 <= law P n mu s.
  by elim: n {IH} => [|n IH] //=; apply: step_ge0.
apply: (le_trans (y := (1 - delta) * mass (law P n mu) B)).
  rewrite /mass mulr_sumr; apply: ler_sum => s sB.
  by rewrite mulrC; apply: ler_wpmul2r; [apply: l0 | apply: out].
rewrite exprS -mulrA; apply: ler_wpmul2l => //; by rewrite subr_ge0.
Qed.

Theorem transient_law_le P mu B delta n :
  stochastic P -> no_entry P B -> delta <= 1 ->
  (forall s, s \in B -> \sum_(t in B) P s t <= 1 - delta) ->
  distribution mu -> mass (law P n mu) B <= (1 - delta) ^+ n.
Proof.
move=> sP ne d1 out dmu.
apply: le_trans (transient_mass_decay n sP ne d1 out dmu.1) _.
rewrite -[X in _ <= X]mulr1; apply: ler_wpmul2l; last exact: mass_le1.
by apply: exprn_ge0; rewrite subr_ge0.
Qed.

(* A stationary law puts no mass on a state of B from which mass strictly leaves B,
   when no mass enters B. *)
Theorem stationary_no_mass_leak P mu B s :
  stochastic P -> no_entry P B -> stationary P mu ->
  s \in B -> \sum_(t in B) P s t < 1 -> mu s = 0.
Proof.
move=> sP ne [[mu0 _] st] sB leak.
have rowB u : \sum_(t in B) P u t <= 1.
  rewrite -(sP.2 u) [X in _ <= X](bigID (fun t => t \in B)) /= ler_addl.
  by apply: sumr_ge0 => t _; apply: sP.1.
have E : mass mu B = mass (step P mu) B.
  by rewrite /mass; apply: eq_bigr => t _; rewrite st.
move: E; rewrite mass_step_no_entry // /mass => /eqP; rewrite -subr_eq0 -sumrB.
move=> /eqP E.
have F0 : forall u, u \in B -> 0 <= mu u - mu u * \sum_(t in B) P u t.
  move=> u uB; rewrite -{1}[mu u]mulr1 -mulrBr; apply: mulr_ge0 => //.
  by rewrite subr_ge0.
have := psumr_eq0P F0 E sB; rewrite -{1}[mu s]mulr1 -mulrBr => /eqP.
rewrite mulf_eq0 subr_eq0 => /orP [/eqP //|/eqP H].
by move: leak; rewrite -H ltxx.
Qed.

(* every law supported by absorbing states is stationary *)
Theorem absorbing_support_stationary P mu :
  stochastic P -> distribution mu -> (forall s, mu s != 0 -> absorbing P s) ->
  stationary P mu.
Proof.
move=> sP dmu supp; split => // t; rewrite /step (bigD1 t) //= big1 ?addr0.
  have [->|/supp abs] := eqVneq (mu t) 0; first by rewrite mul0r.
  by rewrite abs mulr1.
move=> s st; have [->|/supp abs] := eqVneq (mu s) 0; first by rewrite mul0r.
by rewrite absorbing_row ?mulr0 // eq_sym.
Qed.

(* positivity: a stationary law of a chain with all entries positive is positive *)
Theorem stationary_pos P mu :
  (forall s t, 0 < P s t) -> stationary P mu -> forall t, 0 < mu t.
Proof.
move=> Ppos [[mu0 mu1] st] t.
have [s mus] : exists s, 0 < mu s.
  case/boolP: [exists s, 0 < mu s] => [/existsP //|].
  rewrite negb_exists => /forallP H; exfalso.
  have: \sum_s mu s = 0.
    apply: big1 => s _; apply/eqP; rewrite eq_le mu0 andbT.
    by rewrite leNgt H.
  by rewrite mu1 => /eqP; rewrite oner_eq0.
rewrite -st /step (bigD1 s) //=; apply: ltr_paddr.
  by apply: sumr_ge0 => u _; apply: mulr_ge0 => //; apply: ltW.
exact: mulr_gt0.
Qed.

(* Doeblin contraction under the minorisation P s t0 >= delta for all s *)
Theorem doeblin_contraction P v t0 delta :
  stochastic P -> (forall s, delta <= P s t0) -> \sum_s v s = 0 ->
  \sum_t `|step P v t| <= (1 - delta) * \sum_s `|v s|.
Proof.
move=> [P0 P1] mino v0.
pose Q s t := P s t - delta * (t == t0)%:R.
have Q0 s t : 0 <= Q s t.
  rewrite /Q subr_ge0; have [->|_] := eqVneq t t0; first by rewrite mulr1.
  by rewrite mulr0.
have stepQ t : step P v t = \sum_s v s * Q s t.
  rewrite /Q /step; under [in RHS]eq_bigr do rewrite mulrBr.
  by rewrite sumrB -mulr_suml v0 mul0r subr0.
apply: (le_trans (y := \sum_t \sum_s `|v s| * Q s t)).
  apply: ler_sum => t _; rewrite stepQ; apply: le_trans (ler_norm_sum _ _ _) _.
  by apply: ler_sum => s _; rewrite normrM (ger0_norm (Q0 s t)).
rewrite exchange_big /= mulr_sumr; apply: ler_sum => s _.
rewrite -mulr_sumr mulrC; apply: ler_wpmul2r => //.
rewrite /Q sumrB P1 -mulr_sumr (bigD1 t0) //= eqxx big1 ?addr0 ?mulr1 //.
by move=> t /negbTE->.
Qed.

Lemma step_sub P mu nu t : step P (fun s => mu s - nu s) t = step P mu t - step P nu t.
Proof.
by rewrite /step -sumrB; apply: eq_bigr => s _; rewrite mulrBl.
Qed.

(* uniqueness of the stationary law under a minorisation *)
Theorem stationary_unique P mu nu t0 delta :
  stochastic P -> 0 < delta -> (forall s, delta <= P s t0) ->
  stationary P mu -> stationary P nu -> forall s, mu s = nu s.
Proof.
move=> sP d0 mino [[_ mu1] smu] [[_ nu1] snu].
pose v s := mu s - nu s.
have v0 : \sum_s v s = 0 by rewrite sumrB mu1 nu1 subrr.
have := doeblin_contraction sP mino v0.
have -> : \sum_t `|step P v t| = \sum_s `|v s|.
  by apply: eq_bigr => t _; rewrite step_sub smu snu.
rewrite mulrBl mul1r ler_subr_addr ger_addl => H.
have Z : \sum_s `|v s| = 0.
  apply/eqP; rewrite eq_le sumr_ge0 ?andbT //.
  by move: H; rewrite pmulr_rle0.
move=> s; apply/eqP; rewrite -subr_eq0; apply/eqP; apply: normr0_eq0.
by apply: (psumr_eq0P _ Z).
Qed.


(* The expectation of f, 0 <= f <= 1, exceeds the mass at t0 (where f = 1) by at most
   the mass on B, when f vanishes at every other state outside B. *)
Lemma expect_gap L f B t0 :
  (forall s, 0 <= L s) -> (forall s, 0 <= f s <= 1) -> f t0 = 1 ->
  (forall s, s \notin B -> s != t0 -> f s = 0) -> t0 \notin B ->
  0 <= expect L f - L t0 <= mass L B.
Proof.
move=> L0 f01 ft0 f0 t0B.
rewrite /expect (bigD1 t0) //= ft0 mulr1 addrAC subrr add0r.
apply/andP; split.
  by apply: sumr_ge0 => s _; apply: mulr_ge0 => //; case/andP: (f01 s).
rewrite /mass [X in _ <= X]big_mkcond [X in X <= _]big_mkcond /=.
apply: ler_sum => s _; case: ifP => [st|_]; case: ifP => [sB|sB] //.
- rewrite -[X in _ <= X]mulr1; apply: ler_wpmul2l => //; by case/andP: (f01 s).
- by rewrite f0 ?sB ?st ?mulr0.
Qed.

(* Absorption through a harmonic function: if f is harmonic, 0 <= f <= 1, f = 1 at t0,
   f = 0 at every other state outside B, and t0 is outside B, then after n steps the
   mass at t0 is within the mass left in B below the initial expectation of f.  With a
   decay of the mass in B this gives the absorption probability in t0: E_mu[f]. *)
Theorem harmonic_absorption P mu f B t0 n :
  stochastic P -> harmonic P f -> (forall s, 0 <= f s <= 1) -> f t0 = 1 ->
  (forall s, s \notin B -> s != t0 -> f s = 0) -> t0 \notin B ->
  distribution mu ->
  0 <= expect mu f - law P n mu t0 <= mass (law P n mu) B.
Proof.
move=> sP hf f01 ft0 f0 t0B dmu.
rewrite -(harmonic_law n mu hf).
have [L0 _] := law_distribution n sP dmu.
exact: expect_gap.
Qed.

(* the mass at an absorbing state never decreases: the absorption probability by step n
   is non-decreasing in n *)
Theorem absorbing_law_mono P mu t n :
  stochastic P -> absorbing P t -> (forall s, 0 <= mu s) ->
  law P n mu t <= law P n.+1 mu t.
Proof.
move=> sP abs mu0; have L0 : forall s, 0 <= law P n mu s.
  by elim: n => [|k IH] //=; apply: step_ge0.
rewrite lawS /step (bigD1 t) //= abs mulr1 ler_addl.
by apply: sumr_ge0 => s _; apply: mulr_ge0 => //; apply: sP.1.
Qed.

(* Bernoulli's inequality *)
Lemma bernoulli (x : R) n : 0 <= x -> x <= 1 -> 1 - (1 - x) ^+ n <= n%:R * x.
Proof.
move=> x0 x1; elim: n => [|n IH]; first by rewrite expr0 subrr mul0r.
have -> : 1 - (1 - x) ^+ n.+1 = (1 - (1 - x) ^+ n) + x * (1 - x) ^+ n.
  by rewrite exprS; ring.
rewrite -addn1 natrD mulrDl mul1r; apply: ler_add => //.
rewrite -[X in _ <= X]mulr1; apply: ler_wpmul2l => //.
by apply: exprn_ile1; rewrite ?subr_ge0 // ler_subl_addr ler_addl.
Qed.

(* A stationary law puts little mass on B when rows from B keep at most 1 - a in B
   and rows from outside B send at most b into B: a * mu(B) <= b. *)
Theorem stationary_mass_le P mu B a b :
  stochastic P -> stationary P mu ->
  (forall s, s \in B -> \sum_(t in B) P s t <= 1 - a) ->
  (forall s, s \notin B -> \sum_(t in B) P s t <= b) -> 0 <= b ->
  a * mass mu B <= b.
Proof.
move=> sP [[mu0 mu1] st] inB outB b0.
have E : mass mu B = mass (step P mu) B.
  by rewrite /mass; apply: eq_bigr => t _; rewrite st.
have H : mass mu B <= (1 - a) * mass mu B + b.
  rewrite {1}E mass_step (bigID (fun s => s \in B)) /=; apply: ler_add.
    rewrite /mass mulr_sumr; apply: ler_sum => s sB; rewrite [X in _ <= X]mulrC.
    by apply: ler_wpmul2l => //; apply: inB.
  apply: (le_trans (y := \sum_(s | s \notin B) mu s * b)).
    by apply: ler_sum => s sB; apply: ler_wpmul2l => //; apply: outB.
  rewrite -mulr_suml -[X in _ <= X]mul1r; apply: ler_wpmul2r => //.
  rewrite -mu1 [X in _ <= X](bigID (fun s => s \in B)) /= ler_addr.
  by apply: sumr_ge0.
rewrite -subr_ge0.
have -> : b - a * mass mu B = (1 - a) * mass mu B + b - mass mu B by ring.
by rewrite subr_ge0.
Qed.

(* (1 - d)^n (1 + n d) <= 1: the geometric decay beats a harmonic rate *)
Lemma geometric_harmonic (d : R) n : 0 <= d <= 1 -> (1 - d) ^+ n * (1 + n%:R * d) <= 1.
Proof.
move=> /andP[d0 d1]; elim: n => [|n IH]; first by rewrite expr0 mul0r addr0 mul1r.
apply: le_trans IH; rewrite exprSr -mulrA; apply: ler_wpmul2l.
  by apply: exprn_ge0; rewrite subr_ge0.
rewrite -subr_ge0.
have -> : 1 + n%:R * d - (1 - d) * (1 + n.+1%:R * d) = (n.+1%:R * d) * d.
  by rewrite -addn1 natrD; ring.
by apply: mulr_ge0 => //; apply: mulr_ge0; rewrite ?ler0n.
Qed.

(* the limit form, with a rational rate 1/m: (1 - 1/m)^n <= 1/(k+1) once n >= k m *)
Theorem geometric_vanishes (m k n : nat) : (0 < m)%N -> (k * m <= n)%N ->
  (1 - m%:R^-1) ^+ n <= k.+1%:R^-1 :> R.
Proof.
move=> m0 kn.
have d01 : 0 <= (m%:R : R)^-1 <= 1.
  by rewrite invr_ge0 ler0n /= invf_le1 ?ltr0n // ler1n.
have k1 : 0 < (k.+1%:R : R) by rewrite ltr0n.
have H := geometric_harmonic n d01.
have ge : (k.+1%:R : R) <= 1 + n%:R * m%:R^-1.
  rewrite -addn1 natrD addrC ler_add2l ler_pdivl_mulr ?ltr0n // -natrM ler_nat.
  exact: kn.
rewrite -[X in _ <= X]mul1r ler_pdivl_mulr //; apply: le_trans H.
apply: ler_wpmul2l => //; apply: exprn_ge0; rewrite subr_ge0.
by case/andP: d01.
Qed.

End Stochastic.

Arguments dirac {R S} s _.

Section StochasticExtra.

Variable R : realFieldType.
Variable S : finType.
Implicit Types (P : S -> S -> R) (mu : S -> R) (B : {set S}).

(* the mass that a row puts on B is at most 1 minus what it puts on a state outside B *)
Lemma row_mass_le P B s t : stochastic P -> t \notin B ->
  \sum_(u in B) P s u <= 1 - P s t.
Proof.
move=> [P0 P1] tB; rewrite -(P1 s) [X in _ <= X - _](bigD1 t) //= addrAC subrr add0r.
rewrite [X in _ <= X]big_mkcond [X in X <= _]big_mkcond /=.
apply: ler_sum => u _; have [uB|uB] := boolP (u \in B).
  by have -> : u != t by apply: contraNneq tB => <-.
by case: (u != t).
Qed.

(* the stationary laws of a chain whose mass never enters B, and leaks out of every
   state of B, are exactly the laws that put no mass on B *)
Theorem stationary_support P mu B :
  stochastic P -> no_entry P B ->
  (forall s, s \in B -> \sum_(t in B) P s t < 1) ->
  (forall s, s \notin B -> absorbing P s) ->
  stationary P mu <-> distribution mu /\ (forall s, s \in B -> mu s = 0).
Proof.
move=> sP ne leak abs; split.
  move=> st; split; first exact: st.1.
  by move=> s sB; apply: (stationary_no_mass_leak sP ne st sB (leak s sB)).
move=> [dmu supp]; apply: absorbing_support_stationary => // s mus.
by apply: abs; apply: contra mus => sB; rewrite supp.
Qed.

End StochasticExtra.
