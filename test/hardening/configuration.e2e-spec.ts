import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const ENTRY = 'dist/apps/api/apps/api/src/main.js';
const STRONG = 'q8Zr2LxV0mNw7TfKc3YpHs9DgBe1UaJo';

/** Starts the built service (jest's global setup builds it) with these keys; resolves with its exit and stderr. */
function start(apiKeys: string | undefined, dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const { TIMELINE_API_KEYS: _ignored, ...environment } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        ...environment,
        PORT: '0',
        TIMELINE_DATA_DIR: dataDir,
        TIMELINE_DEMO_DATA: 'false',
        ...(apiKeys === undefined ? {} : { TIMELINE_API_KEYS: apiKeys }),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('configuration: keys that would weaken the service stop it at start (exit 78)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-config-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['a key shared by two roles', `editor:${STRONG},auditor:${STRONG}`, 'given 2 times (roles editor, auditor)'],
    ['a low-entropy key', `editor:${STRONG},reader:aaaaaaaaaaaaaaaa`, 'the reader key (pair 2) looks guessable'],
    ['a key that counts up', 'auditor:0123456789abcdefghij', 'the auditor key (pair 1) looks guessable'],
  ])(
    'refuses %s, naming the variable and not showing the key',
    async (_, keys, reason) => {
      const { code, stderr } = await start(keys, dataDir);
      expect(code).toBe(78);
      expect(stderr).toContain('TIMELINE_API_KEYS');
      expect(stderr).toContain(reason);
      expect(stderr).not.toContain(STRONG);
      expect(stderr).not.toContain('aaaaaaaaaaaaaaaa');
    },
    20_000,
  );
});

describe('configuration: the api-keys file is held to the same rules (exit 78)', () => {
  const dataDirs: string[] = [];
  afterAll(() => dataDirs.forEach((dataDir) => rmSync(dataDir, { recursive: true, force: true })));

  it.each([
    [
      'guessable keys',
      'editor:x\nreader:password\n',
      ['line 1: the editor key looks guessable', 'line 2: the reader key'],
    ],
    ['no key at all', '# to be filled in\n', ['holds no key']],
  ])(
    'refuses a file with %s, naming the file and the line',
    async (_, text, reasons) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'timeline-config-'));
      dataDirs.push(dataDir);
      writeFileSync(join(dataDir, 'api-keys'), text, { mode: 0o600 });
      const { code, stderr } = await start(undefined, dataDir);
      expect(code).toBe(78);
      expect(stderr).toContain(join(dataDir, 'api-keys'));
      for (const reason of reasons) expect(stderr).toContain(reason);
      expect(stderr).not.toContain('password');
    },
    20_000,
  );
});
