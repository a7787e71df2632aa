import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from '../problems/api-problem';

const STATUS_OF: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'The request headers are larger than this service reads'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'PAYLOAD_TOO_LARGE', 'The chunk extensions are too large'],
};

/**
 * Requests Node refuses before any handler sees them (headers too large, malformed HTTP) are answered as every
 * other error is, `application/problem+json` with a stable code, instead of Node's empty body.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already under way on this connection cannot be followed by another: close it.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, detail] = STATUS_OF[error.code ?? ''] ?? [
      400,
      'MALFORMED_REQUEST',
      'The request is not valid HTTP',
    ];
    const details = problem(status, code, detail);
    const body = JSON.stringify(details);
    socket.end(
      `HTTP/1.1 ${status} ${details.title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
