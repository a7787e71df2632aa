import { describe, expect, it } from '@jest/globals';
import { resumePosition } from './resume-position';

describe('resumePosition', () => {
  it('reads a position, and nothing from an absent header', () => {
    expect(resumePosition('42')).toBe(42n);
    expect(resumePosition('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(() => resumePosition('9223372036854775808')).toThrow('Last-Event-ID');
    expect(() => resumePosition('9999999999999999999')).toThrow('Last-Event-ID');
    expect(resumePosition(undefined)).toBeUndefined();
    expect(() => resumePosition('yesterday')).toThrow('Last-Event-ID');
  });
});
