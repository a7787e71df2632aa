import { describe, expect, it } from '@jest/globals';
import type { TreatyEventEnvelope } from '@timeline/treaty';
import { eventfulLife, recorded } from '@timeline/treaty/testing';
import { OpenTreatyFolds } from './open-treaty-folds';

const stream = recorded(eventfulLife());

/** A store of the stream's events that counts how often a fold had to be started from it. */
function kept() {
  const reads: string[] = [];
  return {
    reads,
    eventsBefore: (treatyId: string, revision: bigint): TreatyEventEnvelope[] => {
      reads.push(`${treatyId}@${revision}`);
      return stream.filter((envelope) => envelope.revision < revision);
    },
  };
}

describe('OpenTreatyFolds', () => {
  it('resumes a fold that stopped just before the new events, without reading the earlier ones again', () => {
    const store = kept();
    const folds = new OpenTreatyFolds(4, store.eventsBefore);
    folds.foldIn('a', stream.slice(0, 3));
    folds.foldIn('a', stream.slice(3, 7));
    const fold = folds.foldIn('a', stream.slice(7));
    // A stream's first events have nothing before them to read (a replay starts most treaties so).
    expect(store.reads).toEqual([]);
    expect(fold.revision).toBe(stream.at(-1)!.revision);
    expect(fold.history()!.developments).toHaveLength(6);
  });

  it('folds again from the earlier events when the open fold is not right before the new ones', () => {
    const store = kept();
    const folds = new OpenTreatyFolds(4, store.eventsBefore);
    folds.foldIn('a', stream.slice(0, 6));
    // A batch rolled back after its events were folded in: the same events come again.
    const fold = folds.foldIn('a', stream.slice(4, 6));
    expect(store.reads).toEqual(['a@4']);
    expect(fold.revision).toBe(5n);
    expect(fold.history()!.developments.map((development) => development.revision)).toEqual([1n, 2n, 4n]);
  });

  it('keeps the folds of the treaties changed last, dropping the least recently changed', () => {
    const store = kept();
    const folds = new OpenTreatyFolds(2, store.eventsBefore);
    for (const treatyId of ['a', 'b', 'a', 'c']) folds.foldIn(treatyId, stream.slice(0, 1));
    store.reads.length = 0;
    folds.foldIn('a', stream.slice(1, 2));
    folds.foldIn('c', stream.slice(1, 2));
    folds.foldIn('b', stream.slice(1, 2));
    expect(store.reads).toEqual(['b@1']);
  });

  it('forgets every fold when cleared', () => {
    const store = kept();
    const folds = new OpenTreatyFolds(4, store.eventsBefore);
    folds.foldIn('a', stream.slice(0, 2));
    folds.clear();
    folds.foldIn('a', stream.slice(2, 3));
    expect(store.reads).toEqual(['a@2']);
  });
});
