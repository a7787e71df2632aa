import { identityKey, partyOf } from '../development';
import type { DevelopmentType } from '../development-type';
import { partialDatesAgree } from '../partial-date';
import type { DevelopmentHistory } from './treaty-history';

/**
 * Developments on record that are one act: the same identity (`identityKey`: type, party, chamber and stage, consent
 * type, speaker and words...) and dates that agree at the coarser precision, so that a report of one would have
 * corroborated the other. The decider refuses to make such a pair (decision 0042); a
 * correction made before it could, and the log keeps what it holds. The status lists them, so that an editor
 * retracts the one recorded in error (decision 0049).
 */
export type RecordedTwice = {
  readonly type: DevelopmentType;
  /** Null for an act of the treaty as a whole. */
  readonly party: string | null;
  /** In the order they were recorded. */
  readonly developmentIds: readonly string[];
};

/**
 * Each act recorded more than once among `onRecord`, in the order of its first recording: every later development
 * joins the first one recorded before it that it agrees with. Two reports whose dates disagree are not listed
 * (that is a disagreement, which the status lists as such), even when a third agrees with both.
 */
export function recordedTwice(onRecord: readonly DevelopmentHistory[]): RecordedTwice[] {
  const acts = new Map<string, DevelopmentHistory[][]>();
  for (const development of [...onRecord].sort((a, b) => compare(a.revision, b.revision))) {
    const key = identityKey(development.current);
    const ofIdentity = acts.get(key) ?? [];
    const act = ofIdentity.find(([first]) => agree(first!, development));
    if (act) act.push(development);
    else ofIdentity.push([development]);
    acts.set(key, ofIdentity);
  }
  return [...acts.values()]
    .flat()
    .filter((act) => act.length > 1)
    .sort((a, b) => compare(a[0]!.revision, b[0]!.revision))
    .map((act) => ({
      type: act[0]!.current.type,
      party: partyOf(act[0]!.current) ?? null,
      developmentIds: act.map((development) => development.developmentId),
    }));
}

/**
 * Two reports of one identity that a report of one would corroborate with the other: their dates agree. (Rejoining,
 * which the decider also weighs, parts only reports whose dates differ: a withdrawal cannot lie strictly between two
 * dates that agree.)
 */
function agree(a: DevelopmentHistory, b: DevelopmentHistory): boolean {
  return partialDatesAgree(a.current.occurredOn, b.current.occurredOn);
}

const compare = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
