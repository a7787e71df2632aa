import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EXIT } from '../../apps/api/src/cli/audit-command';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

const AUDIT_CLI = join(process.cwd(), 'dist/apps/api/apps/api/src/cli/audit.js');
/** `nobody`: as root, permissions stop no write, so the command runs as a user who cannot write there. */
const NOBODY = 65534;

/**
 * Whether a user who owns nothing on the way may use this file as `bits` say (read 4, execute 1): every folder above
 * it searchable by others, and the file open to them so. CI's second Node lives under root's own (0700) home, which `nobody` cannot
 * reach: there the command runs as root, and the folder's listing and the file's bytes are what prove it wrote nothing.
 */
function othersMay(file: string, bits: number): boolean {
  const others = (path: string, wanted: number) => (statSync(path).mode & wanted) === wanted;
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (!others(folder, 0o001)) return false;
    if (dirname(folder) === folder) return others(file, bits);
  }
}

// An auditor's evidence copy on read-only media (file 444 in a folder 555): `npm run audit -- verify` reads it, as
// the built command runs, without writing into the folder.
describe('npm run audit -- verify <events.db> on read-only media', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-read-only-evidence-'));
  const evidence = join(root, 'evidence');
  beforeAll(async () => {
    const dataDir = join(root, 'data');
    const subject = await startTestApp(
      { dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') }, loadDemoData: false },
      { keepData: true },
    );
    try {
      await post(subject.http, '/treaties', RU_IR).expect(201);
      writeFileSync(
        join(root, 'key.pem'),
        (await asAuditor(subject.http, '/audit/public-key').expect(200)).body.publicKey,
      );
      writeFileSync(
        join(root, 'checkpoint.json'),
        JSON.stringify((await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body),
      );
    } finally {
      await subject.close();
    }
    mkdirSync(evidence);
    copyFileSync(join(dataDir, 'events.db'), join(evidence, 'events.db'));
    chmodSync(join(evidence, 'events.db'), 0o444);
    chmodSync(evidence, 0o555);
    chmodSync(root, 0o755);
  }, 30_000);
  afterAll(() => {
    chmodSync(evidence, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  it('verifies the file and leaves it, alone, as it was', () => {
    const before = readFileSync(join(evidence, 'events.db'));
    // Without the runner's SQLITE_USE_URI (jest.config.mjs): the command's own driver must turn it on.
    const { SQLITE_USE_URI: _runners, ...env } = process.env;
    const asNobody = process.getuid?.() === 0 && othersMay(process.execPath, 0o005) && othersMay(AUDIT_CLI, 0o004);
    const result = spawnSync(
      process.execPath,
      [
        AUDIT_CLI,
        'verify',
        join(evidence, 'events.db'),
        '--public-key',
        join(root, 'key.pem'),
        '--checkpoint',
        join(root, 'checkpoint.json'),
      ],
      { env, encoding: 'utf8', ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(EXIT.ok);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, failures: [] });
    expect(readdirSync(evidence)).toEqual(['events.db']);
    expect(readFileSync(join(evidence, 'events.db')).equals(before)).toBe(true);
  });
});
