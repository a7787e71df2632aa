import { describe, expect, it } from '@jest/globals';
import { treatyIdFromStreamName, treatyStreamName } from './stream-name';

describe('treaty stream names', () => {
  it('names a treaty stream after its id, and reads the id back', () => {
    expect(treatyStreamName('ru-ir-partnership')).toBe('treaty-ru-ir-partnership');
    expect(treatyIdFromStreamName('treaty-ru-ir-partnership')).toBe('ru-ir-partnership');
  });

  it('reads no id from other streams', () => {
    expect(treatyIdFromStreamName('audit-2025')).toBeUndefined();
    expect(treatyIdFromStreamName('treaty-')).toBeUndefined();
  });
});
