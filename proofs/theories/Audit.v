(* Assumption audit: every Theorem of the development must be "Closed under the global
   context" (no axiom, no admitted proof). Run by ../check_assumptions.sh, which also
   checks that this list is exactly the set of Theorems in theories/. *)
From Collapse Require Import Stochastic Stationary Binary Multinomial GeneralK.

(* Stochastic.v *)
Print Assumptions harmonic_step.
Print Assumptions harmonic_law.
Print Assumptions stationary_expect.
Print Assumptions absorbing_row.
Print Assumptions transient_mass_decay.
Print Assumptions transient_law_le.
Print Assumptions stationary_no_mass_leak.
Print Assumptions absorbing_support_stationary.
Print Assumptions stationary_pos.
Print Assumptions doeblin_contraction.
Print Assumptions stationary_unique.
Print Assumptions harmonic_absorption.
Print Assumptions absorbing_law_mono.
Print Assumptions stationary_mass_le.
Print Assumptions geometric_vanishes.
Print Assumptions stationary_support.

(* Stationary.v *)
Print Assumptions stationary_exists.

(* Binary.v *)
Print Assumptions binary_stochastic.
Print Assumptions binary_drift.
Print Assumptions binary_martingale.
Print Assumptions binary_share_preserved.
Print Assumptions binary_stationary_mean.
Print Assumptions binary_absorbing_iff.
Print Assumptions binary_transient_law.
Print Assumptions binary_absorption_law.
Print Assumptions binary_absorption_dirac.
Print Assumptions binary_stationary_iff.
Print Assumptions binary_transition_pos.
Print Assumptions binary_no_absorbing.
Print Assumptions binary_stationary_unique.
Print Assumptions binary_stationary_pos.
Print Assumptions binary_stationary_exists.
Print Assumptions binary_degeneration.
Print Assumptions binary_stationary_interior_mass.
Print Assumptions binary_dirac_mass_bound.


(* Multinomial.v *)
Print Assumptions sample_stochastic.
Print Assumptions multi_stochastic.
Print Assumptions multi_drift.
Print Assumptions count_stochastic.
Print Assumptions count_drift.
Print Assumptions count_stationary_mean.
Print Assumptions count_zero_no_fresh.

(* GeneralK.v *)
Print Assumptions multi_martingale.
Print Assumptions multi_share_preserved.
Print Assumptions multi_absorbing_iff.
Print Assumptions multi_transient_law.
Print Assumptions multi_transient_vanishes.
Print Assumptions multi_absorption_law.
Print Assumptions multi_absorption_dirac.
Print Assumptions multi_absorption_vanishes.
Print Assumptions multi_absorption_mono.
Print Assumptions multi_stationary_iff.
Print Assumptions multi_transition_pos.
Print Assumptions multi_no_absorbing.
Print Assumptions multi_stationary_unique.
Print Assumptions multi_stationary_pos.
Print Assumptions multi_stationary_exists.
Print Assumptions multi_degeneration.
Print Assumptions multi_stationary_mean.
Print Assumptions multi_stationary_nondirac_mass.
Print Assumptions multi_dirac_mass_bound.
Print Assumptions multi_dirac_mass_vanishes.
