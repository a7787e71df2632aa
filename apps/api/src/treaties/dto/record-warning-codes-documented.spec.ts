import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RECORD_WARNING_CODES } from '@timeline/treaty';

/**
 * A client branches on `warnings[].code`: every code the status view can give is described where a reader looks for
 * it (the README's section on them, the OpenAPI description of `RecordWarningDto`) and has its sentence on the status
 * page, and none is described there that the view never gives (one left behind after its removal from
 * `RECORD_WARNING_CODES`).
 */
const ROOT = process.cwd();
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

/** A code as the view spells them: upper-case words joined by underscores. */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** The text from `start` up to the first `end` after it; fails loudly when either is gone. */
function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`"${start}" not found`);
  const to = text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`"${end}" not found after "${start}"`);
  return text.slice(from, to);
}

/** The README's own section on the warnings: every code it names in backticks. */
function inReadme(): string[] {
  const section = between(read('README.md'), '\n### Record warnings\n', '\n#');
  return [...section.matchAll(/`([^`]+)`/g)].flatMap(([, quoted]) => quoted?.match(CODE) ?? []);
}

/** The OpenAPI description of a warning (`RecordWarningDto`): every code its strings name. */
function inOpenApi(): string[] {
  const dto = between(
    read('apps/api/src/treaties/dto/treaty-status.response.dto.ts'),
    'export class RecordWarningDto',
    '\nexport class',
  );
  const strings = [...dto.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)].map(([, single, double]) => single ?? double ?? '');
  return strings.flatMap((text) => text.match(CODE) ?? []);
}

/** The status page's sentences, one per code (`WARNING_TEXTS`). */
function onStatusPage(): string[] {
  const table = between(read('apps/api/src/page/public/status.js'), 'const WARNING_TEXTS = {', '};');
  return [...table.matchAll(/^\s+([A-Z][A-Z_]+):/gm)].flatMap(([, code]) => (code === undefined ? [] : [code]));
}

const documented = {
  'the README': inReadme,
  'the OpenAPI description': inOpenApi,
  'the status page': onStatusPage,
};

describe('the record warning codes', () => {
  it.each(Object.entries(documented))('are each described in %s, and none other is', (_where, codesIn) => {
    const codes = new Set(codesIn());
    const missing = RECORD_WARNING_CODES.filter((code) => !codes.has(code));
    const neverGiven = [...codes].filter((code) => !(RECORD_WARNING_CODES as readonly string[]).includes(code));
    expect({ missing, neverGiven }).toEqual({ missing: [], neverGiven: [] });
  });
});
