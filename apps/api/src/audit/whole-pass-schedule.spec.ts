import { describe, expect, it } from '@jest/globals';
import { WHOLE_PASS_EVERY_MS, wholePassDue } from './whole-pass-schedule';

const MINUTE = 60_000;

describe('wholePassDue (decision 0071)', () => {
  it('is due ten minutes after a quick whole pass, not before', () => {
    const last = { at: 0, tookMs: 800 };
    expect(wholePassDue(last, WHOLE_PASS_EVERY_MS - 1)).toBe(false);
    expect(wholePassDue(last, WHOLE_PASS_EVERY_MS)).toBe(true);
  });

  it('waits twenty times as long as a long pass took, so that whole passes take at most a twentieth of the time', () => {
    // A log of millions of events and a week of checkpoints: a pass of a minute.
    const last = { at: 0, tookMs: MINUTE };
    expect(wholePassDue(last, 19 * MINUTE)).toBe(false);
    expect(wholePassDue(last, 20 * MINUTE)).toBe(true);
  });

  it('is due when the clock went back past the last whole pass', () => {
    expect(wholePassDue({ at: 10 * MINUTE, tookMs: 800 }, 10 * MINUTE - 1)).toBe(true);
  });
});
