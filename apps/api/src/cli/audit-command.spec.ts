import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { EXIT, runAuditCommand } from './audit-command';

const folder = mkdtempSync(join(tmpdir(), 'audit-command-'));
const emptyExport = join(folder, 'empty.ndjson');
writeFileSync(emptyExport, '');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const output: string[] = [];
  const code = await runAuditCommand(args, (line) => output.push(line));
  return { code, output: output.join('\n') };
}

describe('npm run audit: options', () => {
  it.each([
    ['an option it does not know', ['replay', emptyExport, '--as-of', '2025-01-01', '--bogus', 'x'], /bogus/],
    ['an option without its value', ['replay', emptyExport, '--as-of', '2025-01-01', '--treaty'], /treaty/],
    [
      'an option given twice that takes one',
      ['replay', emptyExport, '--as-of', '2025-01-01', '--as-of', '2026-01-01'],
      /--as-of is given 2 times/,
    ],
    ['a stray word', ['replay', emptyExport, 'extra', '--as-of', '2025-01-01'], /extra/],
    [
      'a verify option it does not know',
      ['verify', emptyExport, '--public-key', 'k.pem', '--checkpoints', 'c.json'],
      /checkpoints/,
    ],
  ])('refuses %s as a usage error, naming it', async (_case, args, named) => {
    const { code, output } = await run(...args);
    expect(code).toBe(EXIT.usage);
    expect(output).toMatch(named);
  });

  it('refuses a --known-at without its zone, whatever this machine’s zone is', async () => {
    const { code, output } = await run(
      'replay',
      emptyExport,
      '--as-of',
      '2025-01-01',
      '--known-at',
      '2025-01-01T10:00:00',
    );
    expect(code).toBe(EXIT.usage);
    expect(output).toMatch(/knownAt/);
  });

  it('replays with its options in any order', async () => {
    const replayed = await run('replay', emptyExport, '--known-at', '2025-01-01T10:00:00Z', '--as-of', '2025-01-01');
    expect(replayed).toEqual({ code: EXIT.ok, output: JSON.stringify({ asOf: '2025-01-01', treaties: [] }, null, 2) });
  });
});
