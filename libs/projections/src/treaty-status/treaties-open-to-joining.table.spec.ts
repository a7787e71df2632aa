import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@timeline/event-store';
import { toEventData, treatyStreamName, type TreatyEvent } from '@timeline/treaty';
import { registered, signed, uuid } from '@timeline/treaty/testing';
import { openReadModelDatabase } from '../read-model-database';
import { treatyStatusProjection } from './treaty-status.projection';
import { TreatyStatusQueries } from './treaty-status.queries';

const CONVENTION = registered({
  treatyId: 'cbd',
  title: 'Convention on Biological Diversity',
  parties: ['BY', 'RU'],
  kind: 'multilateral',
});
const BILATERAL = registered({ treatyId: 'ru-ir', title: 'Treaty on Strategic Partnership', kind: 'bilateral' });
const UNKNOWN_KIND = registered({ treatyId: 'kz-uz', title: 'Agreement on Water Resources', parties: ['KZ', 'UZ'] });

let position = 0n;
/** The treaty's events at the log's next positions, from revision `from`. */
function recorded(treatyId: string, events: readonly TreatyEvent[], from = 0n): RecordedEvent[] {
  return events.map((event, index) => ({
    id: uuid(Number((position += 1n))),
    type: event.type,
    data: toEventData(event),
    metadata: { schemaVersion: 1 },
    streamName: treatyStreamName(treatyId),
    revision: from + BigInt(index),
    position,
    recordedAt: new Date(Date.UTC(2025, 5, 10)),
  }));
}

describe('the titles of the treaties open to joining', () => {
  let directory: string;
  let db: Database;
  const queries = () => new TreatyStatusQueries(db);
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'timeline-titles-'));
    db = openReadModelDatabase(join(directory, 'projections.db'));
    treatyStatusProjection.setUp(db);
    const log = [
      ...recorded('cbd', [CONVENTION, signed(uuid(901), '1992-06-05')]),
      ...recorded('ru-ir', [BILATERAL]),
      ...recorded('kz-uz', [UNKNOWN_KIND]),
    ];
    db.transaction(() => treatyStatusProjection.apply(db, log))();
  });
  afterEach(() => {
    db.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const found = (words: string[]) =>
    queries()
      .openToJoiningWith(words, 10)
      .map((treaty) => treaty.id);

  it('are found by the words of their titles, unless registered bilateral', () => {
    expect(queries().openToJoiningWith(['biological'], 10)).toEqual([
      { id: 'cbd', title: 'Convention on Biological Diversity', kind: 'multilateral' },
    ]);
    expect(queries().openToJoiningWith(['Wáter'], 10)).toEqual([
      { id: 'kz-uz', title: 'Agreement on Water Resources', kind: null },
    ]);
    expect(found(['strategic', 'partnership'])).toEqual([]);
    expect(found([])).toEqual([]);
  });

  it('come best matched first, at most as many as asked', () => {
    expect(found(['biological', 'diversity', 'resources'])).toEqual(['cbd', 'kz-uz']);
    expect(found(['biological', 'water', 'resources'])).toEqual(['kz-uz', 'cbd']);
    expect(
      queries()
        .openToJoiningWith(['biological', 'water'], 1)
        .map((treaty) => treaty.id),
    ).toHaveLength(1);
  });

  it('are not searched for a word that too many titles have', () => {
    // "on" is in two titles: with at most one title per word, only "biological" is searched for.
    expect(
      queries()
        .openToJoiningWith(['on', 'biological', 'water'], 10, 1)
        .map((treaty) => treaty.id)
        .sort(),
    ).toEqual(['cbd', 'kz-uz']);
    expect(queries().openToJoiningWith(['on'], 10, 1)).toEqual([]);
    expect(queries().openToJoiningWith(['on'], 10, 2)).toHaveLength(2);
  });

  it('take any words as words, never as the search syntax', () => {
    expect(found(['"', 'AND', 'NEAR(', '*', 'title:x', 'diversity"'])).toEqual(['cbd']);
    // "^on" is the word "on", which both titles have, not "a title that starts with on".
    expect(found(['^on', 'diversity'])).toEqual(['cbd', 'kz-uz']);
  });

  it('lose a treaty whose stream was deleted for good', () => {
    const notice = {
      kind: 'stream-deleted' as const,
      streamName: treatyStreamName('cbd'),
      position: position + 1n,
      recordedAt: new Date('2026-01-01T00:00:00.000Z'),
    };
    db.transaction(() => treatyStatusProjection.streamDeleted!(db, notice))();
    expect(found(['biological', 'water'])).toEqual(['kz-uz']);
  });
});
