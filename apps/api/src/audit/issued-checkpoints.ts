import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SignedCheckpoint } from '@timeline/audit';

/**
 * The checkpoints this service has issued, kept in the data directory, so that its own verification also catches
 * what only a checkpoint reveals (an event removed from the end of a stream). Auditors keep their own copies: a
 * rewrite of this file as well would still not match theirs.
 */
export class IssuedCheckpoints {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'audit-checkpoints.ndjson');
  }

  all(): SignedCheckpoint[] {
    if (!existsSync(this.file)) return [];
    return readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SignedCheckpoint);
  }

  record(checkpoint: SignedCheckpoint): void {
    appendFileSync(this.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  }
}
