import { describe, expect, it } from '@jest/globals';
import { updateFrame } from './sse-frame';

describe('updateFrame', () => {
  it('is the SSE message, and the same framed as one HTTP/1.1 chunk', () => {
    const frame = updateFrame({ treatyId: 't', position: 42n, status: { id: 't', title: 'Ст. 1\nline' } });
    const message = 'id: 42\ndata: {"id":"t","title":"Ст. 1\\nline"}\n\n';
    expect(frame.message.toString()).toBe(message);
    const length = Buffer.byteLength(message);
    expect(frame.chunk.toString()).toBe(`${length.toString(16)}\r\n${message}\r\n`);
  });
});
