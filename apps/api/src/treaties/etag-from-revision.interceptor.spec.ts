import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { firstValueFrom, of } from 'rxjs';
import { EtagFromRevisionInterceptor } from './etag-from-revision.interceptor';
import { revisionInEtag } from './representation-etag';

/** What the interceptor sends for a status body, and the headers it set. */
async function answer(body: object) {
  const headers = new Map<string, unknown>();
  const response = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
  } as unknown as Response;
  const context = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ExecutionContext;
  const sent = await firstValueFrom(new EtagFromRevisionInterceptor().intercept(context, { handle: () => of(body) }));
  return { sent, etag: headers.get('etag') as string, type: headers.get('content-type') };
}

/** Whether a GET sending `ifNoneMatch` gets 304: weak comparison (RFC 9110 13.1.2), as Express's `req.fresh` does. */
const notModified = (ifNoneMatch: string, etag: string) => ifNoneMatch.replace(/^W\//, '') === etag.replace(/^W\//, '');

describe('EtagFromRevisionInterceptor', () => {
  // The same revision as an older build rendered it, and as this one does (decision 0059: a field added to the view).
  const before = { id: 'ru-ir-cstp', revision: '2', sources: [{ publisher: 'TASS' }] };
  const after = { id: 'ru-ir-cstp', revision: '2', sources: [{ publisher: 'TASS', position: '17' }] };

  it('gives another rendering of the same revision another ETag, so its holder gets 200, not 304', async () => {
    const old = await answer(before);
    const current = await answer(after);
    expect(current.etag).not.toBe(old.etag);
    expect(notModified(old.etag, current.etag)).toBe(false);
    expect(notModified(current.etag, current.etag)).toBe(true);
    // The form the previous release sent (the revision alone) names no rendering: never 304.
    expect(notModified('"2"', current.etag)).toBe(false);
  });

  it('sends the bytes it tagged, as JSON, with the revision that If-Match compares', async () => {
    const { sent, etag, type } = await answer(after);
    expect(sent).toBe(JSON.stringify(after));
    expect(type).toBe('application/json; charset=utf-8');
    expect(etag).toMatch(/^"2-[A-Za-z0-9_-]+"$/);
    expect(revisionInEtag(etag)).toBe('2');
    expect(revisionInEtag(`W/${etag}`)).toBe('2');
  });

  it('passes a body with no revision through untouched', async () => {
    const body = { items: [] };
    const { sent, etag } = await answer(body);
    expect(sent).toBe(body);
    expect(etag).toBeUndefined();
  });
});

describe('revisionInEtag', () => {
  it.each([
    ['"3"', '3'],
    ['W/"3"', '3'],
    ['3', '3'],
    [' "12-AbC_d-9" ', '12'],
    ['W/"12-AbC_d-9"', '12'],
  ])('reads %s as revision %s', (value, revision) => expect(revisionInEtag(value)).toBe(revision));

  it.each(['"three"', '"3-"', '"3-a b"', 'W/"-3"', '"3"-x', '', '"3', '3"', 'W/3', '3-AbC'])(
    'reads no revision in %j',
    (value) => expect(revisionInEtag(value)).toBeUndefined(),
  );
});
