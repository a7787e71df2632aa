import { raw } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiProblem } from '../problems/api-problem';
import { assertJsonStructure } from './json-structure';

const JSON_TYPES = ['application/json', 'application/*+json'];
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The one reader of request bodies. A body is JSON or refused: another media type (or none) gets
 * `415 UNSUPPORTED_MEDIA_TYPE` instead of being read as empty; a charset other than UTF-8 likewise. The text is
 * checked for depth and duplicate keys before JSON.parse sees it (see `assertJsonStructure`), and its size is
 * counted in bytes, as received, by body-parser. Run, in this order, once the request's key has been checked
 * (`BodiesAfterAccess`).
 */
export function jsonBodyReaders(maxBodyBytes: number): RequestHandler[] {
  const refuseOtherTypes = (request: Request, _response: Response, next: NextFunction): void => {
    // A body read already, by a route's own reader (a batch: `batchBodyReader`), is not read again.
    if (!hasBody(request) || isRead(request)) return next();
    const type = request.headers['content-type'];
    if (type === undefined || !request.is(JSON_TYPES)) {
      return next(
        new ApiProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json', {
          accepted: ['application/json'],
        }),
      );
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return next(new ApiProblem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json in UTF-8'));
    }
    next();
  };
  const parse = (request: Request, _response: Response, next: NextFunction): void => {
    if (!Buffer.isBuffer(request.body)) return next();
    // An empty body (Content-Length: 0) is no body, as body-parser's JSON reader had it: an empty object.
    if (request.body.length === 0) {
      request.body = {};
      return next();
    }
    try {
      let text: string;
      try {
        text = UTF8.decode(request.body);
      } catch {
        throw new ApiProblem(400, 'MALFORMED_JSON', 'The body is not valid UTF-8');
      }
      // As body-parser's strict mode: a body is an object or an array.
      if (!/^[\s]*[[{]/.test(text)) throw new ApiProblem(400, 'MALFORMED_JSON', 'The body is not a JSON object');
      assertJsonStructure(text);
      try {
        request.body = JSON.parse(text) as unknown;
      } catch {
        throw new ApiProblem(400, 'MALFORMED_JSON', 'The body is not valid JSON');
      }
      next();
    } catch (error) {
      next(error);
    }
  };
  return [refuseOtherTypes, raw({ type: () => true, limit: maxBodyBytes }), parse];
}

/** Whether the body has been read to its end already (body-parser's readers skip such requests too). */
function isRead(request: Request): boolean {
  return request.readableEnded;
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
