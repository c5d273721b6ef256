(* Existence of a stationary distribution for every finite stochastic matrix
   (on a non-empty state space), by linear algebra: (P - 1) is singular since
   (P - 1) 1 = 0, so it has a non-zero left kernel vector v; |v| is then also
   fixed by P, and |v| normalised is a stationary distribution. *)
From mathcomp Require Import all_ssreflect all_algebra.
Require Import Collapse.Stochastic.

Set Implicit Arguments.
Unset Strict Implicit.
Unset Printing Implicit Defensive.

Import Order.TTheory GRing.Theory Num.Theory.
Local Open Scope ring_scope.

Section Existence.

Variable R : realFieldType.
Variable S : finType.
Implicit Types (P : S -> S -> R) (mu : S -> R).

Lemma sum_enum (F : S -> R) :
  \sum_(s : S) F s = \sum_(i < #|S|) F (enum_val i).
Proof.
by rewrite (reindex (enum_val : 'I_#|S| -> S)) //; apply: onW_bij; apply: enum_val_bij.
Qed.

(* pointwise <= with equal sums forces equality *)
Lemma le_sum_eq (a b : S -> R) :
  (forall s, a s <= b s) -> \sum_s a s = \sum_s b s -> forall s, a s = b s.
Proof.
move=> ab E s; apply/eqP; rewrite eq_sym -subr_eq0; apply/eqP.
apply: (psumr_eq0P (P := predT) (F := fun s => b s - a s)) => //.
  by move=> u _; rewrite subr_ge0.
by rewrite sumrB E subrr.
Qed.

Definition chain_matrix P : 'M[R]_#|S| :=
  \matrix_(i, j) P (enum_val i) (enum_val j).

Theorem stationary_exists P (s0 : S) : stochastic P -> exists mu, stationary P mu.
Proof.
move=> sP; have [P0 P1] := sP.
set n := #|S|; set M := chain_matrix P.
set A := M - 1%:M.
have A1 : A *m (const_mx 1 : 'cV[R]_n) = 0.
  apply/matrixP => i j; rewrite !mxE /A.
  under eq_bigr do rewrite !mxE mulr1.
  rewrite sumrB -[X in X - _](sum_enum (fun t => P (enum_val i) t)) P1.
  rewrite (bigD1 i) //= eqxx big1 ?addr0 ?subrr // => k /negbTE.
  by rewrite eq_sym => ->.
have nU : A \notin unitmx.
  apply/negP => AU; have := congr1 (mulmx (invmx A)) A1.
  rewrite mulmxA mulVmx // mul1mx mulmx0 => /matrixP /(_ (enum_rank s0) 0).
  by rewrite !mxE => /eqP; rewrite oner_eq0.
have rA : (\rank A < n)%N.
  rewrite ltn_neqAle rank_leq_row andbT; apply: contra nU => /eqP rA.
  by rewrite -row_free_unit /row_free rA.
have K0 : kermx A != 0.
  by rewrite -mxrank_eq0 mxrank_ker subn_eq0 -ltnNge.
have [i Ki] : exists i, row i (kermx A) != 0.
  case/boolP: [exists i, row i (kermx A) != 0] => [/existsP //|].
  rewrite negb_exists => /forallP H; exfalso; move/negP: K0; apply.
  apply/eqP/row_matrixP => i; rewrite row0; exact/eqP/negPn/H.
set v := row i (kermx A).
have vA : v *m A = 0 by rewrite /v -row_mul mulmx_ker row0.
have vM : v *m M = v.
  by apply/eqP; rewrite -subr_eq0 -[X in _ - X]mulmx1 -mulmxBr vA.
have vMt t : \sum_s v 0 (enum_rank s) * P s t = v 0 (enum_rank t).
  have := congr1 (fun w : 'rV_n => w 0 (enum_rank t)) vM; rewrite /= mxE => <-.
  rewrite sum_enum; apply: eq_bigr => k _; by rewrite /v /M /chain_matrix !mxE enum_valK enum_rankK.
pose w s := `|v 0 (enum_rank s)|.
have w0 s : 0 <= w s by rewrite /w normr_ge0.
have wle u : w u <= step P w u.
  rewrite /w /step -vMt; apply: le_trans (ler_norm_sum _ _ _) _.
  by apply: ler_sum => s _; rewrite normrM (ger0_norm (P0 s u)).
have wst u : step P w u = w u.
  by apply/esym; apply: (le_sum_eq wle); rewrite step_sum.
set Z := \sum_s w s.
have Z0 : 0 < Z.
  have [k vk] : exists k, v 0 k != 0.
    case/boolP: [exists k, v 0 k != 0] => [/existsP //|].
    rewrite negb_exists => /forallP H; exfalso; move/negP: Ki; apply.
    apply/eqP/rowP => k; rewrite [RHS]mxE; apply/eqP/negPn; apply: H.
  rewrite /Z (bigD1 (enum_val k)) //=; apply: ltr_paddr.
    by apply: sumr_ge0 => s _.
  by rewrite /w enum_valK normr_gt0.
exists (fun s => w s / Z); split; first split.
- by move=> s; apply: divr_ge0 => //; apply: ltW.
- by rewrite -mulr_suml divff // gt_eqF.
- move=> t; rewrite -[in RHS]wst /step mulr_suml; apply: eq_bigr => s _.
  by rewrite mulrAC.
Qed.

End Existence.
