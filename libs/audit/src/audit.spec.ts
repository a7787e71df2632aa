import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@timeline/event-store';
import { verifyLog } from './audit-log-reader';
import { checkpointIsAuthentic, signCheckpoint } from './checkpoint';
import { sealEvent } from './event-integrity';
import { LogVerifier } from './log-verifier';
import { RECORDED_TIME_TOLERANCE_MS } from './recorded-time';
import { sealedLog } from './testing/sealed-log';

const keys = () => generateKeyPairSync('ed25519');

describe('verifyLog', () => {
  it('verifies an untouched log clean', async () => {
    const result = await verifyLog(sealedLog());
    expect(result).toMatchObject({ ok: true, checked: 8, failures: [] });
  });

  it('names an event whose content changed by one character', async () => {
    const log = sealedLog();
    log[4] = { ...log[4]!, data: { ...log[4]!.data, text: 'Меджлис “ratifiet”' } };
    const result = await verifyLog(log);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({ eventId: log[4].id, reason: expect.stringContaining('altered') }),
    ]);
  });

  it('names an event placed before one the log wrote earlier, though each stream stays in order', async () => {
    const log = sealedLog();
    // Two events of different streams swapped, their positions kept: each stream's chain still holds.
    [log[2], log[3]] = [log[3]!, log[2]!];
    const result = await verifyLog(log);
    expect(result.ok).toBe(false);
    expect(result.contentIntact).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({
        eventId: log[3].id,
        reason: `its position ${log[3].position} is not after the previous event's, ${log[2].position}: the log's order was changed`,
      }),
    ]);
  });

  it('names an event whose recorded time lies too far from its sealing time, either way, and only that one', async () => {
    const log = sealedLog();
    const shifted = (event: RecordedEvent, by: number): RecordedEvent => ({
      ...event,
      recordedAt: new Date(event.recordedAt.getTime() + by),
    });
    log[2] = shifted(log[2]!, -RECORDED_TIME_TOLERANCE_MS - 1000);
    log[5] = shifted(log[5]!, 3 * 60 * 60 * 1000);
    log[6] = shifted(log[6]!, RECORDED_TIME_TOLERANCE_MS - 1000);
    const result = await verifyLog(log);
    expect(result.ok).toBe(false);
    expect(result.contentIntact).toBe(true);
    expect(result.failures).toEqual([
      expect.objectContaining({
        eventId: log[2].id,
        reason: expect.stringMatching(/recorded time .* 5 minutes before/),
      }),
      expect.objectContaining({ eventId: log[5].id, reason: expect.stringMatching(/recorded time .* 3 hours after/) }),
    ]);
  });

  it('names an event whose recorded time is not a time and verifies the rest of the log', async () => {
    const log = sealedLog();
    log[2] = { ...log[2]!, recordedAt: new Date('a month ago') };
    const result = await verifyLog(log);
    expect(result.checked).toBe(log.length);
    expect(result.failures).toEqual([
      expect.objectContaining({ eventId: log[2].id, reason: 'its recorded time is not a time' }),
    ]);
  });

  it('finds the content intact only while every failure is a recorded time, past the failures it lists too', async () => {
    const log = sealedLog();
    log[1] = { ...log[1]!, recordedAt: new Date(0) };
    expect((await verifyLog(log)).contentIntact).toBe(true);
    log[7] = { ...log[7]!, data: { ...log[7]!.data, text: 'altered' } };
    expect((await verifyLog(log)).contentIntact).toBe(false);
    const verifier = new LogVerifier(1);
    log.forEach((event) => verifier.add(event));
    expect(verifier.result().failures).toHaveLength(1);
    expect(verifier.contentIntact).toBe(false);
  });

  it('holds the sealing time under the hash', async () => {
    const log = sealedLog();
    const later = new Date(log[3]!.recordedAt.getTime() + 1000).toISOString();
    log[3] = { ...log[3]!, metadata: { ...log[3]!.metadata, sealedAt: later } };
    expect((await verifyLog(log)).failures).toEqual([
      expect.objectContaining({ eventId: log[3].id, reason: expect.stringContaining('altered') }),
    ]);
  });

  it('names the event after one that was removed, and events that were reordered', async () => {
    const log = sealedLog();
    const removed = log.filter((_, index) => index !== 2);
    const afterRemoved = await verifyLog(removed);
    expect(afterRemoved.failures.map((failure) => failure.eventId)).toContain(log[4]!.id);

    const reordered = [...log];
    [reordered[1], reordered[2]] = [reordered[2]!, reordered[1]!];
    const result = await verifyLog(reordered);
    expect(result.ok).toBe(false);
    expect(result.failures.map((failure) => failure.eventId)).toEqual(expect.arrayContaining([log[1]!.id, log[2]!.id]));
  });

  it('finds an event removed from the end of a stream only against a checkpoint taken before', async () => {
    const log = sealedLog();
    const { privateKey } = keys();
    const before = await verifyLog(log);
    const checkpoint = signCheckpoint(before.lastPosition!, before.heads, new Date(), privateKey);
    const truncated = log.slice(0, -1);
    expect((await verifyLog(truncated)).ok).toBe(true);
    const result = await verifyLog(truncated, [checkpoint]);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({ stream: log[7]!.streamName, revision: log[7]!.revision.toString() }),
    ]);
  });

  it('says when the log ends before a checkpoint: removed from its end, or an export taken before the checkpoint', async () => {
    const log = sealedLog();
    const { privateKey } = keys();
    const whole = await verifyLog(log);
    const checkpoint = signCheckpoint(whole.lastPosition!, whole.heads, new Date(), privateKey);
    const exportedEarlier = log.slice(0, -1);
    const result = await verifyLog(exportedEarlier, [checkpoint]);
    // Still a failure (an auditor cannot tell the two apart from the export alone), but not one that claims the
    // log shows another head: it names where the log ends and what to do about an export taken too early.
    expect(result.ok).toBe(false);
    const ends = `the log ends at position ${exportedEarlier.at(-1)!.position}, before the checkpoint's position ${checkpoint.position}`;
    expect(result.failures).toEqual([expect.objectContaining({ stream: log[7]!.streamName })]);
    expect(result.failures[0]!.reason).toContain(ends);
    expect(result.failures[0]!.reason).toContain('export the log again after fetching the checkpoint');
    expect(result.failures[0]!.reason).not.toContain('the log now shows');
  });

  it('names an event placed after a checkpoint that claims to have been recorded before it was issued', async () => {
    // A forger of an export adds a treaty after the last checkpoint, sealed and recorded a year earlier, so that a
    // replay --known-at that year shows it known then. Its hashes and chain are as good as any: only the checkpoint,
    // which it could not have escaped had it been recorded then, gives it away.
    const log = sealedLog();
    const { privateKey } = keys();
    const checkpoint = signCheckpoint(log.at(-1)!.position, (await verifyLog(log)).heads, new Date(), privateKey);
    const appended = (at: Date, position: bigint): RecordedEvent => {
      const sealed = sealEvent(
        { id: randomUUID(), type: 'TreatyRegistered', data: { treatyId: 'forged' }, metadata: { actor: 'editor:1' } },
        'treaty-forged',
        0n,
        null,
        at,
      );
      return {
        ...sealed,
        metadata: sealed.metadata!,
        streamName: 'treaty-forged',
        revision: 0n,
        position,
        recordedAt: at,
      };
    };
    const aYearAgo = new Date(Date.now() - 365 * 24 * 60 * 60 * 1000);
    const forged = appended(aYearAgo, log.at(-1)!.position + 1n);
    const result = await verifyLog([...log, forged], [checkpoint]);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({ eventId: forged.id, reason: expect.stringContaining('backdated') }),
    ]);

    // Recorded after the checkpoint, within the clocks' tolerance of it, or with no checkpoint to hold it against:
    // nothing to say.
    const later = appended(new Date(Date.now() - RECORDED_TIME_TOLERANCE_MS + 5000), log.at(-1)!.position + 1n);
    expect((await verifyLog([...log, later], [checkpoint])).ok).toBe(true);
    expect((await verifyLog([...log, forged])).ok).toBe(true);
  });
});

describe('signed checkpoints', () => {
  it('are authentic under their key and not under another, nor once altered', async () => {
    const { privateKey, publicKey } = keys();
    const verified = await verifyLog(sealedLog());
    const checkpoint = signCheckpoint(
      verified.lastPosition!,
      verified.heads,
      new Date('2026-01-01T00:00:00Z'),
      privateKey,
    );
    expect(checkpointIsAuthentic(checkpoint, publicKey)).toBe(true);
    expect(checkpointIsAuthentic(checkpoint, keys().publicKey)).toBe(false);
    expect(checkpointIsAuthentic({ ...checkpoint, position: '9' }, publicKey)).toBe(false);
    const heads = checkpoint.heads.map((head, index) => (index === 0 ? { ...head, revision: '0' } : head));
    expect(checkpointIsAuthentic({ ...checkpoint, heads }, publicKey)).toBe(false);
  });
});
