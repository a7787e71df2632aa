import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEYS, bearer } from '../support/api-keys';
import { startBuiltService, type BuiltService } from '../support/built-service';
import { RU_IR, dumaApproval, signature } from '../support/treaty-requests';

const CLI = 'dist/apps/api/apps/api/src/cli/import.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function runImport(file: string, base: string, options: readonly string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, file, '--url', base, '--key', KEYS.editor, ...options], (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const line = (value: unknown) => JSON.stringify(value);
const treaty = (id: string) => line({ treaty: { ...RU_IR, id } });
const development = (treatyId: string, body: unknown) => line({ treatyId, development: body });

/** Three treaties of five developments, the third's fourth development naming a state that is not a party. */
function importFile(badParty: string): string {
  const lines: string[] = ['# an import file: registrations, then developments, grouped by treaty on import'];
  for (const id of ['import-one', 'import-two', 'import-three']) lines.push(treaty(id));
  for (const id of ['import-one', 'import-two', 'import-three']) {
    lines.push(
      development(id, signature()),
      development(id, dumaApproval()),
      development(id, dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' })),
      development(id, dumaApproval({ party: id === 'import-three' ? badParty : 'RU', body: 'Federation Council' })),
      development(id, dumaApproval({ type: 'ratification-completed', body: undefined, occurredOn: '2025-04-21' })),
    );
  }
  return lines.join('\n') + '\n';
}

async function eventsOf(service: BuiltService, treatyId: string): Promise<number> {
  const answer = await fetch(`${service.base}/audit/treaties/${treatyId}/verify`, {
    headers: { authorization: bearer(KEYS.auditor) },
  });
  return ((await answer.json()) as { checked: number }).checked;
}

describe('npm run import', () => {
  let dataDir: string;
  let service: BuiltService;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'timeline-import-'));
    service = await startBuiltService(join(dataDir, 'data'));
  });
  afterAll(() => {
    service.process.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports every treaty it can, names the refused line, and exits 1', async () => {
    const file = join(dataDir, 'bad.ndjson');
    writeFileSync(file, importFile('FR'));
    const run = await runImport(file, service.base);
    expect(run.code).toBe(1);
    // Line 1 is the comment, 2-4 the registrations, 5-9 import-one, 10-14 import-two, 15-19 import-three.
    expect(run.stderr).toContain('FAILED import-three (line 18): PARTY_NOT_IN_TREATY');
    expect(run.stdout).toContain('Imported 10 developments and registered 3 treaties');
    expect(await eventsOf(service, 'import-one')).toBe(6);
    expect(await eventsOf(service, 'import-three')).toBe(1); // all or nothing: only its registration
  });

  it('picks up where it stopped when run again on the corrected file, duplicating nothing', async () => {
    const file = join(dataDir, 'fixed.ndjson');
    writeFileSync(file, importFile('RU'));
    const run = await runImport(file, service.base);
    expect(run.stderr).not.toContain('FAILED');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported 5 developments and registered 0 treaties (13 already there)');
    for (const id of ['import-one', 'import-two', 'import-three']) expect(await eventsOf(service, id)).toBe(6);

    const again = await runImport(file, service.base);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'Imported 0 developments and registered 0 treaties (18 already there) of 3 treaties',
    );
  });

  it('exits 2 with the usage when it has no file, and 1 naming the cause when the service is unreachable', async () => {
    const usage = await runImport('', service.base);
    expect(usage.code).toBe(2);
    const file = join(dataDir, 'fixed.ndjson');
    const unreachable = await runImport(file, 'http://127.0.0.1:9');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('SERVICE_UNREACHABLE');
    expect(unreachable.stderr).toMatch(/STOPPED: SERVICE_UNREACHABLE .*: \d+ treaties not sent/);
  });

  it('exits 2 before sending anything when a line is not JSON, naming the line and where it breaks', async () => {
    const file = join(dataDir, 'broken.ndjson');
    writeFileSync(
      file,
      [
        '{"treaty": {"id": "import-broken", "title": "Broken", "parties": ["FR", "DE"], "category": "other"}}',
        '{"treatyId": "import-broken", "development": {"type": "signed", "occurredOn": "2024-03-01"}',
      ].join('\n'),
    );
    const run = await runImport(file, service.base);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.ndjson:2: not valid JSON: .*position \d+/);
    expect(
      (await fetch(`${service.base}/treaties/import-broken`, { headers: { authorization: bearer(KEYS.reader) } }))
        .status,
    ).toBe(404);
  });

  describe('a treaty already registered under an id the file registers', () => {
    const register = (body: object) =>
      fetch(`${service.base}/treaties`, {
        method: 'POST',
        headers: { authorization: bearer(KEYS.editor), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const signed = development('imp-1', signature());

    it('refuses another treaty under that id: sends none of its developments, names it, and exits 1', async () => {
      expect(
        (await register({ id: 'imp-1', title: 'Import test 1', parties: ['FR', 'DE'], category: 'other' })).status,
      ).toBe(201);
      const file = join(dataDir, 'clash.ndjson');
      const other = { id: 'imp-1', title: 'A completely different treaty', parties: ['US', 'GB'], category: 'other' };
      writeFileSync(file, [line({ treaty: other }), signed].join('\n') + '\n');
      const run = await runImport(file, service.base);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Imported 0 developments and registered 0 treaties (0 already there) of 1 treaty');
      expect(run.stderr).toContain(
        'FAILED imp-1 (line 1): ANOTHER_TREATY_UNDER_THIS_ID imp-1 is registered as another treaty ("Import test 1"): ' +
          'its title, parties differ',
      );
      expect(await eventsOf(service, 'imp-1')).toBe(1);
    });

    it('counts the same registration, made by hand beforehand, as already there and appends the rest', async () => {
      const same = { id: 'imp-2', title: 'Import test 2', parties: ['FR', 'DE'], category: 'other' };
      expect((await register(same)).status).toBe(201);
      const file = join(dataDir, 'same.ndjson');
      writeFileSync(
        file,
        [line({ treaty: { ...same, parties: ['DE', 'FR'] } }), development('imp-2', signature())].join('\n'),
      );
      const run = await runImport(file, service.base);
      expect(run.stderr).not.toContain('FAILED');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Imported 1 development and registered 0 treaties (1 already there) of 1 treaty');
      expect(await eventsOf(service, 'imp-2')).toBe(2);
    });
  });

  it('exits 2 naming the option when an option is malformed, sending nothing', async () => {
    const file = join(dataDir, 'options.ndjson');
    writeFileSync(file, treaty('import-options') + '\n');
    for (const [options, named] of [
      [['--concurrency', 'abc'], '--concurrency'],
      [['--concurrency', '0'], '--concurrency'],
      [['--concurrency', '2.5'], '--concurrency'],
      [['--concurrency'], '--concurrency'],
      [['--url', 'localhost:3000'], '--url'],
      [['--concurency', '2'], '--concurency'],
    ] as const) {
      const run = await runImport(file, service.base, options);
      expect({ options, code: run.code }).toEqual({ options, code: 2 });
      expect(run.stderr).toContain(named);
    }
    const answer = await fetch(`${service.base}/treaties/import-options`, {
      headers: { authorization: bearer(KEYS.reader) },
    });
    expect(answer.status).toBe(404);
  });
});
