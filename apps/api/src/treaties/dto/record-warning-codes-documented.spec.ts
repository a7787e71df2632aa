import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RECORD_WARNING_CODES } from '@timeline/treaty';

/**
 * A client branches on `warnings[].code`: every code the status view can give is described where a reader looks for
 * it (the README, the OpenAPI description of `code`) and has its sentence on the status page, and none is described
 * that the view never gives.
 */
const ROOT = process.cwd();
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const described = {
  'the README': read('README.md'),
  'the OpenAPI description': read('apps/api/src/treaties/dto/treaty-status.response.dto.ts'),
  'the status page': read('apps/api/src/page/public/status.js'),
};

describe('the record warning codes', () => {
  it.each(Object.entries(described))('are each described in %s', (_where, text) => {
    const missing = RECORD_WARNING_CODES.filter((code) => !text.includes(code));
    expect(missing).toEqual([]);
  });

  it('are the only codes the status page has a sentence for', () => {
    const page = described['the status page'];
    const table = page.slice(
      page.indexOf('const WARNING_TEXTS = {'),
      page.indexOf('};', page.indexOf('const WARNING_TEXTS')),
    );
    const codes = [...table.matchAll(/^\s+([A-Z][A-Z_]+):/gm)].map(([, code]) => code);
    expect([...codes].sort()).toEqual([...RECORD_WARNING_CODES].sort());
  });
});
