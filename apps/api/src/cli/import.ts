import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportFileError } from './import-file';
import { importFile } from './import-command';

/**
 * `npm run import -- <file> [--url <service>] [--key <editor key>] [--concurrency <treaties>]`: exit 0 when every
 * line was written (now or by an earlier run), 1 when some were refused (each named) or the run stopped (the service
 * unreachable, the key refused: the treaties not sent are counted), 2 when it could not run.
 * The service defaults to TIMELINE_URL, else http://localhost:$PORT; the key to TIMELINE_API_KEY, else the
 * editor key `npm start` generated into $TIMELINE_DATA_DIR/api-keys.
 */
const USAGE =
  'Usage: npm run import -- <file.ndjson> [--url http://localhost:3000] [--key <editor key>] [--concurrency 4]';

function editorKeyFromDataDir(): string | undefined {
  const file = join(process.env.TIMELINE_DATA_DIR ?? './data', 'api-keys');
  if (!existsSync(file)) return undefined;
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('editor:'));
  return line?.slice('editor:'.length).trim();
}

function counted(count: number, noun: 'development' | 'treaty'): string {
  return `${count} ${count === 1 ? noun : noun === 'treaty' ? 'treaties' : 'developments'}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string' }, key: { type: 'string' }, concurrency: { type: 'string' } },
  });
  const file = positionals[0];
  const apiKey = values.key ?? process.env.TIMELINE_API_KEY ?? editorKeyFromDataDir();
  if (!file || !apiKey) {
    console.error(
      file ? 'No API key: pass --key, set TIMELINE_API_KEY, or run where `npm start` wrote data/api-keys' : USAGE,
    );
    return 2;
  }
  const baseUrl = values.url ?? process.env.TIMELINE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const summary = await importFile({
    file,
    baseUrl,
    apiKey,
    concurrency: Number(values.concurrency ?? 4),
    progress: process.stderr,
  });
  console.log(
    `Imported ${counted(summary.written, 'development')} and registered ${counted(summary.registered, 'treaty')} ` +
      `(${summary.alreadyThere} already there) of ${counted(summary.treaties, 'treaty')} in ${summary.seconds.toFixed(1)} s`,
  );
  if (summary.rateLimitedSeconds > 0) {
    console.log(
      `Waited ${summary.rateLimitedSeconds.toFixed(0)} s for the service's rate limit ` +
        '(TIMELINE_RATE_LIMIT_PER_MINUTE): raise it while backfilling to import faster',
    );
  }
  for (const failure of summary.failures) {
    const where = failure.line === undefined ? '' : ` (line ${failure.line})`;
    console.error(`FAILED ${failure.treatyId}${where}: ${failure.code} ${failure.detail}`);
  }
  if (summary.stopped) {
    const { failure, treatiesNotSent } = summary.stopped;
    console.error(
      `STOPPED: ${failure.code} (every request would meet it): ${counted(treatiesNotSent, 'treaty')} not sent. ` +
        'Run again once it is mended: what was written is not written twice',
    );
  }
  return summary.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ImportFileError || error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
