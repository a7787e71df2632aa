import type { Request, Response } from 'express';

/** The ETag worked out for a rendered text, kept while the rendering is (it is computed once, not per request). */
const etags = new WeakMap<object, string>();

/**
 * Answers JSON already rendered to text, as it is: no parse, no second serialisation. Its ETag is the one Express
 * gives any answer (`etag fn`, by default weak, of the bytes), so clients see the value they always did; with
 * `renderedAs` (an object that lives exactly as long as the text), it is computed once for that rendering. Express's
 * `send` then answers If-None-Match (304) and HEAD from it as for any answer.
 */
export function jsonText(request: Request, response: Response, text: string, renderedAs?: object): string {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  const etagOf = request.app.get('etag fn') as ((body: string, encoding: BufferEncoding) => string) | undefined;
  if (etagOf !== undefined && !response.getHeader('ETag')) {
    let etag = renderedAs === undefined ? undefined : etags.get(renderedAs);
    if (etag === undefined) {
      etag = etagOf(text, 'utf8');
      if (renderedAs !== undefined) etags.set(renderedAs, etag);
    }
    response.setHeader('ETag', etag);
  }
  return text;
}
