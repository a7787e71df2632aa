import type { Request, Response } from 'express';

/**
 * What is worked out once per rendered text, kept while the rendering is (the key lives exactly as long as the
 * text): its ETag and its UTF-8 bytes.
 */
const etags = new WeakMap<object, string>();
const encodings = new WeakMap<object, Buffer>();

/**
 * JSON already rendered to text, to answer as it is with Express's `send`: no parse, no second serialisation. Its
 * ETag is the one Express gives any answer (`etag fn`, by default weak, of the bytes), so clients see the value they
 * always did; `send` answers If-None-Match (304) and HEAD from it as for any answer. With `renderedAs`, the ETag and
 * the bytes are worked out once for that rendering, not per answer (the bytes of a 21 MB timeline: about 20 ms, and
 * one copy shared by every answer in flight rather than one each).
 */
export function jsonText(request: Request, response: Response, text: string, renderedAs?: object): string | Buffer {
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  const etagOf = request.app.get('etag fn') as ((body: string, encoding: BufferEncoding) => string) | undefined;
  if (renderedAs === undefined) return text;
  if (etagOf !== undefined && !response.getHeader('ETag')) {
    let etag = etags.get(renderedAs);
    if (etag === undefined) {
      etag = etagOf(text, 'utf8');
      etags.set(renderedAs, etag);
    }
    response.setHeader('ETag', etag);
  }
  let bytes = encodings.get(renderedAs);
  if (bytes === undefined) {
    bytes = Buffer.from(text, 'utf8');
    encodings.set(renderedAs, bytes);
  }
  return bytes;
}
