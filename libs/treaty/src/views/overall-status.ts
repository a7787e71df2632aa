import type { TreatyStatus } from './treaty-status.types';

/** What a treaty's overall status is decided by, each read from its record as of the day asked about. */
export interface StatusFacts {
  /** Its termination has come (reported, or computed: a bilateral treaty's end). */
  readonly terminated: boolean;
  /** Reported terminated before it entered into force, none applying it provisionally (decision 0099). */
  readonly abandoned: boolean;
  readonly suspended: boolean;
  /** In force, as a whole or for one party at least (the record may give the treaty no date of its own). */
  readonly inForce: boolean;
  /** Every original state's consent completes it: a bilateral treaty, and any without a clause (VCLT art. 24(2)). */
  readonly needsEveryOriginalState: boolean;
  /** An original (negotiating) state is shown withdrawn. */
  readonly originalWalkedAway: boolean;
  /** It names original parties: a convention with none has no set of states whose consents complete it. */
  readonly hasOriginalParties: boolean;
  /** Every party not withdrawn has completed its consent. */
  readonly everyRemainingPartyConsented: boolean;
  /** Some party has taken a step towards consent. */
  readonly aPartyActed: boolean;
  readonly signed: boolean;
}

/** The treaty's overall status: the first of these that holds. */
export function overallStatus(facts: StatusFacts): TreatyStatus {
  if (facts.terminated) return 'terminated';
  if (facts.abandoned) return 'will-not-enter-into-force';
  if (facts.suspended) return 'suspended';
  if (facts.inForce) return 'in-force';
  // A treaty that needs every original state's consent, one of which walked away before it entered into force, cannot
  // be terminated, never having bound anyone, and will not enter into force unless that state consents after all
  // (decisions 0038, 0102). Under a clause, the others' instruments may still reach its count.
  if (facts.needsEveryOriginalState && facts.originalWalkedAway) return 'will-not-enter-into-force';
  // Nor is one ratified that an original state walked away from: its count decides.
  if (facts.hasOriginalParties && !facts.originalWalkedAway && facts.everyRemainingPartyConsented) return 'ratified';
  if (facts.aPartyActed) return 'ratification-in-progress';
  return facts.signed ? 'signed' : 'registered';
}
