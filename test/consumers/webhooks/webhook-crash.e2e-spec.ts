import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { KEYS } from '../../support/api-keys';
import { startBuiltService } from '../../support/built-service';
import { startTestApp } from '../../support/test-app';
import { RU_IR, dumaApproval } from '../../support/treaty-requests';
import { WebhookReceiver, until } from '../../support/webhook-receiver';

const KILLS = 3;

const startService = (dataDir: string) =>
  startBuiltService(dataDir, {
    TIMELINE_WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    TIMELINE_WEBHOOK_RETRY_BASE_MS: '20',
    TIMELINE_WEBHOOK_LEASE_MS: '1000',
  });

const send = (base: string, path: string, body: unknown, key: string = KEYS.editor) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe(`webhooks across ${KILLS} SIGKILLs of the service`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-webhook-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('delivers every update, first in log order, repeating at most the delivery in flight at each kill', async () => {
    const receiver = new WebhookReceiver({ delayMs: 30 });
    await receiver.start();
    let secret = '';
    let chamber = 0;
    try {
      for (let run = 0; run <= KILLS; run++) {
        const service = await startService(dataDir);
        if (run === 0) {
          const registered = await send(service.base, '/webhooks', { url: receiver.url }, KEYS.reader);
          const answer = await registered.text();
          // The answer is in the message, should this fail: it failed once in a parallel run and never alone.
          expect(`${registered.status} ${answer}`).toMatch(/^201 /);
          secret = (JSON.parse(answer) as { secret: string }).secret;
          expect((await send(service.base, '/treaties', RU_IR)).status).toBe(201);
        }
        for (let write = 0; write < 6; write++) {
          chamber += 1;
          const response = await send(
            service.base,
            `/treaties/${RU_IR.id}/developments`,
            dumaApproval({ body: `Chamber ${chamber}` }),
          );
          expect(`${response.status} ${response.status === 201 ? '' : await response.text()}`).toMatch(/^201 /);
        }
        if (run < KILLS) {
          // Kill it while deliveries are under way (the receiver takes 30 ms for each).
          const before = receiver.acknowledged.length;
          await until(() => receiver.acknowledged.length > before, 30_000, 'a delivery before the kill');
          service.process.kill('SIGKILL');
          await new Promise((resolve) => service.process.once('exit', resolve));
        } else {
          await until(
            () => new Set(receiver.acknowledged.map((delivery) => delivery.headers['webhook-id'])).size === chamber + 1,
            60_000,
            'every update',
          );
          service.process.kill('SIGTERM');
          await new Promise((resolve) => service.process.once('exit', resolve));
        }
      }
    } finally {
      await receiver.stop();
    }

    // What the log holds, read by an app on the same data directory.
    const reader = await startTestApp({ dataDir }, { keepData: true });
    const store = reader.app.get<EventStore>(EVENT_STORE);
    const logged: string[] = [];
    for await (const event of store.readAll()) if (event.streamName.startsWith('treaty-')) logged.push(event.id);
    await reader.close();

    const verifier = new Webhook(secret);
    for (const delivery of receiver.requests) {
      expect(() => verifier.verify(delivery.body, delivery.headers as Record<string, string>)).not.toThrow();
    }
    const ids = receiver.acknowledged.map((delivery) => (JSON.parse(delivery.body) as { id: string }).id);
    const firstSeen = ids.filter((id, index) => ids.indexOf(id) === index);
    expect(firstSeen).toEqual(logged);
    expect(ids.length - firstSeen.length).toBeLessThanOrEqual(KILLS);
  }, 400_000);
});
