import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { KEYS } from '../support/api-keys';
import { startBuiltService } from '../support/built-service';
import { sized } from '../support/torture';
import { RU_IR, dumaApproval } from '../support/treaty-requests';

const RUNS = sized(10, 200);
// Enough concurrent requests that the store commits them in groups; each writer has a treaty of its own, so that
// none of them is refused for a concurrent write and every answer but 201 is a failure.
const WRITERS = 32;
const treaties = Array.from({ length: WRITERS }, (_, writer) => ({ ...RU_IR, id: `${RU_IR.id}-${writer}` }));

const startService = (dataDir: string) => startBuiltService(dataDir);

const send = (base: string, path: string, body: unknown, key?: string) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${KEYS.editor}`,
      'Content-Type': 'application/json',
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: JSON.stringify(body),
  });

/** A gauge's value in a Prometheus scrape. */
function gauge(scrape: string, name: string): number {
  const line = scrape.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  if (!line) throw new Error(`No ${name} in the metrics`);
  return Number(line.slice(name.length + 1));
}

describe(`crash safety: SIGKILL while ${WRITERS} writers append, ${RUNS} times over one data directory`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'keeps every acknowledged append exactly once, a log that verifies, and projections equal to a rebuild',
    async () => {
      const acknowledged: string[] = [];
      let runsKilledAfterWrites = 0;
      let commits = 0;
      let committedAppends = 0;
      let attempt = 0;
      for (let run = 0; run < RUNS; run++) {
        const service = await startService(dataDir);
        if (run === 0) {
          for (const treaty of treaties) expect((await send(service.base, '/treaties', treaty)).status).toBe(201);
        }
        let killed = false;
        const writers = treaties.map(async (treaty) => {
          while (!killed) {
            attempt += 1;
            const body = dumaApproval({ body: `Chamber ${attempt}` });
            const response = await send(service.base, `/treaties/${treaty.id}/developments`, body).catch(
              () => undefined,
            );
            if (response?.status === 201) acknowledged.push(((await response.json()) as { eventId: string }).eventId);
            else if (response && !killed) throw new Error(`Unexpected ${response.status}: ${await response.text()}`);
          }
        });
        // Kill mid-write, after this run's first acknowledged append: a fixed delay alone could end before the
        // first answer on a loaded machine, and a run without acknowledged appends proves nothing.
        const before = acknowledged.length;
        const deadline = Date.now() + 10_000;
        while (acknowledged.length === before && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
        if (acknowledged.length > before) runsKilledAfterWrites += 1;
        const metrics = await (await fetch(`${service.base}/metrics`)).text();
        commits += gauge(metrics, 'timeline_store_commits');
        committedAppends += gauge(metrics, 'timeline_store_committed_appends');
        killed = true;
        service.process.kill('SIGKILL');
        await Promise.allSettled(writers);
        if (service.process.exitCode === null && service.process.signalCode === null) {
          await new Promise((resolve) => service.process.once('exit', resolve));
        }
      }

      const db = new Sqlite(join(dataDir, 'events.db'), { readonly: true });
      const { head } = db.prepare('SELECT max(position) AS head FROM events').get() as { head: number };
      const counts = new Map(
        (
          db.prepare('SELECT event_id, count(*) AS n FROM events GROUP BY event_id').all() as {
            event_id: string;
            n: number;
          }[]
        ).map((row) => [row.event_id, row.n]),
      );
      db.close();
      // Every kill landed mid-write, after appends had been acknowledged, while writers were still sending.
      expect(runsKilledAfterWrites).toBe(RUNS);
      // The appends went through group commit: fewer commits (fsyncs) than appends.
      expect(commits).toBeGreaterThan(0);
      expect(commits).toBeLessThan(committedAppends);
      expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);

      const service = await startService(dataDir);
      try {
        const audit = { Authorization: `Bearer ${KEYS.auditor}` };
        const verified = (await (await fetch(`${service.base}/audit/verify`, { headers: audit })).json()) as {
          ok: boolean;
        };
        expect(verified).toMatchObject({ ok: true, failures: [] });
        for (const treaty of treaties) {
          const status = await fetch(`${service.base}/treaties/${treaty.id}?minPosition=${head}`);
          expect(status.status).toBe(200);
        }
        const rebuild = await fetch(`${service.base}/audit/projections/rebuild?dryRun=true`, {
          method: 'POST',
          headers: audit,
        });
        expect(await rebuild.json()).toMatchObject({ differences: [] });
      } finally {
        service.process.kill('SIGKILL');
      }
    },
    // 42-64 s in CI, where two jest workers share the 2 cores; a limit of twice that keeps a slow machine from
    // failing a test whose subject is durability, not speed.
    sized(240_000, 1_800_000),
  );
});
