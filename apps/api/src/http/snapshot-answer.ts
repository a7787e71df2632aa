import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { inTurns } from './in-turns';

/** Text rows read from an open snapshot of the read model, which must be closed whether they are read or not. */
export interface SnapshotRows {
  readonly rows: Iterable<string>;
  close(): void;
}

/**
 * Answers a large read made from a snapshot (a download, a party's calendar): its ETag, named before any row is
 * made, then 304 (the snapshot closed unread) when the client's If-None-Match names it, else the rows, made a turn of
 * the event loop at a time as the client reads them, from the snapshot, which is closed when the stream ends or is
 * destroyed, read or not.
 */
export function answerFromSnapshot(
  request: Request,
  response: Response,
  opened: SnapshotRows,
  etag: string,
  file: { readonly type: string; readonly disposition?: string },
): StreamableFile | undefined {
  response.setHeader('ETag', etag);
  // `fresh` compares If-None-Match with the ETag just set, weakly, as RFC 9110 says for GET (decision 0068).
  if (request.fresh) {
    opened.close();
    response.status(304);
    return undefined;
  }
  const stream = Readable.from(inTurns(opened.rows), { objectMode: false });
  stream.once('close', () => opened.close());
  return new StreamableFile(stream, {
    type: file.type,
    ...(file.disposition ? { disposition: file.disposition } : {}),
  });
}
