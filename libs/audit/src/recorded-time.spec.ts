import { describe, expect, it } from '@jest/globals';
import type { JsonObject, JsonValue } from '@timeline/event-store';
import { RECORDED_TIME_TOLERANCE_MS, recordedTimeProblem, sealedTimeOf } from './recorded-time';

const SEALED = new Date('2026-03-01T10:00:00.000Z');
const at = (offset: number) => new Date(SEALED.getTime() + offset);
const event = (recordedAt: Date, sealedAt: JsonValue = SEALED.toISOString()) => ({
  metadata: { actor: 'editor:1', sealedAt } as JsonObject,
  recordedAt,
});
const unsealed = (recordedAt: Date) => ({ metadata: { actor: 'editor:1' } as JsonObject, recordedAt });

describe('recordedTimeProblem', () => {
  it('believes a recorded time within the tolerance of the sealing time, on either side', () => {
    expect(recordedTimeProblem(event(at(0)))).toBeUndefined();
    expect(recordedTimeProblem(event(at(RECORDED_TIME_TOLERANCE_MS)))).toBeUndefined();
    expect(recordedTimeProblem(event(at(-RECORDED_TIME_TOLERANCE_MS)))).toBeUndefined();
  });

  it('names a recorded time past the tolerance, by how much and which way', () => {
    expect(recordedTimeProblem(event(at(RECORDED_TIME_TOLERANCE_MS + 1)))).toBe(
      'its recorded time 2026-03-01T10:05:00.001Z is 5 minutes after the time it was sealed ' +
        "(2026-03-01T10:00:00.000Z): the recorded time was altered, or the store's clock and the writer's disagree",
    );
    expect(recordedTimeProblem(event(at(-2 * 24 * 60 * 60 * 1000)))).toContain('is 48 hours before the time');
  });

  it('has nothing to hold an event sealed without a time against, and refuses a sealing time that is none', () => {
    expect(recordedTimeProblem(unsealed(new Date(0)))).toBeUndefined();
    expect(sealedTimeOf(unsealed(new Date(0)))).toBeUndefined();
    expect(sealedTimeOf(event(at(0)))).toEqual(SEALED);
    expect(recordedTimeProblem(event(at(0), 'yesterday'))).toBe('its sealing time is not a time');
    expect(recordedTimeProblem(event(at(0), 42))).toBe('its sealing time is not a time');
    expect(recordedTimeProblem(event(at(0), null))).toBe('its sealing time is not a time');
  });

  it('names a recorded time that is not a time, rather than failing the whole verification on it', () => {
    // A store row whose recorded_at was overwritten with anything but a timestamp reads back as an invalid Date.
    expect(recordedTimeProblem(event(new Date('last Tuesday')))).toBe('its recorded time is not a time');
    expect(recordedTimeProblem(unsealed(new Date(Number.NaN)))).toBe('its recorded time is not a time');
  });
});
