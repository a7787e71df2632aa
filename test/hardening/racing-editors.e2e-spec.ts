import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEYS } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { sized } from '../support/torture';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, storedEvents } from '../support/treaty-requests';

const EDITORS = sized(6, 24);
const ROUNDS = sized(5, 100);

describe('N editors racing with If-Match', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
  });
  afterAll(() => subject.close());

  it(
    'lets exactly one editor win each revision; the others get 412 and nothing is lost or doubled',
    async () => {
      const winners: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const etag = `"${round}"`;
        const answers = await Promise.all(
          Array.from({ length: EDITORS }, (_, editor) =>
            post(
              subject.http,
              `/treaties/${RU_IR.id}/developments`,
              dumaApproval({ body: `Chamber ${round}-${editor}` }),
              editor % 2 ? KEYS.otherEditor : KEYS.editor,
            ).set('If-Match', etag),
          ),
        );
        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses).toEqual([201, ...Array<number>(EDITORS - 1).fill(412)]);
        const winner = answers.find((answer) => answer.status === 201)!;
        expect(winner.body.revision).toBe(String(round + 1));
        winners.push(winner.body.eventId);
        for (const loser of answers.filter((answer) => answer.status === 412)) {
          expect(loser.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: String(round + 1) });
        }
      }
      const events = await storedEvents(subject, RU_IR.id);
      expect(events.slice(1).map((event) => event.id)).toEqual(winners);
    },
    sized(20_000, 600_000),
  );
});
