import { spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_KEYS } from '../support/api-keys';

const ENTRY = 'dist/apps/api/apps/api/src/main.js';

/** Starts the built service with these variables; resolves with its exit code and what it printed to stderr. */
function start(environment: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY], {
      env: { ...process.env, PORT: '0', TIMELINE_API_KEYS: API_KEYS, TIMELINE_DEMO_DATA: 'true', ...environment },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** One line, naming what to fix: no stack trace. */
function expectOneLine(stderr: string, ...named: string[]): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const name of named) expect(lines[0]).toContain(name);
}

describe('start-up failures name the variable or file and exit with a code a supervisor can act on', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-startup-'));
  let occupied: Server;
  let occupiedPort = 0;
  beforeAll(async () => {
    occupied = createServer();
    await new Promise<void>((resolve) => occupied.listen(0, resolve));
    occupiedPort = (occupied.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => occupied.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('TIMELINE_DATA_DIR is a file: 78', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const { code, stderr } = await start({ TIMELINE_DATA_DIR: file });
    expect(code).toBe(78);
    expectOneLine(stderr, `TIMELINE_DATA_DIR=${file}`, 'not a directory');
  }, 30_000);

  it('TIMELINE_DATA_DIR cannot be written: 78', async () => {
    // Root writes through permissions: a directory on a read-only pseudo-filesystem stands in for one.
    const asRoot = process.getuid?.() === 0;
    const locked = join(root, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    const dataDir = asRoot ? '/sys/timeline-data' : join(locked, 'data');
    try {
      const { code, stderr } = await start({ TIMELINE_DATA_DIR: dataDir });
      expect(code).toBe(78);
      expectOneLine(stderr, `TIMELINE_DATA_DIR=${dataDir}`, 'write access');
    } finally {
      chmodSync(locked, 0o755);
    }
  }, 30_000);

  it.each([
    ['holds no PEM key', 'garbage', 'is not an Ed25519 private key in PEM'],
    ['does not exist', undefined, 'does not exist'],
  ])(
    'TIMELINE_SIGNING_KEY_FILE %s: 78',
    async (_, contents, reason) => {
      const dataDir = mkdtempSync(join(root, 'key-'));
      const keyFile = join(dataDir, 'key.pem');
      if (contents !== undefined) writeFileSync(keyFile, contents);
      const { code, stderr } = await start({ TIMELINE_DATA_DIR: dataDir, TIMELINE_SIGNING_KEY_FILE: keyFile });
      expect(code).toBe(78);
      expectOneLine(stderr, `TIMELINE_SIGNING_KEY_FILE=${keyFile}`, reason);
    },
    30_000,
  );

  it('an events.db that is not a database: 65 (EX_DATAERR), the file left as it was', async () => {
    const dataDir = mkdtempSync(join(root, 'corrupt-'));
    const bytes = randomFillSync(Buffer.alloc(8192));
    writeFileSync(join(dataDir, 'events.db'), bytes);
    const { code, stderr } = await start({ TIMELINE_DATA_DIR: dataDir });
    expect(code).toBe(65);
    expectOneLine(stderr, join(dataDir, 'events.db'), 'SQLITE_NOTADB', 'backup');
    expect(readFileSync(join(dataDir, 'events.db')).equals(bytes)).toBe(true);
  }, 30_000);

  it('PORT in use: 75 (EX_TEMPFAIL), before anything is written', async () => {
    const dataDir = join(root, 'port-in-use');
    const { code, stderr } = await start({ TIMELINE_DATA_DIR: dataDir, PORT: String(occupiedPort) });
    expect(code).toBe(75);
    expectOneLine(stderr, `PORT=${occupiedPort}`, 'in use');
    expect(existsSync(join(dataDir, 'events.db'))).toBe(false);
  }, 30_000);
});
