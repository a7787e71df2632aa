import { createHash } from 'node:crypto';
import { readImportFile, type ImportLine, type TreatyGroup } from './import-file';
import { ProgressBar } from './progress-bar';
import { ServiceClient, type Answer } from './service-client';
import { registrationDifferences } from './registration-on-record';

export interface ImportOptions {
  readonly file: string;
  /** The running service, e.g. http://localhost:3000. */
  readonly baseUrl: string;
  /** An editor's API key. */
  readonly apiKey: string;
  /** Treaties sent at once. */
  readonly concurrency?: number;
  /** Developments per request, and bytes per request: under the service's batch limits (1,000 items, 1 MiB). */
  readonly itemsPerBatch?: number;
  readonly bytesPerBatch?: number;
  readonly progress?: NodeJS.WriteStream;
}

export interface ImportFailure {
  readonly treatyId: string;
  /** The line of the file the refused item came from, when the service named one. */
  readonly line?: number;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

export interface ImportSummary {
  readonly treaties: number;
  readonly registered: number;
  /** Developments appended by this run. */
  readonly written: number;
  /** Developments (and registrations) an earlier run had written already: answered, not appended again. */
  readonly alreadyThere: number;
  readonly failures: readonly ImportFailure[];
  /**
   * Why the run stopped before sending every treaty, when it did: a failure that every request would meet (the
   * service unreachable, the key refused), with the number of treaties it did not send.
   */
  readonly stopped?: { readonly failure: ImportFailure; readonly treatiesNotSent: number };
  /** Seconds during which the run waited for the service's rate limit (429, as its Retry-After asked). */
  readonly rateLimitedSeconds: number;
  readonly seconds: number;
}

/**
 * Imports a file of many treaties through a running service: each treaty's registration with `POST /treaties`,
 * then its developments in batches (`POST /treaties/{id}/developments:batch`), each decided and appended all or
 * nothing, so the projection, live subscribers and webhooks see the import as any other write. Every request
 * carries an Idempotency-Key derived from its content: a run started again after a failure answers what was
 * written from the service's log and appends only the rest. A refused item stops its treaty (the ones after it
 * would be decided without it) and is reported with its line; the other treaties go on. A failure that is not the
 * treaty's (the service unreachable, the key refused) stops the run: every treaty after it would fail the same way.
 * A 429 is waited out as long as the service asks: a backfill is slowed by the rate limit, never failed by it.
 */
export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  // A count that is no number (NaN) would start no worker, or never cut a batch: refused before anything is sent.
  const concurrency = wholeNumberOption(options.concurrency, 4, 'concurrency');
  const itemsPerBatch = wholeNumberOption(options.itemsPerBatch, 500, 'itemsPerBatch');
  const bytesPerBatch = wholeNumberOption(options.bytesPerBatch, 900_000, 'bytesPerBatch');
  const groups = readImportFile(options.file);
  const total = groups.reduce((sum, group) => sum + group.developments.length, 0);
  const bar = new ProgressBar(total, 'developments', options.progress);
  const tally: Tally = { registered: 0, written: 0, alreadyThere: 0, failures: [] };
  const client = new ServiceClient(options.baseUrl, options.apiKey);

