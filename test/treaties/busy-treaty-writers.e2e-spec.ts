import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEYS, bearer } from '../support/api-keys';
import { startBuiltService, type BuiltService } from '../support/built-service';
import { RU_IR, dumaApproval, signature } from '../support/treaty-requests';

const WRITERS = 32;
const WRITES_EACH = 8;
const TREATIES = ['busy-one', 'busy-two'];

/**
 * Many editors writing to the same few treaties at once, over real connections to the service as `npm start` runs
 * it (through jest's in-process server the requests arrive too far apart to race). Writers without If-Match must
 * never be refused for a conflict: before this process took its writes to a treaty in turn, about a third of them
 * ran out of attempts and got 412.
 */
describe('editors writing to the same treaties at once', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-busy-'));
  let service: BuiltService;
  const send = (path: string, body: unknown) =>
    fetch(`${service.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: bearer(KEYS.editor) },
      body: JSON.stringify(body),
    });
  const conflicts = async () => {
    const metrics = await (await fetch(`${service.base}/metrics`)).text();
    return Number(/^timeline_append_conflicts_total (\d+)/m.exec(metrics)?.[1] ?? 0);
  };

  beforeAll(async () => {
    service = await startBuiltService(dataDir);
    for (const id of TREATIES) {
      expect((await send('/treaties', { ...RU_IR, id })).status).toBe(201);
      expect((await send(`/treaties/${id}/developments`, signature())).status).toBe(201);
    }
  });
  afterAll(() => {
    service?.process.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records every write, each once, and none conflicts with another of this process', async () => {
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let round = 0; round < WRITES_EACH; round++) {
          const n = writer * WRITES_EACH + round;
          const answer = await send(
            `/treaties/${TREATIES[n % TREATIES.length]}/developments`,
            dumaApproval({ body: `Chamber ${n}` }),
          );
          await answer.arrayBuffer();
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 201: WRITERS * WRITES_EACH });
    for (const id of TREATIES) {
      const treaty = await fetch(`${service.base}/treaties/${id}`);
      // Registered, signed, then half of the writes each: the revision counts from 0.
      expect(treaty.headers.get('etag')).toMatch(new RegExp(`^"${1 + (WRITERS * WRITES_EACH) / TREATIES.length}-`));
    }
    expect(await conflicts()).toBe(0);
  });
});
