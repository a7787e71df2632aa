import { createHash } from 'node:crypto';
import { readImportFile, type ImportLine, type TreatyGroup } from './import-file';
import { ProgressBar } from './progress-bar';

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
  readonly seconds: number;
}

interface Answer {
  readonly status: number;
  readonly replayed: boolean;
  readonly body: Record<string, unknown>;
}

/**
 * Imports a file of many treaties through a running service: each treaty's registration with `POST /treaties`,
 * then its developments in batches (`POST /treaties/{id}/developments:batch`), each decided and appended all or
 * nothing, so the projection, live subscribers and webhooks see the import as any other write. Every request
 * carries an Idempotency-Key derived from its content: a run started again after a failure answers what was
 * written from the service's log and appends only the rest. A refused item stops its treaty (the ones after it
 * would be decided without it) and is reported with its line; the other treaties go on.
 */
export async function importFile(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const groups = readImportFile(options.file);
  const total = groups.reduce((sum, group) => sum + group.developments.length, 0);
  const bar = new ProgressBar(total, 'developments', options.progress);
  const tally = { registered: 0, written: 0, alreadyThere: 0, failures: [] as ImportFailure[] };
  const client = new ServiceClient(options.baseUrl, options.apiKey);

  const queue = [...groups];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      await importTreaty(group, client, options, tally, bar);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  bar.finish();
  return { treaties: groups.length, ...tally, seconds: (Date.now() - started) / 1000 };
}

async function importTreaty(
  group: TreatyGroup,
  client: ServiceClient,
  options: ImportOptions,
  tally: { registered: number; written: number; alreadyThere: number; failures: ImportFailure[] },
  bar: ProgressBar,
): Promise<void> {
  const { treatyId } = group;
  if (group.registration) {
    const body = group.registration.body;
    const answer = await client.post('/treaties', JSON.stringify(body), 'application/json', keyFor('register', body));
    if (answer.status === 201 && !answer.replayed) tally.registered += 1;
    else if (answer.status === 201 || answer.body.code === 'TREATY_ALREADY_REGISTERED') tally.alreadyThere += 1;
    else {
      tally.failures.push(failure(treatyId, answer, group.registration.line));
      bar.advance(group.developments.length);
      return;
    }
  }
  const path = `/treaties/${encodeURIComponent(treatyId)}/developments:batch`;
  const batches = inBatches(group.developments, options.itemsPerBatch ?? 500, options.bytesPerBatch ?? 900_000);
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
    tally.failures.push(failure(treatyId, answer, index === undefined ? batch[0]?.line : batch[index]?.line));
    bar.advance(batches.slice(at).reduce((sum, rest) => sum + rest.length, 0));
    return;
  }
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

/** The service over HTTP, waiting out a 429 or 503 (as its Retry-After asks) a few times before giving up. */
class ServiceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async post(path: string, body: string, type: string, idempotencyKey: string): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(new URL(path, this.baseUrl), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${this.apiKey}`,
            'content-type': type,
            'idempotency-key': idempotencyKey,
          },
          body,
        });
      } catch (error) {
        if (attempt < 4) {
          await sleep(500 * attempt);
          continue;
        }
        const reason =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
        return { status: 0, replayed: false, body: { code: 'SERVICE_UNREACHABLE', detail: reason } };
      }
      const answer: Answer = {
        status: response.status,
        replayed: response.headers.get('idempotent-replayed') === 'true',
        body: ((await response.json().catch(() => ({}))) ?? {}) as Record<string, unknown>,
      };
      if ((answer.status === 429 || answer.status === 503) && attempt < 4) {
        await sleep(Math.min(5, Number(response.headers.get('retry-after') ?? 1)) * 1000);
        continue;
      }
      return answer;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