  const queue = [...groups];
  let stoppedBy: ImportFailure | undefined;
  const worker = async () => {
    while (!stoppedBy) {
      const group = queue.shift();
      if (!group) return;
      const failure = await importTreaty(group, client, { itemsPerBatch, bytesPerBatch }, tally, bar);
      if (failure && stopsTheRun(failure)) stoppedBy ??= failure;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const notSent = queue.splice(0);
  bar.advance(notSent.reduce((sum, group) => sum + group.developments.length, 0));
  bar.finish();
  return {
    treaties: groups.length,
    ...tally,
    ...(stoppedBy ? { stopped: { failure: stoppedBy, treatiesNotSent: notSent.length } } : {}),
    rateLimitedSeconds: client.rateLimitedMs / 1000,
    seconds: (Date.now() - started) / 1000,
  };
}

function wholeNumberOption(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number of 1 or more, not ${value}`);
  return value;
}

interface Tally {
  registered: number;
  written: number;
  alreadyThere: number;
  failures: ImportFailure[];
}

/** A failure no treaty after it would escape: the service not answering, or the key refused. */
function stopsTheRun(failure: ImportFailure): boolean {
  return failure.status === 0 || failure.status === 401 || failure.status === 403;
}

async function importTreaty(
  group: TreatyGroup,
  client: ServiceClient,
  options: { readonly itemsPerBatch: number; readonly bytesPerBatch: number },
  tally: Tally,
  bar: ProgressBar,
): Promise<ImportFailure | undefined> {
  const { treatyId } = group;
  if (group.registration) {
    const body = group.registration.body;
    const answer = await client.post('/treaties', JSON.stringify(body), 'application/json', keyFor('register', body));
    const refused =
      answer.status === 201
        ? undefined
        : answer.body.code === 'TREATY_ALREADY_REGISTERED'
          ? await anotherTreatyOnRecord(group.registration, client)
          : failure(treatyId, answer, group.registration.line);
    if (answer.status === 201 && !answer.replayed) tally.registered += 1;
    else if (!refused) tally.alreadyThere += 1;
    else {
      tally.failures.push(refused);
      bar.advance(group.developments.length);
      return refused;
    }
  }
  const path = `/treaties/${encodeURIComponent(treatyId)}/developments:batch`;
  const batches = inBatches(group.developments, options.itemsPerBatch, options.bytesPerBatch);
  for (const [at, batch] of batches.entries()) {
    const text = batch.map((item) => JSON.stringify(item.body)).join('\n') + '\n';
    const answer = await client.post(path, text, 'application/x-ndjson', keyFor(treatyId, text));
    if (answer.status === 201) {
      if (answer.replayed) tally.alreadyThere += batch.length;
      else tally.written += batch.length;
      bar.advance(batch.length);
      continue;
    }
    const index = typeof answer.body.index === 'number' ? answer.body.index : undefined;
    const refused = failure(treatyId, answer, index === undefined ? batch[0]?.line : batch[index]?.line);
    tally.failures.push(refused);
    bar.advance(batches.slice(at).reduce((sum, rest) => sum + rest.length, 0));
    return refused;
  }
  return undefined;
}

/**
 * Why the treaty on record under a registration's id is not the file's, when it is not: an id taken by another
 * treaty must not receive the file's developments (they would be decided against that treaty's parties and
 * clauses). The same registration sent again (a rerun, or registered by hand as the file has it) is no refusal.
 */
async function anotherTreatyOnRecord(
  registration: ImportLine,
  client: ServiceClient,
): Promise<ImportFailure | undefined> {
  const { treatyId, line } = registration;
  const answer = await client.get(`/treaties/${encodeURIComponent(treatyId)}`);
  if (answer.status !== 200) return failure(treatyId, answer, line);
  const differences = registrationDifferences(registration.body, answer.body);
  if (differences.length === 0) return undefined;
  const title = typeof answer.body.title === 'string' ? ` ("${answer.body.title}")` : '';
  return {
    treatyId,
    line,
    status: 409,
    code: 'ANOTHER_TREATY_UNDER_THIS_ID',
    detail:
      `${treatyId} is registered as another treaty${title}: its ${differences.join(', ')} differ from the file's. ` +
      "None of its developments was sent; give the file's treaty another id, or correct the file",
  };
}

/** Consecutive slices of at most `items` developments and about `bytes` bytes of NDJSON. */
function inBatches(developments: readonly ImportLine[], items: number, bytes: number): ImportLine[][] {
  const batches: ImportLine[][] = [];
  let current: ImportLine[] = [];
  let size = 0;
  for (const development of developments) {
    const length = Buffer.byteLength(JSON.stringify(development.body)) + 1;
    if (current.length > 0 && (current.length >= items || size + length > bytes)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(development);
    size += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** An Idempotency-Key from what is sent: the same content in a later run is the same request. */
function keyFor(scope: string, content: unknown): string {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return `import-${createHash('sha256').update(scope).update('\n').update(text).digest('hex')}`;
}

function failure(treatyId: string, answer: Answer, line: number | undefined): ImportFailure {
  return {
    treatyId,
    ...(line !== undefined ? { line } : {}),
    status: answer.status,
    code: typeof answer.body.code === 'string' ? answer.body.code : `HTTP_${answer.status}`,
    detail: typeof answer.body.detail === 'string' ? answer.body.detail : '',
  };
}
