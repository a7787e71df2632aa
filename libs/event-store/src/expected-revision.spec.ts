import { describe, expect, it } from '@jest/globals';
import { ANY, NO_STREAM, STREAM_EXISTS, expectationHolds } from './expected-revision';

describe('expectationHolds', () => {
  it.each([
    [ANY, NO_STREAM, true],
    [ANY, 4n, true],
    [NO_STREAM, NO_STREAM, true],
    [NO_STREAM, 0n, false],
    [STREAM_EXISTS, NO_STREAM, false],
    [STREAM_EXISTS, 0n, true],
    [3n, 3n, true],
    [3n, 2n, false],
    [0n, NO_STREAM, false],
  ] as const)('expected %s, current %s: %s', (expected, current, holds) => {
    expect(expectationHolds(expected, current)).toBe(holds);
  });
});
