import { closeSync, openSync, writeSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ReadModelFiles } from '@timeline/projections';
import { Sqlite } from '@timeline/sqlite-driver';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

// Listings filter on stored rows, not on the rendered views: damage to those rows answers listings wrongly while
// every view reads as it should. The dry run compares every table reads answer from, and names it.
describe('POST /audit/projections/rebuild?dryRun=true over a damaged live read model', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: false });
    await post(subject.http, '/treaties', RU_IR).expect(201);
  });
  afterAll(() => subject.close());

  it('names the rows that make listings by status and by party answer wrongly', async () => {
    const db = new Sqlite(new ReadModelFiles(subject.config.dataDir).current(), { timeout: 10_000 });
    try {
      // Once the projection has applied the registration: it writes the treaty's parties' rows anew.
      const held = db.prepare('SELECT count(*) FROM treaty_parties WHERE treaty_id = ?').pluck();
      for (let waited = 0; held.get(RU_IR.id) === 0 && waited < 100; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      db.prepare(`UPDATE treaty_status SET status = 'in-force' WHERE treaty_id = ?`).run(RU_IR.id);
      db.prepare(`INSERT INTO treaty_parties (party, treaty_id, on_record) VALUES ('JP', ?, 1)`).run(RU_IR.id);
    } finally {
      db.close();
    }
    const response = await request(subject.http)
      .post('/audit/projections/rebuild?dryRun=true')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(response.body.differences).toEqual([
      {
        treatyId: RU_IR.id,
        part: 'listing',
        live: expect.objectContaining({ status: 'in-force' }),
        rebuilt: expect.not.objectContaining({ status: 'in-force' }),
      },
      {
        treatyId: RU_IR.id,
        part: 'parties',
        live: expect.arrayContaining([{ party: 'JP', on_record: 1 }]),
        rebuilt: expect.not.arrayContaining([{ party: 'JP', on_record: 1 }]),
      },
    ]);
  });

  it('says it compared nothing, rather than no differences, over a live file that cannot be read', async () => {
    const file = new ReadModelFiles(subject.config.dataDir).current();
    const db = new Sqlite(file, { timeout: 10_000 });
    let page: { size: number; number: number };
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      page = {
        size: Number(db.pragma('page_size', { simple: true })),
        number: Number(db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'treaty_status'").pluck().get()),
      };
    } finally {
      db.close();
    }
    // The table's root page overwritten: SQLite answers SQLITE_CORRUPT for it, as for a damaged disk sector.
    const descriptor = openSync(file, 'r+');
    try {
      writeSync(descriptor, Buffer.alloc(page.size, 0xa5), 0, page.size, (page.number - 1) * page.size);
    } finally {
      closeSync(descriptor);
    }
    const response = await request(subject.http)
      .post('/audit/projections/rebuild?dryRun=true')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(409);
    expect(response.body).toMatchObject({ code: 'READ_MODEL_NOT_COMPARED' });
    expect(response.body.detail).toContain('cannot be read');
  });
});
