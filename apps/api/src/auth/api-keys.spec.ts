import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { InvalidConfigurationError } from '../config/app-config';
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

  describe('a keys file is held to the rules of TIMELINE_API_KEYS', () => {
    const strong = 'q8Zr2LxV0mNw7TfKc3YpHs9DgBe1UaJo';
    function keysFile(text: string): string {
      const directory = mkdtempSync(join(tmpdir(), 'timeline-keys-'));
      directories.push(directory);
      writeFileSync(join(directory, 'api-keys'), text, { mode: 0o600 });
      return directory;
    }
    function problemsOf(directory: string): string {
      try {
        ApiKeys.fromDataDirectory(directory);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidConfigurationError);
        return (error as InvalidConfigurationError).problems.join('\n');
      }
      throw new Error('the keys file was accepted');
    }

    it('refuses guessable keys, naming the file, the line and the role, never the key', () => {
      const directory = keysFile(`# keys\neditor:x\nreader:password\nauditor:${strong}\n`);
      const problems = problemsOf(directory);
      expect(problems).toContain(`${join(directory, 'api-keys')}: line 2: the editor key looks guessable`);
      expect(problems).toContain(`${join(directory, 'api-keys')}: line 3: the reader key looks guessable`);
      expect(problems).not.toContain('line 4');
      expect(problems).not.toContain('password');
    });

    it('refuses a file with no key, and a line that is not role:key', () => {
      expect(problemsOf(keysFile('\n# nothing yet\n'))).toContain('holds no key');
      expect(problemsOf(keysFile(`editor:${strong}\nwriter:${strong}x\n`))).toContain('line 2 is not role:key');
    });

    it('accepts strong keys', () => {
      const directory = keysFile(`editor:${strong}\nreader:Zk4Qw9Rt2Yx7Mv1Bn6Lp3Hc8Jd5Gf0Aa\n`);
      expect(ApiKeys.fromDataDirectory(directory).keys.authenticate(strong)).toMatchObject({ role: 'editor' });
    });
  });
});
