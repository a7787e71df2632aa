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

/** Treaties sent at once: more only queue at the service's rate limit and its one writer per treaty. */
const MAX_CONCURRENCY = 64;

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

/** Thrown for what was typed wrong: printed with the usage, exit 2, before anything is read or sent. */
class UsageError extends Error {}

/** A whole number from 1 to `max`, or a usage error naming where it came from (`Number('abc')` is NaN: no workers). */
function wholeNumber(value: string, name: string, max: number): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(number >= 1 && number <= max))
    throw new UsageError(`${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return number;
}

/** The service's address: an http(s) URL, or a usage error naming where it came from. */
function serviceUrl(value: string, name: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(
      `${name} must be the service's http(s) address, such as http://localhost:3000, not "${value}"`,
    );
  }
  return value;
}

function baseUrlFrom(url: string | undefined): string {
  if (url !== undefined) return serviceUrl(url, '--url');
  if (process.env.TIMELINE_URL !== undefined) return serviceUrl(process.env.TIMELINE_URL, 'TIMELINE_URL');
  const port = process.env.PORT === undefined ? 3000 : wholeNumber(process.env.PORT, 'PORT', 65_535);
  return `http://localhost:${port}`;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { url: { type: 'string' }, key: { type: 'string' }, concurrency: { type: 'string' } },
    });
  } catch (error) {
    // An unknown option, or one without its value: parseArgs names it.
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const concurrency = wholeNumber(values.concurrency ?? '4', '--concurrency', MAX_CONCURRENCY);
  const baseUrl = baseUrlFrom(values.url);
  if (positionals.length > 1) throw new UsageError(`one file at a time, not ${positionals.length}`);
  const file = positionals[0];
  const apiKey = values.key ?? process.env.TIMELINE_API_KEY ?? editorKeyFromDataDir();
  if (!file || !apiKey) {
    console.error(
      file ? 'No API key: pass --key, set TIMELINE_API_KEY, or run where `npm start` wrote data/api-keys' : USAGE,
    );
    return 2;
  }
  const summary = await importFile({
    file,
    baseUrl,
    apiKey,
    concurrency,
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
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error(error instanceof ImportFileError || error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
