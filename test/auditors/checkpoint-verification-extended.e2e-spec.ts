import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { WHOLE_PASS_EVERY_MS } from '../../apps/api/src/audit/whole-pass-schedule';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp, type TestApp, type TestAppOptions } from '../support/test-app';
import { RU_IR, dumaApproval, post, signature } from '../support/treaty-requests';

/** The app started (with `options`), a treaty registered and its signature reported. */
async function withASignedTreaty(options: TestAppOptions = {}): Promise<TestApp> {
  const subject = await startTestApp({}, options);
  await post(subject.http, '/treaties', RU_IR).expect(201);
  await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
  return subject;
}

/** Changes the title in the log's first event in the store's file, as a tamperer with access to it would. */
function alterTheFirstEvent(subject: TestApp): void {
  const db = new Sqlite(subject.config.store.kind === 'embedded' ? subject.config.store.file : '');
  try {
    const first = db.prepare('SELECT position, data FROM events ORDER BY position LIMIT 1').get() as {
      position: number;
      data: string;
    };
    const data = JSON.parse(first.data) as { title: string };
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
      JSON.stringify({ ...data, title: `${data.title} (altered)` }),
      first.position,
    );
  } finally {
    db.close();
  }
}

// Each checkpoint verified the whole log, on every move of the log: an auditor's monitor asking once a minute cost a
// whole pass a minute (about 20 s of CPU at a million events). A checkpoint now verifies the events appended since
// the last verification, and the whole log once the last whole pass is WHOLE_PASS_EVERY_MS old (decision 0071).
describe('a checkpoint verifies the events appended since the last one, and the whole log every ten minutes', () => {
  let subject: TestApp;
  let offset = 0;
  beforeAll(async () => {
    subject = await withASignedTreaty({ clock: () => new Date(Date.now() + offset) });
  });
  afterAll(() => subject.close());

  it('signs over the events appended since; an event altered before them is found by the next whole pass', async () => {
    const first = await asAuditor(subject.http, '/audit/checkpoint').expect(200);

    alterTheFirstEvent(subject);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).expect(201);
    // The events appended since the last checkpoint verify: the next is signed, its heads those of the log as it
    // was verified (the altered event's stream has the hashes it had, which no longer match the stored event).
    const next = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    expect(BigInt(next.body.position)).toBeGreaterThan(BigInt(first.body.position));

    // Ten minutes on, the next checkpoint verifies the whole log again, and refuses.
    offset += WHOLE_PASS_EVERY_MS;
    const council = dumaApproval({ body: 'Federation Council' });
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, council).expect(201);
    const refused = await asAuditor(subject.http, '/audit/checkpoint').expect(409);
    expect(refused.body).toMatchObject({ code: 'LOG_FAILS_VERIFICATION' });
  });
});

describe('a checkpoint after /audit/verify found the log failing', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await withASignedTreaty();
  });
  afterAll(() => subject.close());

  it('verifies the whole log again and refuses, without waiting for the next whole pass', async () => {
    await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    alterTheFirstEvent(subject);
    const whole = await asAuditor(subject.http, '/audit/verify').expect(200);
    expect(whole.body.failures).toEqual([expect.objectContaining({ reason: expect.stringContaining('altered') })]);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).expect(201);
    await asAuditor(subject.http, '/audit/checkpoint').expect(409);
  });
});
