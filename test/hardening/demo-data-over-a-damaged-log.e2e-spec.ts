import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Sqlite } from '@timeline/sqlite-driver';
import { treatyStreamName } from '@timeline/treaty';
import { DEMO_TREATIES } from '../../apps/api/src/demo/demo-data';
import { startTestApp } from '../support/test-app';

const DAMAGES = {
  'bytes that are no JSON': "UPDATE events SET data = '{not json' WHERE position = ?",
  'a type no build of this service wrote': "UPDATE events SET type = 'TreatyTeleported' WHERE position = ?",
} as const;

// The demo loader reads the demo treaties' streams at every start (its posts are idempotent). A log damaged there is
// for verification to report (decision 0008): the service must still start, and say why the demo was not loaded.
describe('a start with demo data over a log whose demo events are damaged', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-demo-damaged-'));
  const pristine = join(root, 'pristine');
  let damagedPosition: number;

  beforeAll(async () => {
    const subject = await startTestApp(
      { dataDir: pristine, store: { kind: 'embedded', file: join(pristine, 'events.db') }, loadDemoData: true },
      { keepData: true },
    );
    await subject.close();
    const db = new Sqlite(join(pristine, 'events.db'), { readonly: true });
    try {
      // The last event of the first demo treaty: the loader folds that stream to find its posts already made.
      const stream = treatyStreamName(DEMO_TREATIES[0]!.registration.id);
      damagedPosition = db
        .prepare('SELECT MAX(position) FROM events WHERE stream_name = ?')
        .pluck()
        .get(stream) as number;
    } finally {
      db.close();
    }
  }, 30_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(Object.entries(DAMAGES).map(([label, damage], index) => [label, damage, index] as const))(
    'starts over %s, and answers',
    async (_label, damage, index) => {
      const dataDir = join(root, `damaged-${index}`);
      cpSync(pristine, dataDir, { recursive: true });
      const db = new Sqlite(join(dataDir, 'events.db'));
      try {
        expect(db.prepare(damage).run(damagedPosition).changes).toBe(1);
      } finally {
        db.close();
      }
      const subject = await startTestApp(
        { dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') }, loadDemoData: true },
        { keepData: true },
      );
      try {
        await request(subject.http).get('/health').expect(200);
        await request(subject.http).get('/treaties').expect(200);
      } finally {
        await subject.close();
      }
    },
    30_000,
  );
});
