import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { measureAppends, type AppendFigures } from './append-measure';
import { serveOneTask } from './child-task';

/**
 * Scenario 12's Emmett run, in a process of its own: a failure inside Emmett (it has thrown SQLITE_BUSY from a
 * promise nobody awaits) then ends this process only, and the benchmark reports it instead of losing its table.
 */
export interface EmmettPlan {
  readonly file: string;
  readonly count: number;
  readonly batches: number;
}

export type EmmettResult = { readonly version: string; readonly figures: AppendFigures } | { readonly absent: true };

interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string; schema: { autoMigration: 'CreateOrUpdate' } }): {
    appendToStream(stream: string, events: { type: string; data: unknown }[]): Promise<unknown>;
  };
}

/**
 * Emmett's SQLite event store, from the project's node_modules or from BENCH_EMMETT_DIR (a folder where it is
 * installed), or undefined. It is no dependency of the project (decision 0015).
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
  // Its package.json is not among its exports: read it beside dist/.
  const manifest = JSON.parse(readFileSync(join(dirname(dirname(entry)), 'package.json'), 'utf8')) as {
    version: string;
  };
  return { emmett: requireHere(entry) as EmmettSqlite, version: manifest.version };
}

async function run(plan: EmmettPlan): Promise<EmmettResult> {
  const loaded = loadEmmett();
  if (!loaded) return { absent: true };
  const store = loaded.emmett.getSQLiteEventStore({ fileName: plan.file, schema: { autoMigration: 'CreateOrUpdate' } });
  const [figures] = await measureAppends(
    [(stream, events) => store.appendToStream(stream, events)],
    plan.count,
    plan.batches,
  );
  return { version: loaded.version, figures };
}

serveOneTask(run);
