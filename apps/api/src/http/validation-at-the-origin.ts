import type { IncomingHttpHeaders } from 'node:http';
import fresh from 'fresh';

/** What a request's freshness is read from: Express's request, with the response it is answered by. */
interface ConditionalRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly res?: { readonly statusCode: number; get(field: string): string | undefined };
}

/**
 * Whether a GET or HEAD's validators (If-None-Match, else If-Modified-Since) still name the representation that the
 * answer is about to carry (its ETag, Last-Modified), so that the answer is a 304 (RFC 9110, 13.1.1 and 13.1.2).
 *
 * Express's own `req.fresh` (the `fresh` package) calls every request that says `Cache-Control: no-cache` stale. But
 * that directive is addressed to caches: do not answer from a stored copy without validating it at the origin (RFC
 * 9111, 5.2.1.4). This is the origin: a match is that validation, and the origin MUST answer it with 304. Fetch
 * (Node's `fetch`, a browser's `fetch` with an If-None-Match of its own) adds `Cache-Control: no-cache` to every
 * conditional request, so with Express's reading such a client downloaded a feed, a calendar or a download whole at
 * every poll however long nothing changed (decision 0068).
 */
export function isFreshAtTheOrigin(request: ConditionalRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const response = request.res;
  if (!response) return false;
  const status = response.statusCode;
  if (!((status >= 200 && status < 300) || status === 304)) return false;
  const { 'cache-control': _forCaches, ...validators } = request.headers;
  return fresh(validators, {
    etag: response.get('ETag'),
    'last-modified': response.get('Last-Modified'),
  });
}

/**
 * Makes `req.fresh`, which Express's `res.send` and our own conditional answers ask, `isFreshAtTheOrigin`: on this
 * application's requests only (`app.request`, their prototype), never on Express's shared one.
 */
export function validateAtTheOrigin(application: { readonly request: object }): void {
  Object.defineProperty(application.request, 'fresh', {
    configurable: true,
    enumerable: true,
    get(this: ConditionalRequest): boolean {
      return isFreshAtTheOrigin(this);
    },
  });
}
