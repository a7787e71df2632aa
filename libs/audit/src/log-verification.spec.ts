import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { InvalidPositionError, type RecordedEvent } from '@timeline/event-store';
import { verifyLog } from './audit-log-reader';
import { signCheckpoint, toCheckpointHeads } from './checkpoint';
import { LogVerification } from './log-verification';
import { sealedLog } from './testing/sealed-log';

/** The store's read from a position: that event first (as `readAll({ fromPosition })` reads). */
async function* from(log: readonly RecordedEvent[], position: bigint): AsyncGenerator<RecordedEvent> {
  if (!log.some((event) => event.position === position)) throw new InvalidPositionError(position);
  for (const event of log) if (event.position >= position) yield event;
}

async function verified(events: readonly RecordedEvent[]): Promise<LogVerification> {
  const verification = new LogVerification();
  await verification.read(events);
  return verification;
}

const { privateKey } = generateKeyPairSync('ed25519');
const altered = (event: RecordedEvent): RecordedEvent => ({ ...event, data: { ...event.data, text: 'altered' } });

describe('LogVerification, taken further as the log grows (decision 0071)', () => {
  it('finds over the events appended what a whole pass over the longer log finds', async () => {
    const log = sealedLog(12);
    const verification = await verified(log.slice(0, 7));
    const extended = await verification.extend(from(log, verification.lastPosition!), []);
    expect(extended).toBe(true);
    const whole = await verifyLog(log);
    expect(verification.result()).toEqual(whole);
    expect(whole).toMatchObject({ ok: true, checked: 12, lastPosition: 12n });
  });

  it('verifies the appended events: one altered is named', async () => {
    const log = sealedLog(12);
    const verification = await verified(log.slice(0, 7));
    const tampered = [...log.slice(0, 9), altered(log[9]!), ...log.slice(10)];
    expect(await verification.extend(from(tampered, 7n), [])).toBe(true);
    expect(verification.result().failures).toEqual([
      expect.objectContaining({ eventId: log[9]!.id, reason: expect.stringContaining('altered') }),
    ]);
    expect(verification.result()).toEqual(await verifyLog(tampered));
  });

  it('compares a checkpoint issued at its end, and holds the events after it to the time it was issued', async () => {
    const log = sealedLog(10);
    const verification = await verified(log.slice(0, 6));
    const atItsEnd = signCheckpoint(6n, verification.result().heads, new Date(), privateKey);
    // An event after the checkpoint that says it was recorded a day before the checkpoint was issued.
    const backdated = { ...log[7]!, recordedAt: new Date(Date.now() - 24 * 60 * 60 * 1000) };
    const later = [...log.slice(0, 7), backdated, ...log.slice(8)];
    expect(await verification.extend(from(later, 6n), [atItsEnd])).toBe(true);
    expect(verification.result().failures).toContainEqual(
      expect.objectContaining({ eventId: log[7]!.id, reason: expect.stringContaining('backdated') }),
    );
    expect(verification.result()).toEqual(await verifyLog(later, [atItsEnd]));
  });

  it('is not taken further, reading nothing past the first event, where a whole pass is needed', async () => {
    const log = sealedLog(10);
    const cannot = async (verification: LogVerification, events: AsyncIterable<RecordedEvent>, checkpoints = []) => {
      const before = verification.result();
      expect(await verification.extend(events, checkpoints)).toBe(false);
      expect(verification.result()).toEqual(before);
    };
    // Its last event is no longer at its position, or its position is no longer an event's.
    await cannot(await verified(log.slice(0, 5)), from([...log.slice(0, 4), { ...log[4]!, id: 'another' }], 5n));
    await cannot(await verified(log.slice(0, 5)), from(log.slice(0, 4), 5n));
    await cannot(await verified(log.slice(0, 5)), from([...log.slice(0, 4), ...log.slice(5)], 5n));
    // A checkpoint issued at a position it has passed: the heads it would be compared with are gone.
    const early = await verifyLog(log.slice(0, 3));
    const passed = signCheckpoint(3n, early.heads, new Date(), privateKey);
    const verification = await verified(log.slice(0, 5));
    expect(await verification.extend(from(log, 5n), [passed] as never)).toBe(false);
    // A verification that found the log's content failing: a whole pass says what is wrong now.
    const failed = await verified([...log.slice(0, 4), altered(log[4]!)]);
    expect(await failed.extend(from(log, 5n), [])).toBe(false);
  });

  it("compares every copy of a checkpoint, also one that keeps the true one's signature over other heads", async () => {
    // The log was rewritten after the checkpoint was signed (its heads no longer match), and the log's copy of the
    // checkpoint rewritten to match it, naming another key so that it is not authenticated, its signature kept: the
    // service's own copy, with the same signature, must still be compared, and fail.
    const log = sealedLog(10);
    const verification = await verified(log.slice(0, 6));
    const heads = new Map(verification.result().heads);
    const [stream, head] = [...heads][0]!;
    const signedHeads = new Map([...heads, [stream, { ...head, hash: 'f'.repeat(64) }]]);
    const genuine = signCheckpoint(6n, signedHeads, new Date(), privateKey);
    const forged = { ...genuine, heads: toCheckpointHeads(heads), keyFingerprint: '0'.repeat(64) };
    expect(await verification.extend(from(log, 6n), [forged, genuine])).toBe(true);
    expect(verification.result().failures).toEqual([
      expect.objectContaining({ stream, reason: expect.stringContaining('the checkpoint at position 6 recorded') }),
    ]);
    expect(verification.result().failures).toEqual((await verifyLog(log, [forged, genuine])).failures);
  });

  it('does not read again what it verified: an event altered since is found by the next whole pass only', async () => {
    const log = sealedLog(10);
    const verification = await verified(log.slice(0, 6));
    const alteredSince = [altered(log[0]!), ...log.slice(1)];
    expect(await verification.extend(from(alteredSince, 6n), [])).toBe(true);
    expect(verification.result().ok).toBe(true);
    expect((await verifyLog(alteredSince)).failures).toEqual([expect.objectContaining({ eventId: log[0]!.id })]);
  });
});
