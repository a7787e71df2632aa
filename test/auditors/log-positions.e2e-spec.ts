import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, signature } from '../support/treaty-requests';

/** The positions of the log's events, as GET /audit/log exports them. */
async function exportedPositions(subject: TestApp): Promise<bigint[]> {
  const answer = await asAuditor(subject.http, '/audit/log').expect(200);
  return answer.text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => BigInt((JSON.parse(line) as { position: string }).position));
}

// A client-given position that is not an event's is refused with 400 before any byte of the page is sent: never
// a 200 whose body breaks off, whatever store the api runs on.
describe('GET /audit/log?after= with a position that is not an event’s', () => {
  describe('on EventStoreDB (protocol double): positions are byte offsets, and most numbers fall inside a record', () => {
    let double: EsdbProtocolDouble;
    let subject: TestApp;
    beforeAll(async () => {
      double = await startEsdbProtocolDouble();
      subject = await startTestApp({ store: { kind: 'eventstoredb', connectionString: double.connectionString } });
      await post(subject.http, '/treaties', RU_IR).expect(201);
      await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    });
    afterAll(async () => {
      await subject.close();
      await double.stop();
    });

    it('answers 400 POSITION_NOT_AN_EVENT for a position inside a record, and pages from an event’s', async () => {
      const [first, second] = await exportedPositions(subject);
      const refused = await asAuditor(subject.http, `/audit/log?after=${first! + 1n}`).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ code: 'POSITION_NOT_AN_EVENT', position: String(first! + 1n) });
      const page = await asAuditor(subject.http, `/audit/log?after=${first}`).expect(200);
      expect(
        page.text
          .trim()
          .split('\n')
          .map((line) => (JSON.parse(line) as { position: string }).position),
      ).toEqual([String(second)]);
      await asAuditor(subject.http, '/audit/log?after=0').expect(200);
    });
  });

  describe('on the embedded store: positions are dense, so only a removed event leaves one', () => {
    let subject: TestApp;
    beforeAll(async () => {
      subject = await startTestApp();
      await post(subject.http, '/treaties', RU_IR).expect(201);
      await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
      // Another source's report of the signature: the same source's again would be refused (decision 0040).
      const irna = signature({ source: { ...signature().source, publisher: 'IRNA' } });
      await post(subject.http, `/treaties/${RU_IR.id}/developments`, irna).expect(201);
    });
    afterAll(async () => {
      await subject.close();
    });

    it('answers 400 POSITION_NOT_AN_EVENT for the position of a removed event', async () => {
      const [, removed] = await exportedPositions(subject);
      const file = (subject.config.store as { file: string }).file;
      const db = new Sqlite(file);
      db.prepare('DELETE FROM events WHERE position = ?').run(removed!);
      db.close();
      const refused = await asAuditor(subject.http, `/audit/log?after=${removed}`).expect(400);
      expect(refused.body.code).toBe('POSITION_NOT_AN_EVENT');
      await asAuditor(subject.http, '/audit/log?after=0').expect(200);
    });
  });
});
