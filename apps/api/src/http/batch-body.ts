import { raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiProblem } from '../problems/api-problem';
import { assertJsonStructure } from './json-structure';

/** The routes that take a batch: a JSON array or NDJSON, under their own, larger, size limit. */
const BATCH_PATH = /^\/treaties\/[^/]+\/developments:batch$/;
const NDJSON = 'application/x-ndjson';
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the body of a batch route before the JSON reader (`jsonBodyReaders`) would: up to `maxBatchBytes`, as
 * `application/json` (an array) or `application/x-ndjson` (one JSON object per line, blank lines skipped). Each
 * item passes the same structure pre-pass as a single body (depth, duplicate keys) and a malformed one is named
 * by its index. Every other route keeps the JSON reader and its limit. Run once the request's key has been checked
 * (`BodiesAfterAccess`).
 */
export function batchBodyReader(maxBatchBytes: number): RequestHandler {
  const read = raw({ type: () => true, limit: maxBatchBytes });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'POST' || !BATCH_PATH.test(request.path)) return next();
    const type = request.headers['content-type'];
    if (type === undefined || !request.is(['application/json', NDJSON])) {
      return next(
        new ApiProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send a batch as application/json or application/x-ndjson', {
          accepted: ['application/json', NDJSON],
        }),
      );
    }
    read(request, response, (error?: unknown) => {
      if (error) return next(error);
      try {
        request.body = parseBatch(request.body as Buffer, request.is(NDJSON) === NDJSON);
        next();
      } catch (refusal) {
        next(refusal);
      }
    });
  };
}

function parseBatch(body: Buffer, ndjson: boolean): unknown {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new ApiProblem(400, 'MALFORMED_JSON', 'The body is not valid UTF-8');
  }
  if (!ndjson) return parseJson(text, undefined);
  const items: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    items.push(parseJson(line, items.length));
  }
  return items;
}

function parseJson(text: string, index: number | undefined): unknown {
  const where = index === undefined ? 'The body' : `Item ${index}`;
  try {
    assertJsonStructure(text);
  } catch (error) {
    if (index === undefined || !(error instanceof ApiProblem)) throw error;
    throw new ApiProblem(error.status, error.code, `${where}: ${error.message}`, { ...error.extensions, index });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem(400, 'MALFORMED_JSON', `${where} is not valid JSON`, index === undefined ? {} : { index });
  }
}
