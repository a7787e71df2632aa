import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { API_KEYS, KEYS, bearer } from '../support/api-keys';
import { startBuiltService, type BuiltService } from '../support/built-service';

const CLI = (name: string) => join(process.cwd(), `dist/apps/api/apps/api/src/cli/${name}.js`);

function run(name: 'backup' | 'restore', dataDir: string, file: string) {
  return spawnSync(process.execPath, [CLI(name), file], {
    env: { ...process.env, TIMELINE_DATA_DIR: dataDir, TIMELINE_API_KEYS: API_KEYS },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

async function register(service: BuiltService, id: string): Promise<void> {
  const response = await fetch(`${service.base}/treaties`, {
    method: 'POST',
    headers: { authorization: bearer(KEYS.editor), 'content-type': 'application/json' },
    body: JSON.stringify({ id, title: `A treaty to restore, ${id}`, parties: ['FR', 'DE'], category: 'other' }),
  });
  expect(response.status).toBe(201);
}

const asAuditor = (service: BuiltService, path: string) =>
  fetch(`${service.base}${path}`, { headers: { authorization: bearer(KEYS.auditor) } });

async function logOf(service: BuiltService): Promise<string[]> {
  return (await (await asAuditor(service, '/audit/log')).text()).split('\n').filter(Boolean);
}

/** Every file of the data directory with a hash of its bytes: a refused restore leaves each as it found it. */
function contentsOf(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dataDir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(dataDir, name)))
          .digest('hex'),
      ]),
  );
}

function exited(service: BuiltService): Promise<void> {
  return new Promise((resolve) => service.process.once('exit', () => resolve()));
}

// The README's restore path, as an operator follows it after a crash: the service killed (its -wal left behind), the
// backup restored with `npm run restore`, the service started again.
describe('npm run restore -- <backup.db>', () => {
  const folders: string[] = [];
  const services: BuiltService[] = [];
  afterAll(() => {
    services.forEach((service) => service.process.kill('SIGKILL'));
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  });
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'timeline-restore-'));
    folders.push(made);
    return made;
  };

  it('after an unclean stop, the service comes back with exactly the backup, and issues checkpoints again', async () => {
    const dataDir = folder();
    const backup = join(folder(), 'events-backup.db');
    const first = await startBuiltService(dataDir);
    services.push(first);
    await register(first, 'restore-kept-one');
    await register(first, 'restore-kept-two');
    expect((await asAuditor(first, '/audit/checkpoint')).status).toBe(200);
    expect(run('backup', dataDir, backup).status).toBe(0);
    const backedUp = await logOf(first);
    await register(first, 'restore-lost-three');
    const lostCheckpoint = await (await asAuditor(first, '/audit/checkpoint')).json();
    const stopped = exited(first);
    first.process.kill('SIGKILL');
    await stopped;
    expect(existsSync(join(dataDir, 'events.db-wal'))).toBe(true);

    const restore = run('restore', dataDir, backup);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`positions ${(lostCheckpoint as { position: string }).position}`);
    expect(existsSync(join(dataDir, 'events.db-wal'))).toBe(false);
    const [aside] = readdirSync(dataDir).filter((name) => name.startsWith('before-restore-'));
    expect(readdirSync(join(dataDir, aside!))).toEqual(
      expect.arrayContaining(['events.db', 'audit-checkpoints.ndjson', 'projections.db', 'restore.json']),
    );
    const report = JSON.parse(readFileSync(join(dataDir, aside!, 'restore.json'), 'utf8'));
    expect(report.checkpointsNoLongerReached).toEqual([lostCheckpoint]);

    const second = await startBuiltService(dataDir);
    services.push(second);
    expect(await logOf(second)).toEqual(backedUp);
    const read = await fetch(`${second.base}/treaties/restore-kept-one`);
    expect(read.status).toBe(200);
    expect(read.headers.get('timeline-integrity')).not.toBe('damaged');
    expect((await fetch(`${second.base}/treaties/restore-lost-three`)).status).toBe(404);
    await register(second, 'restore-after');
    const checkpoint = await asAuditor(second, '/audit/checkpoint');
    expect(checkpoint.status).toBe(200);
    second.process.kill('SIGTERM');
  }, 180_000);

  it('refuses while a service has the log open, or a backup that fails verification, and touches nothing', async () => {
    const dataDir = folder();
    const backup = join(folder(), 'events-backup.db');
    const service = await startBuiltService(dataDir);
    services.push(service);
    await register(service, 'restore-while-running');
    expect(run('backup', dataDir, backup).status).toBe(0);
    await register(service, 'restore-while-running-two');
    const before = readdirSync(dataDir).sort();

    const restore = run('restore', dataDir, backup);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toContain('is open in another process');
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect((await fetch(`${service.base}/treaties/restore-while-running-two`)).status).toBe(200);

    // Killed (its -wal left behind, as after a crash), the service's log is still not replaced by a backup whose hash
    // chain fails, and not one byte of the directory changes: no probe of the log ran and folded that -wal into it.
    const stopped = exited(service);
    service.process.kill('SIGKILL');
    await stopped;
    expect(existsSync(join(dataDir, 'events.db-wal'))).toBe(true);
    const altered = new Sqlite(backup);
    altered.prepare("UPDATE events SET data = replace(data, 'FR', 'GB') WHERE position = 1").run();
    altered.close();
    const afterKill = contentsOf(dataDir);
    const refused = run('restore', dataDir, backup);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('events-backup.db fails verification');
    expect(contentsOf(dataDir)).toEqual(afterKill);
  }, 120_000);
});
