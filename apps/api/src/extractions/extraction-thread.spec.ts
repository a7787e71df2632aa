import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { standInThread } from '../worker-threads/testing/stand-in-thread';
import { ExtractionThread } from './extraction-thread';

describe('ExtractionThread', () => {
  const directory = mkdtempSync(join(tmpdir(), 'extraction-thread-'));
  const script = (name: string, source: string) => {
    const file = join(directory, `${name}.cjs`);
    writeFileSync(file, source);
    return file;
  };
  const input = { text: 'text', publishedOn: '2025-04-08' };
  let thread: ExtractionThread | undefined;
  afterEach(() => thread?.onModuleDestroy());
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("counts the time limit from the thread's ready, not its start: a slow start costs the article nothing", async () => {
    thread = new ExtractionThread(300, 8, standInThread(directory, 'slow-start', 600, 50, { proposals: [] }));
    await expect(thread.extract(input, [])).resolves.toEqual({ proposals: [] });
  });

  it('refuses an article that takes longer than the limit once the thread is ready', async () => {
    thread = new ExtractionThread(300, 8, standInThread(directory, 'slow-read', 0, 600, { proposals: [] }));
    await expect(thread.extract(input, [])).rejects.toMatchObject({ code: 'EXTRACTION_TOO_COSTLY' });
  });

  it('answers the waiting articles when the thread cannot start, rather than leaving them waiting', async () => {
    thread = new ExtractionThread(300, 8, script('broken', 'throw new Error("no extraction here");'));
    await expect(thread.extract(input, [])).rejects.toThrow('no extraction here');
  });
});
