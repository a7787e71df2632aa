import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { createEventStore } from '../event-store/create-event-store';
import { dryRunExitCode, rebuildProjections } from '../read-models/rebuild-projections';

/**
 * `npm run projections:rebuild [-- --dry-run]`: rebuilds the read models from the whole log beside the live ones
 * and promotes them (a running service switches within a second). With --dry-run, reports the differences from
 * the live read models instead. Exit codes: 0 done (dry run: no difference), 1 differences found (or a live read
 * model of another version, which cannot be compared), 2 failure.
 */
async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const config = loadConfig(process.env);
  const store = createEventStore(config.store);
  try {
    const report = await rebuildProjections(store, config, { dryRun });
    const rate = report.milliseconds > 0 ? Math.round((report.events * 1000) / report.milliseconds) : report.events;
    const threads = report.parts === 1 ? 'one thread' : `${report.parts} threads`;
    console.log(
      `Replayed ${report.events} events in ${report.milliseconds} ms (${rate} events/s, ${threads}) into ${report.file}`,
    );
    console.log(report.promoted ? 'Promoted: the rebuilt read models are now live.' : 'Dry run: nothing promoted.');
    if (report.liveVersion !== undefined) {
      console.log(
        `The live read model is version ${report.liveVersion}, which this build does not read: not compared ` +
          '(run without --dry-run to replace it).',
      );
    } else {
      console.log(`Differences from the live read models: ${report.differences.length}`);
    }
    for (const difference of report.differences) console.log(JSON.stringify(difference));
    return dryRun ? dryRunExitCode(report) : 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
