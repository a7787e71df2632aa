import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  checkDataDirectory,
  checkEventLog,
  checkPortFree,
  checkSigningKey,
  EX_CONFIG,
  EX_DATAERR,
  EX_TEMPFAIL,
  StartupFailure,
} from './startup-checks';
import type { AppConfig } from './config/app-config';

/** The failure `run` throws, for its message and exit code. */
async function failureOf(run: () => unknown): Promise<StartupFailure> {
  try {
    await run();
  } catch (error) {
    if (error instanceof StartupFailure) return error;
    throw error;
  }
  throw new Error('No failure');
}

describe('start-up checks', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-startup-checks-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a data directory that is a file, or under one, is a configuration mistake', async () => {
    const file = join(root, 'file');
    writeFileSync(file, '');
    for (const dataDir of [file, join(file, 'data')]) {
      const failure = await failureOf(() => checkDataDirectory(dataDir));
      expect(failure.exitCode).toBe(EX_CONFIG);
      expect(failure.message).toContain(`TIMELINE_DATA_DIR=${dataDir}`);
    }
  });

  it('creates a missing data directory', () => {
    expect(() => checkDataDirectory(join(root, 'new', 'data'))).not.toThrow();
  });

  it('an event log SQLite cannot read is a data error, named by its file', async () => {
    const file = join(root, 'events.db');
    writeFileSync(file, Buffer.alloc(4096, 7));
    const failure = await failureOf(() => checkEventLog(file));
    expect(failure.exitCode).toBe(EX_DATAERR);
    expect(failure.message).toContain(file);
    expect(failure.message).toContain('SQLITE_NOTADB');
  });

  it('a signing key file that is missing or holds no key names the variable', async () => {
    const garbage = join(root, 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    for (const signingKeyFile of [join(root, 'missing.pem'), garbage]) {
      const config = { dataDir: root, signingKeyFile, store: { kind: 'embedded', file: '' } } as unknown as AppConfig;
      const failure = await failureOf(() => checkSigningKey(config));
      expect(failure.exitCode).toBe(EX_CONFIG);
      expect(failure.message).toContain(`TIMELINE_SIGNING_KEY_FILE=${signingKeyFile}`);
    }
  });

  it('a port another process holds is a temporary failure naming PORT', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const failure = await failureOf(() => checkPortFree(port));
      expect(failure.exitCode).toBe(EX_TEMPFAIL);
      expect(failure.message).toContain(`PORT=${port}`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
