import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidConfigurationError } from '../config/app-config';
import { sharedKeyProblems, splitKeyList, weakKeyProblem } from './key-strength';

export const ROLES = ['reader', 'editor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a request: the key's role and a fingerprint that names the key in event metadata without revealing it. */
export interface Principal {
  readonly role: Role;
  readonly keyId: string;
}

interface StoredKey {
  readonly role: Role;
  readonly digest: Buffer;
  readonly keyId: string;
}

export const KEYS_FILE_NAME = 'api-keys';

/**
 * The API keys the service accepts. Keys are kept only as SHA-256 digests and compared in constant time, so
 * neither timing nor a heap dump gives one away; a key never appears in logs or events, only its fingerprint.
 */
export class ApiKeys {
  private constructor(private readonly keys: readonly StoredKey[]) {}

  /**
   * Parses `role:key` pairs separated by commas, as in TIMELINE_API_KEYS. A key given to two roles is refused:
   * it would authenticate as whichever came first, silently.
   */
  static parse(list: string, source = 'API keys'): ApiKeys {
    const pairs = splitKeyList(list);
    for (const { role, key } of pairs) {
      if (!ROLES.includes(role as Role) || key.length === 0) {
        throw new Error(`${source} must be role:key pairs with the roles reader, editor or auditor`);
      }
    }
    const shared = sharedKeyProblems(source, pairs);
    if (shared.length > 0) throw new Error(shared.join('\n'));
    return new ApiKeys(pairs.map(({ role, key }) => toStoredKey(role as Role, key)));
  }

  /**
   * Reads the keys file in the data directory, creating it first with one fresh key per role (mode 0600) when
   * there is none. Returns where the file is and whether it was just generated, so that start-up can say so.
   */
  static fromDataDirectory(dataDir: string): { keys: ApiKeys; file: string; generated: boolean } {
    const file = join(dataDir, KEYS_FILE_NAME);
    const generated = !existsSync(file);
    if (generated) {
      mkdirSync(dataDir, { recursive: true });
      const lines = ROLES.map((role) => `${role}:${randomBytes(24).toString('base64url')}`);
      writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    return { keys: ApiKeys.fromKeysFile(file), file, generated };
  }

  /**
   * The keys in a `role:key`-per-line file, held to the same rules as TIMELINE_API_KEYS: a guessable key, a line
   * that is not `role:key`, a key given twice, or no key at all stops the start (InvalidConfigurationError, exit
   * 78), naming the file and the line, never the key. An empty file would start a service no one can write to.
   */
  static fromKeysFile(file: string): ApiKeys {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((text, index) => ({ text: text.trim(), number: index + 1 }))
      .filter(({ text }) => text && !text.startsWith('#'));
    const pairs = lines.map(({ text }) => {
      const separator = text.indexOf(':');
      return separator < 0
        ? { role: text, key: '' }
        : { role: text.slice(0, separator), key: text.slice(separator + 1) };
    });
    const problems = lines.flatMap(({ number }, index) => {
      const { role, key } = pairs[index]!;
      if (!ROLES.includes(role as Role) || key.length === 0) {
        return [`${file}: line ${number} is not role:key with the role reader, editor or auditor`];
      }
      return weakKeyProblem(`${file}: line ${number}`, role, key) ?? [];
    });
    if (lines.length === 0) {
      problems.push(
        `${file} holds no key: give each role a line role:key (e.g. editor:$(openssl rand -base64 24)), or remove the file to have keys generated`,
      );
    }
    problems.push(...sharedKeyProblems(file, pairs));
    if (problems.length > 0) throw new InvalidConfigurationError(problems);
    return new ApiKeys(pairs.map(({ role, key }) => toStoredKey(role as Role, key)));
  }

  /** The principal a presented key belongs to, or undefined. Every stored key is compared, whatever matches. */
  authenticate(presented: string): Principal | undefined {
    const digest = sha256(presented);
    let match: StoredKey | undefined;
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, digest) && !match) match = key;
    }
    return match && { role: match.role, keyId: match.keyId };
  }

  get size(): number {
    return this.keys.length;
  }
}

function toStoredKey(role: Role, key: string): StoredKey {
  const digest = sha256(key);
  return { role, digest, keyId: `${role}:${digest.subarray(0, 6).toString('hex')}` };
}

function sha256(value: string): Buffer {
  return hash('sha256', value, 'buffer');
}
