import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Sqlite } from '@timeline/sqlite-driver';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { fmt, latencyFigures, latencyOf, perSecond, type Row } from './stats';

/** What a run without the package prints instead: measured on this machine kind, its state at the time said. */
const RECORDED =
  'not installed; recorded 2026-12-01, 0.38.5, on a busy machine (load 11): 75 appends/s, 7,004 events/s in batches of 100; earlier (issue 14, version not noted): about 440 appends/s, 28–30k events/s';
export const EMMETT_INSTALL =
  'npm install --no-save @event-driven-io/emmett-sqlite@0.38.5 @event-driven-io/emmett@0.38.5';

interface EmmettStore {
  appendToStream(stream: string, events: { type: string; data: unknown }[]): Promise<unknown>;
}
interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string; schema: { autoMigration: 'CreateOrUpdate' } }): EmmettStore;
}

/**
 * Emmett's SQLite event store, from the project's node_modules or from BENCH_EMMETT_DIR (a folder where it is
 * installed), or undefined. It is no dependency of the project: it builds sqlite3 natively (minutes, ~70 MB), for a
 * comparison only (decision 0015).
 */
function loadEmmett(): { emmett: EmmettSqlite; version: string } | undefined {
  const name = '@event-driven-io/emmett-sqlite';
  const places = [process.cwd(), ...(process.env.BENCH_EMMETT_DIR ? [process.env.BENCH_EMMETT_DIR] : [])];
  const requireHere = createRequire(__filename);
  let entry: string;
  try {
    entry = requireHere.resolve(name, { paths: places });
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(readFileSync(join(dirname(dirname(entry)), 'package.json'), 'utf8')) as {
    version: string;
  };
  return { emmett: requireHere(entry) as EmmettSqlite, version: manifest.version };
}

type Append = (stream: string, events: ReturnType<typeof event>[]) => unknown;

const event = (index: number) => ({ id: randomUUID(), type: 'BenchHappened', data: { index, text: 'x'.repeat(200) } });

/** `count` appends of one event each over 100 streams, then `batches` of 100 events to streams of their own. */
async function measure(append: Append, count: number, batches: number) {
  const singles: number[] = [];
  let started = performance.now();
  for (let index = 0; index < count; index++) {
    const before = performance.now();
    await append(`bench-${index % 100}`, [event(index)]);
    singles.push(performance.now() - before);
  }
  const singleRate = perSecond(count, performance.now() - started);
  const batched: number[] = [];
  started = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    const before = performance.now();
    await append(
      `batch-${batch}`,
      Array.from({ length: 100 }, (_, index) => event(index)),
    );
    batched.push(performance.now() - before);
  }
  const batchRate = perSecond(batches * 100, performance.now() - started);
  return { singleRate, singles: latencyOf(singles), batchRate, batches: latencyOf(batched) };
}

/** Raw better-sqlite3 with our durability (WAL, synchronous FULL), one transaction per append: the limit. */
function rawAppend(file: string): { append: Append; close: () => void } {
  const raw = new Sqlite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(
    'CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE, stream TEXT, revision INTEGER, type TEXT, data TEXT, UNIQUE (stream, revision))',
  );
  const insert = raw.prepare('INSERT INTO events (event_id, stream, revision, type, data) VALUES (?, ?, ?, ?, ?)');
  const revisions = new Map<string, number>();
  const append = (stream: string, events: ReturnType<typeof event>[]) =>
    raw
      .transaction(() => {
        for (const next of events) {
          const revision = (revisions.get(stream) ?? -1) + 1;
          revisions.set(stream, revision);
          insert.run(next.id, stream, revision, next.type, JSON.stringify(next.data));
        }
      })
      .immediate();
  return { append, close: () => raw.close() };
}

/**
 * Scenario 12: the store a TypeScript user would pick instead, Emmett's SQLite event store, beside ours and raw
 * better-sqlite3, in one run: single appends and batches of 100, each against the raw limit. Without the package,
 * its recorded figures and the command that installs it.
 */
export async function emmettBench(directory: string, count: number, batches: number): Promise<Row[]> {
  const store = new SqliteEventStore({ file: join(directory, 'peer-ours.db') });
  const ours = await measure((stream, events) => store.appendToStream(stream, events), count, batches);
  await store.close();
  const raw = rawAppend(join(directory, 'peer-raw.db'));
  const limit = await measure(raw.append, count, batches);
  raw.close();
  const loaded = loadEmmett();
  const peerStore = loaded?.emmett.getSQLiteEventStore({
    fileName: join(directory, 'peer-emmett.db'),
    schema: { autoMigration: 'CreateOrUpdate' },
  });
  const peer =
    peerStore && (await measure((stream, events) => peerStore.appendToStream(stream, events), count, batches));
  type Measured = typeof ours;
  const row = (scenario: string, subject: string, result: Measured, batched: boolean, ratio = true): Row => ({
    scenario,
    subject,
    figures: batched
      ? `${fmt(result.batchRate)} events/s, per batch ${latencyFigures(result.batches)}`
      : `${fmt(result.singleRate)} events/s, ${latencyFigures(result.singles)}`,
    ...(ratio
      ? {
          ratio: (batched ? result.batchRate / limit.batchRate : result.singleRate / limit.singleRate).toFixed(2),
        }
      : {}),
  });
  const emmett = (batched: boolean): Row =>
    peer && loaded
      ? row('', `Emmett SQLite ${loaded.version}`, peer, batched)
      : { scenario: '', subject: 'Emmett SQLite', figures: batched ? EMMETT_INSTALL : RECORDED };
  return [
    row('12. vs Emmett, 1 event', 'embedded store', ours, false),
    emmett(false),
    row('', 'raw better-sqlite3 (limit)', limit, false, false),
    row('12. vs Emmett, 100 events', 'embedded store', ours, true),
    emmett(true),
    row('', 'raw, one transaction (limit)', limit, true, false),
  ];
}
