import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { signCheckpoint, verifyLog, type SignedCheckpoint } from '@timeline/audit';
import { InMemoryEventStore, type EventStore, type ReadStreamOptions } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { CHECKPOINT_STREAM, IssuedCheckpoints, readCheckpointsCopy } from './issued-checkpoints';

// Two replicas (or two requests of one) that find the log moved at the same instant each sign a checkpoint of it:
// one is recorded, and the other answers it (decision 0059).
describe('IssuedCheckpoints.record', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

  /** Two replicas sharing one store, each with its own data directory. */
  function replicas() {
    const store = new InMemoryEventStore();
    const root = mkdtempSync(join(tmpdir(), 'timeline-issued-'));
    roots.push(root);
    // The data directory exists once the service runs (it holds the key, the read model...).
    const replica = (name: string) => {
      const dir = join(root, name);
      mkdirSync(dir);
      return { dir, issued: new IssuedCheckpoints(dir, store, publicKey) };
    };
    return { store, a: replica('a'), b: replica('b') };
  }
  const recorded = async (store: InMemoryEventStore) =>
    (await collect(store.readStream(CHECKPOINT_STREAM))).map((event) => event.data as unknown as SignedCheckpoint);
  /** A checkpoint of the log up to `position`, signed at `at` ms: two replicas sign the same log at other instants. */
  const signed = (position: bigint, at: number) => signCheckpoint(position, new Map(), new Date(at), privateKey);

  it('answers the checkpoint another replica recorded meanwhile over the same log, and records none of its own', async () => {
    const { store, a, b } = replicas();
    const first = signed(5n, 1_000);
    const second = signed(5n, 2_000);
    expect(second.signature).not.toBe(first.signature);
    expect(await a.issued.record(first, 5n)).toEqual(first);
    // B signed before A's was recorded (both found the log at 5 past the latest checkpoint), and records after.
    expect(await b.issued.record(second, 5n)).toEqual(first);
    expect(await recorded(store)).toEqual([first]);
    // Nor kept in B's own copies: it was never answered.
    expect(existsSync(join(b.dir, 'audit-checkpoints.ndjson'))).toBe(false);
  });

  it('records one checkpoint for two replicas racing over the same log', async () => {
    const { store, a, b } = replicas();
    const answers = await Promise.all([a.issued.record(signed(7n, 1_000), 7n), b.issued.record(signed(7n, 2_000), 7n)]);
    expect(answers[1]).toEqual(answers[0]);
    expect(await recorded(store)).toEqual([answers[0]]);
  });

  it('records its own once the log has moved past the one recorded, chained after it', async () => {
    const { store, a, b } = replicas();
    const first = signed(5n, 1_000);
    await a.issued.record(first, 5n);
    const later = signed(9n, 2_000);
    expect(await b.issued.record(later, 9n)).toEqual(later);
    expect(await recorded(store)).toEqual([first, later]);
    expect(readFileSync(join(b.dir, 'audit-checkpoints.ndjson'), 'utf8')).toBe(`${JSON.stringify(later)}\n`);
  });
});

// Each checkpoint lists every stream's head: reading every one ever issued at each request grew with their number
// (decision 0071). The stream and the local copy are read on from where the last read stopped.
describe('IssuedCheckpoints.all', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));
  const signed = (position: bigint, at: number) => signCheckpoint(position, new Map(), new Date(at), privateKey);

  it('reads on: finds what another replica recorded since and its own copies; a copy altered once read only when read again', async () => {
    const store = new InMemoryEventStore();
    const root = mkdtempSync(join(tmpdir(), 'timeline-issued-'));
    roots.push(root);
    let altered = false;
    // The same store, whose checkpoint events read altered (their position moved) once `altered` is set.
    const seen: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: async function* (name: string, options?: ReadStreamOptions) {
        for await (const event of store.readStream(name, options)) {
          yield altered ? { ...event, data: { ...event.data, position: '4' } } : event;
        }
      },
    });
    const a = new IssuedCheckpoints(root, seen, publicKey);
    const b = new IssuedCheckpoints(join(root, 'b'), store, publicKey);
    mkdirSync(join(root, 'b'));
    expect(await a.all()).toEqual({ checkpoints: [], failures: [] });

    const first = signed(5n, 1_000);
    await b.record(first, 5n);
    // Two reads at once (a HEAD beside a GET) read the same event: it is taken in once.
    const [one, other] = await Promise.all([a.all(), a.all()]);
    expect([one, other]).toEqual([
      { checkpoints: [first], failures: [] },
      { checkpoints: [first], failures: [] },
    ]);
    const own = signed(8n, 2_000);
    expect(await a.record(own, 8n)).toEqual(own);
    expect(await a.all()).toEqual({ checkpoints: [first, own], failures: [] });

    altered = true;
    expect(await a.all()).toEqual({ checkpoints: [first, own], failures: [] });
    const reread = await a.all({ reread: true });
    // B's is gone (it no longer verifies); A's own stands in from its local copy.
    expect(reread.checkpoints).toEqual([own]);
    expect(reread.failures.map((failure) => failure.reason)).toEqual([
      expect.stringContaining('does not verify under the key it names'),
      expect.stringContaining('does not verify under the key it names'),
    ]);
  });
});

