import { describe, expect, it } from '@jest/globals';
import { LeastRecentlyUsed } from './least-recently-used';

describe('LeastRecentlyUsed', () => {
  it('keeps at most its capacity, forgetting the entry used longest ago', () => {
    const cache = new LeastRecentlyUsed<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('keeps nothing at capacity 0, and refuses a capacity that is not a whole number', () => {
    const cache = new LeastRecentlyUsed<string, number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(() => new LeastRecentlyUsed(-1)).toThrow(RangeError);
  });
});
