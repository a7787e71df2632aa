import { identityKey, partyOf } from '../development';
import { addsParty, type DevelopmentOnRecord, type RegisteredTreaty, type TreatyProfile } from './treaty.state';

/**
 * What the decider looks up in a treaty's record on every report: the developments on record, the treaty's
 * parties, and the reports of each development (by identity). Derived from the state's developments alone.
 *
 * Built once for a state, in one pass over its record, and then carried forward: a report appends one development,
 * and `evolve` hands the index on to the new state with that one development added (`carryRecordIndex`), so a
 * treaty with 5,000 developments decides its next report without walking the 5,000. Only an index nobody else can
 * see is changed in place: the old state loses it and, if asked again, builds its own from its record.
 */
export interface RecordIndex {
  /** Every development not retracted, in the order recorded. */
  readonly onRecord: readonly DevelopmentOnRecord[];
  /** The original parties, then those who joined by a development on record (see `partiesOf`). */
  readonly parties: readonly string[];
  /** The developments on record with this identity key (`identityKey`), in the order recorded. */
  reportsOf(key: string): readonly DevelopmentOnRecord[];
}

const NONE: readonly DevelopmentOnRecord[] = [];

class GrowingRecordIndex implements RecordIndex {
  readonly onRecord: DevelopmentOnRecord[] = [];
  readonly parties: string[];
  private readonly treaty: TreatyProfile;
  private readonly byIdentity = new Map<string, DevelopmentOnRecord[]>();

  constructor(treaty: TreatyProfile, developments: readonly DevelopmentOnRecord[]) {
    this.treaty = treaty;
    this.parties = [...treaty.parties];
    for (const development of developments) this.add(development);
  }

  reportsOf(key: string): readonly DevelopmentOnRecord[] {
    return this.byIdentity.get(key) ?? NONE;
  }

  add(development: DevelopmentOnRecord): void {
    if (development.retracted) return;
    this.onRecord.push(development);
    const key = identityKey(development.current);
    const same = this.byIdentity.get(key);
    if (same) same.push(development);
    else this.byIdentity.set(key, [development]);
    const party = partyOf(development.current);
    if (party !== undefined && addsParty(development.current, this.treaty) && !this.parties.includes(party)) {
      this.parties.push(party);
    }
  }
}

/** Keyed by the state's developments array: states are immutable, and a new record is a new array. */
const indexes = new WeakMap<readonly DevelopmentOnRecord[], GrowingRecordIndex>();

export function recordIndexOf(treaty: RegisteredTreaty): RecordIndex {
  let index = indexes.get(treaty.developments);
  if (!index) {
    index = new GrowingRecordIndex(treaty.treaty, treaty.developments);
    indexes.set(treaty.developments, index);
  }
  return index;
}

/**
 * Moves the index of `before` (if it has one) to `after`, which must be `before` with `added` appended. Synchronous
 * callers only hold an index while they decide, so none still reads it when it moves.
 */
export function carryRecordIndex(
  before: readonly DevelopmentOnRecord[],
  after: readonly DevelopmentOnRecord[],
  added: DevelopmentOnRecord,
): void {
  const index = indexes.get(before);
  if (!index) return;
  indexes.delete(before);
  index.add(added);
  indexes.set(after, index);
}