// What was read is remembered: a stream that lost its end meanwhile (a store restored from a backup) must not be
// chained to an event that is no longer there, nor a local copy replaced read from the middle of a line.
describe('IssuedCheckpoints after the store or the local copy changed beneath it', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));
  const signed = (position: bigint, at: number) => signCheckpoint(position, new Map(), new Date(at), privateKey);
  const directory = () => {
    const root = mkdtempSync(join(tmpdir(), 'timeline-issued-'));
    roots.push(root);
    return root;
  };

  it('records a checkpoint on a stream that lost its last event, chained to what is there', async () => {
    const before = new InMemoryEventStore();
    let store = before;
    // One store object whose contents are replaced, as a restore from a backup taken earlier would.
    const restorable = new Proxy({} as EventStore, {
      get: (_, name) => {
        const member: unknown = Reflect.get(store, name);
        return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(store) : member;
      },
    });
    const issued = new IssuedCheckpoints(directory(), restorable, publicKey);
    const first = signed(5n, 1_000);
    await issued.record(first, 5n);
    expect(await issued.latest()).toEqual(first);
    store = new InMemoryEventStore();
    const next = signed(3n, 2_000);
    expect(await issued.record(next, 3n)).toEqual(next);
    const events = await collect(store.readStream(CHECKPOINT_STREAM));
    expect(events.map((event) => [event.revision, event.data])).toEqual([[0n, next]]);
    expect((await verifyLog(events)).ok).toBe(true);
  });

  it('reads a local copy replaced by a longer one whole, and one removed as none', async () => {
    const root = directory();
    const issued = new IssuedCheckpoints(root, new InMemoryEventStore(), publicKey);
    const file = join(root, 'audit-checkpoints.ndjson');
    const [a, b, c] = [signed(1n, 1_000), signed(2n, 2_000), signed(3n, 3_000)];
    writeFileSync(file, `${JSON.stringify(a)}\n`);
    expect((await issued.all()).checkpoints).toEqual([a]);
    writeFileSync(file, `${JSON.stringify(b)}\n${JSON.stringify(c)}\n`);
    expect((await issued.all()).checkpoints).toEqual([b, c]);
    rmSync(file);
    expect((await issued.all()).checkpoints).toEqual([]);
  });
});

// The restore holds the file's size against a later read to find a checkpoint issued meanwhile: the size must be
// the one its checkpoints were read at, a torn last line included, not a second look at the file.
describe('readCheckpointsCopy', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-checkpoints-copy-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says how many bytes it read: whole lines and a torn last one', () => {
    const file = join(root, 'audit-checkpoints.ndjson');
    const line = `${JSON.stringify({ position: '3', hash: 'h', issuedAt: '2026-12-05T00:00:00.000Z' })}\n`;
    writeFileSync(file, `${line}{"position":"4","ha`);
    const read = readCheckpointsCopy(file);
    expect(read).toMatchObject({ unterminated: 19, bytes: Buffer.byteLength(line) + 19 });
    expect(read.checkpoints).toHaveLength(1);
    expect(readCheckpointsCopy(join(root, 'none.ndjson'))).toEqual({ checkpoints: [], unterminated: 0, bytes: 0 });
  });
});
