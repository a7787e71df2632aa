import { createPublicKey } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  checkpointIsAuthentic,
  fromExportedEvent,
  verifyLog,
  type ExportedEvent,
  type SignedCheckpoint,
} from '@timeline/audit';
import type { RecordedEvent } from '@timeline/event-store';
import { isSqliteFile, readEventFile } from '@timeline/event-store-sqlite';
import { toJsonView, toTreatyEnvelope } from '@timeline/projections';
import {
  linksFromOthers,
  resolveViewOptions,
  treatyIdFromStreamName,
  TreatyHistoryFold,
  treatyStatusView,
} from '@timeline/treaty';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const USAGE = `Usage:
  npm run audit -- verify <log> --public-key <key.pem> --checkpoint <checkpoint.json> [--checkpoint ...]
  npm run audit -- replay <log> --as-of <YYYY-MM-DD> [--treaty <id>] [--known-at <ISO timestamp>]
<log>: an export of GET /audit/log (NDJSON), or an embedded store's events.db (a copy, or a backup).
Exit codes: 0 verified / replayed, 1 verification failed, 2 usage or input error.`;

/**
 * The auditors' offline tool: needs no server, only the log (an export of `GET /audit/log`, pages concatenated, or
 * a copy of the embedded store's file) and the checkpoints and public key the auditor kept.
 */
export async function runAuditCommand(args: readonly string[], print: (line: string) => void): Promise<number> {
  const [command, file, ...options] = args;
  if ((command !== 'verify' && command !== 'replay') || !file) {
    print(USAGE);
    return EXIT.usage;
  }
  try {
    return command === 'verify' ? await verify(file, options, print) : await replay(file, options, print);
  } catch (error) {
    print(`audit ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.usage;
  }
}

async function verify(file: string, options: readonly string[], print: (line: string) => void): Promise<number> {
  const given = optionsOf(options, {
    'public-key': { type: 'string' },
    checkpoint: { type: 'string', multiple: true },
  });
  const keyFile = given['public-key'];
  const checkpointFiles = given.checkpoint ?? [];
  if (!keyFile || checkpointFiles.length === 0) throw new Error(`--public-key and --checkpoint are needed\n${USAGE}`);
  const publicKey = createPublicKey(readFileSync(keyFile));
  const checkpoints = checkpointFiles.map((path) => JSON.parse(readFileSync(path, 'utf8')) as SignedCheckpoint);
  for (const [index, checkpoint] of checkpoints.entries()) {
    if (!checkpointIsAuthentic(checkpoint, publicKey)) {
      print(JSON.stringify({ ok: false, reason: `${checkpointFiles[index]} is not a checkpoint signed by this key` }));
      return EXIT.failed;
    }
  }
  const result = await verifyLog(readLog(file), checkpoints);
  print(JSON.stringify({ ok: result.ok, checked: result.checked, failures: result.failures }, null, 2));
  return result.ok ? EXIT.ok : EXIT.failed;
}

async function replay(file: string, options: readonly string[], print: (line: string) => void): Promise<number> {
  const given = optionsOf(options, {
    'as-of': { type: 'string' },
    treaty: { type: 'string' },
    'known-at': { type: 'string' },
  });
  const { 'as-of': asOf, treaty: onlyTreaty, 'known-at': knownAt } = given;
  if (!asOf) throw new Error(`--as-of is needed\n${USAGE}`);
  // Every treaty's stream is folded, also with --treaty: what other treaties say about it (relations, statements
  // that name it) is part of its status, as the projection shows it.
  const streams = new Map<string, RecordedEvent[]>();
  for await (const event of readLog(file)) {
    const treatyId = treatyIdFromStreamName(event.streamName);
    if (treatyId === undefined) continue;
    streams.set(treatyId, [...(streams.get(treatyId) ?? []), event]);
  }
  const viewOptions = { asOf, ...(knownAt !== undefined ? { knownAt } : {}) };
  // Checked before it is used: a timestamp without its zone would be read in this machine's own.
  const knownBy = resolveViewOptions(viewOptions).knownAt?.getTime() ?? Infinity;
  const histories = [...streams.values()].flatMap((events) => {
    const fold = new TreatyHistoryFold();
    for (const envelope of events.map(toTreatyEnvelope))
      if (envelope.recordedAt.getTime() <= knownBy) fold.add(envelope);
    const history = fold.history();
    return history ? [history] : [];
  });
  if (onlyTreaty !== undefined) refuseUnknownTreaty(streams.get(onlyTreaty), onlyTreaty, knownBy);
  const links = linksFromOthers(histories);
  const treaties = [...streams.entries()]
    .filter(([treatyId]) => onlyTreaty === undefined || treatyId === onlyTreaty)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([treatyId, events]) => treatyStatusView(events.map(toTreatyEnvelope), viewOptions, links.get(treatyId)))
    .filter((view) => view !== null)
    .map(toJsonView);
  print(JSON.stringify({ asOf, treaties }, null, 2));
  return EXIT.ok;
}

/**
 * A treaty named with --treaty that the replay would leave out gets an error rather than an empty list, which an
 * auditor would take for "no such treaty ever" where the id was mistyped or --known-at came before it was recorded.
 */
function refuseUnknownTreaty(events: readonly RecordedEvent[] | undefined, treatyId: string, knownBy: number): void {
  if (events === undefined || events.length === 0) throw new Error(`the export holds no treaty "${treatyId}"`);
  const firstRecorded = events[0]!.recordedAt;
  if (firstRecorded.getTime() > knownBy) {
    throw new Error(`"${treatyId}" was first recorded at ${firstRecorded.toISOString()}, after --known-at`);
  }
}

/**
 * The log to check: an export of `GET /audit/log` (NDJSON), or an embedded store's file itself (a copy of a data
 * directory's `events.db`, or a backup), read-only, with no service running.
 */
function readLog(file: string): AsyncGenerator<RecordedEvent> {
  return isSqliteFile(firstBytesOf(file)) ? readEventFile(file) : readExport(file);
}

function firstBytesOf(file: string): Buffer {
  const bytes = Buffer.alloc(16);
  const descriptor = openSync(file, 'r');
  try {
    return bytes.subarray(0, readSync(descriptor, bytes, 0, bytes.length, 0));
  } finally {
    closeSync(descriptor);
  }
}

async function* readExport(file: string): AsyncGenerator<RecordedEvent> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      yield fromExportedEvent(JSON.parse(line) as ExportedEvent);
    } catch (error) {
      throw new Error(`${file}:${number} is not an exported event (${String(error)})`);
    }
  }
}

/**
 * The options after the log, as `node:util`'s `parseArgs` reads them strictly: an option it does not know, one
 * without its value, a stray word, or an option given twice that takes one value is a usage error, never ignored (an
 * auditor's `--treaty` with no id would otherwise replay every treaty).
 */
function optionsOf<const Options extends NonNullable<ParseArgsConfig['options']>>(
  options: readonly string[],
  config: Options,
) {
  const { values, tokens } = parseArgs({
    args: [...options],
    options: config,
    strict: true,
    allowPositionals: false,
    tokens: true,
  });
  for (const [name, option] of Object.entries(config)) {
    const times = tokens.filter((token) => token.kind === 'option' && token.name === name).length;
    if (option.multiple !== true && times > 1) {
      throw new Error(`--${name} is given ${times} times; it takes one\n${USAGE}`);
    }
  }
  return values;
}
