import { describe, expect, it } from '@jest/globals';
import { ApiProblem } from './api-problem';
import { ReservedKeysPipe } from './reserved-keys.pipe';

const pipe = new ReservedKeysPipe();
const asBody = { type: 'body' } as const;

function refusal(value: unknown): unknown {
  try {
    pipe.transform(value, asBody);
  } catch (error) {
    return error instanceof ApiProblem ? { code: error.code, ...error.extensions } : error;
  }
  return undefined;
}

describe('ReservedKeysPipe', () => {
  it.each(['__proto__', 'constructor', 'prototype', 'valueOf', 'toString', 'hasOwnProperty', '__defineGetter__'])(
    'refuses %s as a key, at the top and nested, naming where it is',
    (key) => {
      expect(refusal(JSON.parse(`{"title":"x","${key}":{}}`))).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: key }],
      });
      expect(refusal(JSON.parse(`{"source":{"publisher":"x","${key}":1}}`))).toMatchObject({
        errors: [{ field: `source.${key}` }],
      });
      expect(refusal(JSON.parse(`{"signatories":[{"${key}":1}]}`))).toMatchObject({
        errors: [{ field: `signatories.0.${key}` }],
      });
    },
  );

  it('refuses them in a query string too', () => {
    expect(() => pipe.transform(JSON.parse('{"asOf":"2025-01-01","valueOf":"x"}'), { type: 'query' })).toThrow(
      'valueOf: property should not exist',
    );
  });

  it('lets ordinary keys through, and leaves route parameters alone', () => {
    const body = { title: 'x', source: { publisher: 'y', valueOfDeal: 1 }, votes: { for: 1 } };
    expect(pipe.transform(body, asBody)).toBe(body);
    expect(pipe.transform('constructor', { type: 'param' })).toBe('constructor');
  });
});
