import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ApiKeys } from './api-keys';

describe('ApiKeys', () => {
  const directories: string[] = [];
  afterEach(() => directories.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

  it('authenticates each configured key as its role, and nothing else', () => {
    const keys = ApiKeys.parse('editor:editor-key-0123456789, auditor:auditor-key-0123456789');
    expect(keys.authenticate('editor-key-0123456789')).toMatchObject({ role: 'editor' });
    expect(keys.authenticate('auditor-key-0123456789')).toMatchObject({ role: 'auditor' });
    expect(keys.authenticate('editor-key-012345678')).toBeUndefined();
    expect(keys.authenticate('')).toBeUndefined();
  });

  it('names a key by a fingerprint that does not contain it', () => {
    const principal = ApiKeys.parse('editor:editor-key-0123456789').authenticate('editor-key-0123456789');
    expect(principal?.keyId).toMatch(/^editor:[0-9a-f]{12}$/);
    expect(principal?.keyId).not.toContain('editor-key');
  });

  it('generates one key per role into a 0600 file on first start and reads the same keys afterwards', () => {
    const directory = mkdtempSync(join(tmpdir(), 'timeline-keys-'));
    directories.push(directory);
    const first = ApiKeys.fromDataDirectory(directory);
    expect(first.generated).toBe(true);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    const editorKey = /^editor:(\S+)$/m.exec(readFileSync(first.file, 'utf8'))?.[1] ?? '';
    const second = ApiKeys.fromDataDirectory(directory);
    expect(second.generated).toBe(false);
    expect(second.keys.authenticate(editorKey)).toMatchObject({ role: 'editor' });
    expect(second.keys.size).toBe(3);
  });
});
