import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asAuditor, exportLog } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An outside auditor has the README, not this repository's code: the README's `check.mjs` must verify a real
 * export and checkpoint with node:crypto and an RFC 8785 library alone, and must refuse a tampered one. The block is
 * taken from the README as written, so the README cannot drift from what the service hashes and signs.
 */
const ROOT = process.cwd();

function recipeFromReadme(): string {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const block = /```js\n(\/\/ check\.mjs\n[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no ```js block starting with "// check.mjs"');
  return block[1]!;
}

describe("the README's recipe for checking a checkpoint without this service's code", () => {
  let subject: TestApp;
  let folder: string;
  let exported: string;
  let checkpoint: Record<string, unknown>;

  const check = (files: { checkpoint?: string; log?: string } = {}) => {
    writeFileSync(join(folder, 'checkpoint.json'), files.checkpoint ?? JSON.stringify(checkpoint));
    writeFileSync(join(folder, 'export.ndjson'), files.log ?? exported);
    const run = spawnSync(process.execPath, ['check.mjs', 'checkpoint.json', 'key.pem', 'export.ndjson'], {
      cwd: folder,
      encoding: 'utf8',
    });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  };

  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: true });
    // Inside the repository, so that `import canonicalize from 'canonicalize'` resolves as after `npm install`.
    folder = mkdtempSync(join(ROOT, '.readme-recipe-'));
    writeFileSync(join(folder, 'check.mjs'), recipeFromReadme());
    const { body: key } = await asAuditor(subject.http, '/audit/public-key').expect(200);
    writeFileSync(join(folder, 'key.pem'), key.publicKey as string);
    checkpoint = (await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body;
    exported = await exportLog(subject.http, 1000);
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await subject.close();
  });

  it('verifies the log and the checkpoint the service gives', () => {
    const result = check();
    expect(result.output).toContain(`checkpoint ${checkpoint.position as string}`);
    expect(result.code).toBe(0);
  });

  it('names an event whose content was changed', () => {
    const lines = exported.split('\n').filter(Boolean);
    const victim = JSON.parse(lines[3]!) as { id: string; data: Record<string, unknown> };
    lines[3] = JSON.stringify({ ...victim, data: { ...victim.data, occurredOn: '1999' } });
    const result = check({ log: lines.join('\n') });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${victim.id}: content changed`);
  });

  it("names an event whose recorded time was moved, and one placed out of the log's order", () => {
    const lines = exported.split('\n').filter(Boolean);
    const moved = JSON.parse(lines[3]!) as { id: string; recordedAt: string };
    lines[3] = JSON.stringify({
      ...moved,
      recordedAt: new Date(Date.parse(moved.recordedAt) - 3_600_000).toISOString(),
    });
    const early = check({ log: lines.join('\n') });
    expect(early.code).toBe(1);
    expect(early.output).toContain(`${moved.id}: recorded time moved`);
    // Two neighbours of different streams swapped, positions kept: each stream's chain still holds.
    const swapped = exported.split('\n').filter(Boolean);
    const streamOf = (line: string) => (JSON.parse(line) as { stream: string }).stream;
    const at = swapped.findIndex((line, index) => index > 0 && streamOf(line) !== streamOf(swapped[index - 1]!));
    [swapped[at - 1], swapped[at]] = [swapped[at]!, swapped[at - 1]!];
    const reordered = check({ log: swapped.join('\n') });
    expect(reordered.code).toBe(1);
    expect(reordered.output).toContain(`${(JSON.parse(swapped[at]) as { id: string }).id}: out of the log's order`);
  });

  it('refuses a checkpoint whose signed fields were changed, and an export that lacks what it covers', () => {
    const moved = check({ checkpoint: JSON.stringify({ ...checkpoint, issuedAt: '2025-01-01T00:00:00.000Z' }) });
    expect(moved).toMatchObject({ code: 1, output: expect.stringContaining('the signature does not verify') });
    const lines = exported.split('\n').filter(Boolean);
    const short = check({ log: lines.slice(0, -5).join('\n') });
    expect(short.code).toBe(1);
    expect(short.output).toContain("the log's heads are not the checkpoint's");
  });
});
