import { describe, expect, it, jest } from '@jest/globals';
import type { Request, Response } from 'express';
import { jsonText } from './json-text';

/** A request whose app has Express's `etag fn` setting, and a response that keeps its headers. */
function exchange(etagOf: (body: string) => string) {
  const headers = new Map<string, unknown>();
  const request = { app: { get: (name: string) => (name === 'etag fn' ? etagOf : undefined) } } as unknown as Request;
  const response = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  } as unknown as Response;
  return { request, response, headers };
}

describe('jsonText', () => {
  it("answers the text as it is, with the app's ETag of it and its bytes, worked out once per rendering", () => {
    const etagOf = jest.fn((body: string) => `W/"${body.length}"`);
    const rendering = { text: '{"items":[1,2]}' };
    const answers: unknown[] = [];
    for (let answer = 0; answer < 3; answer++) {
      const { request, response, headers } = exchange(etagOf);
      const bytes = jsonText(request, response, rendering.text, rendering);
      expect(bytes.toString()).toBe(rendering.text);
      answers.push(bytes);
      expect(headers.get('etag')).toBe('W/"15"');
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    expect(etagOf).toHaveBeenCalledTimes(1);
    expect(new Set(answers).size).toBe(1);
    // Another rendering (the treaty changed) gets its own.
    const { request, response, headers } = exchange(etagOf);
    jsonText(request, response, '{"items":[]}', { text: '{"items":[]}' });
    expect(headers.get('etag')).toBe('W/"12"');
    expect(etagOf).toHaveBeenCalledTimes(2);
  });

  it('leaves a text of no rendering (a page) to Express, which tags its bytes', () => {
    const etagOf = jest.fn((body: string) => `W/"${body.length}"`);
    const { request, response, headers } = exchange(etagOf);
    expect(jsonText(request, response, '{"items":[]}')).toBe('{"items":[]}');
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.has('etag')).toBe(false);
  });
});
