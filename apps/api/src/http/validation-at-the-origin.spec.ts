import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders } from 'node:http';
import { isFreshAtTheOrigin } from './validation-at-the-origin';

const answered = (headers: Record<string, string>, statusCode = 200) => ({
  statusCode,
  get: (field: string) => Object.entries(headers).find(([name]) => name.toLowerCase() === field.toLowerCase())?.[1],
});

const asked = (headers: IncomingHttpHeaders, method = 'GET', response = answered({ ETag: 'W/"7-abc"' })) => ({
  method,
  headers,
  res: response,
});

// What Node's fetch sends with an If-None-Match of the caller's (undici, as the Fetch standard says for a request
// whose cache mode becomes no-store).
const FETCH_HEADERS = { 'cache-control': 'no-cache', pragma: 'no-cache' };

describe('a conditional GET validated at the origin', () => {
  it('is fresh when If-None-Match names the ETag, though the request says no-cache, as fetch does', () => {
    expect(isFreshAtTheOrigin(asked({ ...FETCH_HEADERS, 'if-none-match': 'W/"7-abc"' }))).toBe(true);
    expect(isFreshAtTheOrigin(asked({ 'if-none-match': 'W/"7-abc"' }))).toBe(true);
  });

  it('compares weakly, and takes a list or *', () => {
    const strong = answered({ ETag: '"7-abc"' });
    expect(isFreshAtTheOrigin(asked({ 'if-none-match': 'W/"7-abc"' }, 'GET', strong))).toBe(true);
    expect(isFreshAtTheOrigin(asked({ 'if-none-match': '"6-xyz", "7-abc"' }, 'GET', strong))).toBe(true);
    expect(isFreshAtTheOrigin(asked({ ...FETCH_HEADERS, 'if-none-match': '*' }))).toBe(true);
  });

  it('is stale when the tag named is another, or when nothing is named', () => {
    expect(isFreshAtTheOrigin(asked({ ...FETCH_HEADERS, 'if-none-match': 'W/"6-abc"' }))).toBe(false);
    expect(isFreshAtTheOrigin(asked({ ...FETCH_HEADERS }))).toBe(false);
    expect(isFreshAtTheOrigin(asked({ 'if-none-match': 'W/"7-abc"' }, 'GET', answered({})))).toBe(false);
  });

  it('reads If-Modified-Since only without If-None-Match', () => {
    const dated = answered({ 'Last-Modified': 'Tue, 01 Dec 2026 10:00:00 GMT', ETag: '"1"' });
    const since = { ...FETCH_HEADERS, 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' };
    expect(isFreshAtTheOrigin(asked(since, 'GET', dated))).toBe(true);
    expect(isFreshAtTheOrigin(asked({ ...since, 'if-none-match': '"2"' }, 'GET', dated))).toBe(false);
    const earlier = { 'if-modified-since': 'Mon, 30 Nov 2026 10:00:00 GMT' };
    expect(isFreshAtTheOrigin(asked(earlier, 'GET', dated))).toBe(false);
  });

  it('answers only GET and HEAD, and only an answer that is a success', () => {
    const matching = { ...FETCH_HEADERS, 'if-none-match': 'W/"7-abc"' };
    expect(isFreshAtTheOrigin(asked(matching, 'HEAD'))).toBe(true);
    expect(isFreshAtTheOrigin(asked(matching, 'POST'))).toBe(false);
    expect(isFreshAtTheOrigin(asked(matching, 'GET', answered({ ETag: 'W/"7-abc"' }, 404)))).toBe(false);
    expect(isFreshAtTheOrigin({ method: 'GET', headers: matching })).toBe(false);
  });
});
