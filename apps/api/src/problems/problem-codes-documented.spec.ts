import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AppendTooLargeError,
  EventStoreUnavailableError,
  InvalidAppendError,
  InvalidPositionError,
  StreamDeletedError,
  UnreadableEventError,
} from '@timeline/event-store';
import { TREATY_RULE_CODES, TreatyRuleViolation, type TreatyRuleCode } from '@timeline/treaty';
import { problemFromKnownError } from './known-errors';

/**
 * The README's table of errors is the contract clients branch on: every code the service can answer must be in it,
 * under the status it is answered with. The codes are gathered from where they are made: the domain's rule codes,
 * the store's errors passed through with their own code, and every `problem(status, 'CODE'` / `new
 * ApiProblem(status, 'CODE'` / `[status, 'CODE'` (a table's row) written in the HTTP application. The other way
 * round, the table names no code that nothing answers.
 */
const ROOT = process.cwd();

function statusesInReadme(): Map<string, number[]> {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### Errors\n'), readme.indexOf('\n### Treaty law\n'));
  const statuses = new Map<string, number[]>();
  for (const [, status = '', codes = ''] of section.matchAll(/^\|\s*(\d{3})\s*\|([^|]+)\|/gm)) {
    for (const [, code = ''] of codes.matchAll(/`([A-Z][A-Z_]+)`/g)) {
      statuses.set(code, [...(statuses.get(code) ?? []), Number(status)]);
    }
  }
  return statuses;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function codesWrittenInTheApplication(): [string, number][] {
  const found: [string, number][] = [];
  for (const file of sourceFiles(resolve(ROOT, 'apps/api/src'))) {
    // `problem(409, 'CODE'`, `new ApiProblem(409, 'CODE'`, and rows of tables such as `[431, 'CODE', …]`.
    for (const [, status = '', code = ''] of readFileSync(file, 'utf8').matchAll(
      /(?:ApiProblem\(|problem\(|\[)\s*(\d{3}),\s*'([A-Z][A-Z_]+)'/g,
    )) {
      found.push([code, Number(status)]);
    }
  }
  return found;
}

function statusOf(error: Error): [string, number] {
  const answer = problemFromKnownError(error);
  if (!answer) throw new Error(`${error.name} is not answered as a known error`);
  return [answer.code, answer.status];
}

const answered: [string, number][] = [
  ...(Object.keys(TREATY_RULE_CODES) as TreatyRuleCode[]).map((code) => statusOf(new TreatyRuleViolation(code, '…'))),
  statusOf(new AppendTooLargeError('treaty-x', 2, 1)),
  statusOf(new InvalidAppendError('…')),
  statusOf(new InvalidPositionError(1n)),
  statusOf(new StreamDeletedError('treaty-x')),
  statusOf(new EventStoreUnavailableError('…')),
  statusOf(new UnreadableEventError('treaty-x', 0n, '…', 0n, '…')),
  ...codesWrittenInTheApplication(),
  // A webhook target's refusals: `{ code, detail }` the service answers as `422` with `field: url`.
  ...[
    ...readFileSync(resolve(ROOT, 'apps/api/src/webhooks/target-address.ts'), 'utf8').matchAll(/code: '([A-Z_]+)'/g),
  ].map(([, code = '']): [string, number] => [code, 422]),
];

describe("the README's table of errors", () => {
  const documented = statusesInReadme();

  it('was found, with rows', () => {
    expect(documented.size).toBeGreaterThan(50);
  });

  it('names no code the service does not answer', () => {
    // Made from a status the request's own parser gives (a body it cannot read), not written with a literal status.
    const madeFromAStatus = ['BAD_REQUEST_BODY'];
    const answeredCodes = new Set([...answered.map(([code]) => code), ...madeFromAStatus]);
    expect([...documented.keys()].filter((code) => !answeredCodes.has(code))).toEqual([]);
  });

  it.each([...new Map(answered.map(([code, status]) => [`${code} ${status}`, [code, status]])).values()])(
    'names %s under status %d',
    (code, status) => {
      expect(documented.get(code as string)).toContain(status);
    },
  );
});
