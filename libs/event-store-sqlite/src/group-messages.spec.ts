import { describe, expect, it } from '@jest/globals';
import { decodeGroup, decodeOutcomes, encodeGroup, encodeOutcomes } from './group-messages';
import type { AppendOutcome, EncodedAppend } from './group-writer';

describe('messages between the event loop and the append worker', () => {
  it('carries a group of appends of one or many events, with every kind of expected revision', () => {
    const group: EncodedAppend[] = [
      { streamName: 'a', expected: 'any', ids: ['i1'], types: ['T'], data: ['{}'], metadata: ['{}'], recordedAt: 't1' },
      {
        streamName: 'b',
        expected: 41n,
        ids: ['i2', 'i3'],
        types: ['T', 'U'],
        data: ['{"x":1}', '{"x":2}'],
        metadata: ['{"k":"-"}', '{}'],
        recordedAt: 't2',
      },
      {
        streamName: 'c',
        expected: 'no_stream',
        ids: ['i4'],
        types: ['T'],
        data: ['1'],
        metadata: ['2'],
        recordedAt: '',
      },
      {
        streamName: '+',
        expected: 'stream_exists',
        ids: ['-'],
        types: ['-'],
        data: ['-'],
        metadata: ['-'],
        recordedAt: '-',
      },
    ];

    expect(decodeGroup(structuredClone(encodeGroup(group)))).toEqual(group);
  });

  it('carries every kind of outcome, stored event references with gaps included', () => {
    const outcomes: AppendOutcome[] = [
      { kind: 'appended', result: { nextExpectedRevision: 0n, position: 7n } },
      { kind: 'wrong-revision', current: 'no_stream' },
      { kind: 'wrong-revision', current: 3n },
      { kind: 'refused', message: 'UNIQUE constraint failed' },
      {
        kind: 'already-stored',
        stored: [undefined, { streamName: 'b', revision: 4n, position: 9n }, undefined],
      },
      { kind: 'appended', result: { nextExpectedRevision: 12n, position: 2n ** 62n } },
    ];

    expect(decodeOutcomes(structuredClone(encodeOutcomes(outcomes)))).toEqual(outcomes);
  });

  it('carries an empty group', () => {
    expect(decodeGroup(encodeGroup([]))).toEqual([]);
    expect(decodeOutcomes(encodeOutcomes([]))).toEqual([]);
  });
});
