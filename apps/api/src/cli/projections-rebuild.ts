import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ReadModelFiles } from '@timeline/projections';
import { loadConfig, type AppConfig } from '../config/app-config';
import { createEventStore } from '../event-store/create-event-store';
import { stopRebuildWorkers } from '../read-models/parts-in-worker-threads';
import { abandonRebuildsInProgress } from '../read-models/rebuild-leftovers';
import { dryRunExitCode, rebuildProjections, type RebuildReport } from '../read-models/rebuild-projections';

/** Set by SIGINT or SIGTERM: the handler removes what the rebuild wrote and exits. */
let interrupted = false;

/**
 * `npm run projections:rebuild [-- --dry-run]`: rebuilds the read models from the whole log beside the live ones
 * and promotes them (a running service switches within a second). With --dry-run, reports the differences from
 * the live read models instead. Exit codes: 0 done (dry run: no difference), 1 differences found (or a live read
 * model of another version, or one that cannot be read: neither can be compared), 2 failure (or no event log in
 * the data folder, or an unknown option: nothing done). Interrupted (SIGINT, SIGTERM), it removes what it wrote.
 */
async function main(): Promise<number> {
  let dryRun: boolean;
  try {
    dryRun = parseArgs({ options: { 'dry-run': { type: 'boolean' } } }).values['dry-run'] === true;
  } catch (error) {
    // A misspelt --dry-run must not promote.
    console.error(`${(error as Error).message}\nUsage: npm run projections:rebuild [-- --dry-run]`);
    return 2;
  }
  const config = loadConfig(process.env);
  const missing = missingEventLog(config);
  if (missing) {
    console.error(missing);
    return 2;
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // The rebuild then fails in its own way (its workers gone): this exit, not that failure's, ends the process.
      interrupted = true;
      void stopRebuildWorkers()
        .catch(() => undefined)
        .finally(() => {
          abandonRebuildsInProgress(new ReadModelFiles(config.dataDir).current());
          process.exit(signal === 'SIGINT' ? 130 : 143);
        });
    });
  }
  const store = createEventStore(config.store);
  try {
    const report = await rebuildProjections(store, config, { dryRun });
    if (report.removedLeftovers.length > 0) {
      console.log(`Removed files of interrupted rebuilds: ${report.removedLeftovers.join(', ')}`);
    }
    const rate = report.milliseconds > 0 ? Math.round((report.events * 1000) / report.milliseconds) : report.events;
    const threads = report.parts === 1 ? 'one thread' : `${report.parts} threads`;
    console.log(
      `Replayed ${report.events} events in ${report.milliseconds} ms (${rate} events/s, ${threads}) into ${report.file}`,
    );
    console.log(report.promoted ? 'Promoted: the rebuilt read models are now live.' : 'Dry run: nothing promoted.');
    console.log(comparison(report));
    for (const difference of report.differences) console.log(JSON.stringify(difference));
    return dryRun ? dryRunExitCode(report) : 0;
  } finally {
    await store.close();
  }
}

/**
 * Why there is nothing to rebuild from: a data folder without the embedded log (a mistyped TIMELINE_DATA_DIR).
 * Opening the store would create the folder and an empty log, and the rebuild would promote an empty read model
 * there. On EventStoreDB the folder holds only the read models, and may be new.
 */
function missingEventLog(config: AppConfig): string | undefined {
  if (config.store.kind !== 'embedded' || existsSync(config.store.file)) return undefined;
  return (
    `No event log at ${config.store.file}: TIMELINE_DATA_DIR (${config.dataDir}) is not this service's data ` +
    'folder. Nothing was rebuilt or created'
  );
}

function comparison(report: RebuildReport): string {
  const outcome = report.promoted ? 'the rebuilt one replaced it' : 'run without --dry-run to replace it';
  if (report.liveUnreadable) {
    const { file, reason } = report.liveUnreadable;
    return `The live read model ${file} cannot be read (${reason}): not compared; ${outcome}.`;
  }
  if (report.liveVersion !== undefined) {
    return (
      `The live read model is version ${report.liveVersion}, which this build does not read: not compared; ` +
      `${outcome}.`
    );
  }
  return `Differences from the live read models: ${report.differences.length}`;
}

main().then(
  (code) => {
    if (!interrupted) process.exit(code);
  },
  (error: unknown) => {
    if (interrupted) return;
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
