import { describe, expect, it } from '@jest/globals';
import { updateFrame } from './sse-frame';

describe('updateFrame', () => {
  it('is the SSE message, and the same framed as one HTTP/1.1 chunk', () => {
    const frame = updateFrame({
      treatyId: 't',
      position: 42n,
      lastAtPosition: true,
      deleted: false,
      status: { id: 't', title: 'Ст. 1\nline' },
    });
    const message = 'id: 42\ndata: {"id":"t","title":"Ст. 1\\nline"}\n\n';
    expect(frame.message.toString()).toBe(message);
    const length = Buffer.byteLength(message);
    expect(frame.chunk.toString()).toBe(`${length.toString(16)}\r\n${message}\r\n`);
  });

  it('gives no id to an update that another follows at the same position: a client resumes before it, not after', () => {
    const named = updateFrame({
      treatyId: 'a',
      position: 42n,
      lastAtPosition: false,
      deleted: false,
      status: { id: 'a' },
    });
    expect(named.message.toString()).toBe('data: {"id":"a"}\n\n');
  });

  it("sends a treaty's deletion for good as an event of its own type, which a status listener never sees", () => {
    const frame = updateFrame({
      treatyId: 'x',
      position: 43n,
      lastAtPosition: true,
      deleted: true,
      status: { id: 'x', deleted: true },
    });
    expect(frame.message.toString()).toBe('id: 43\nevent: treaty-deleted\ndata: {"id":"x","deleted":true}\n\n');
  });
});
