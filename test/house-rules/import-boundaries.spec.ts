import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The dependency rules are lint rules (eslint.config.mjs), so that a newcomer meets them in the editor; this checks
 * that they catch what they promise, by linting imports that break them as if they were in the named files.
 */
const eslint = new ESLint({
  // The import rules need no type information; without it a lint takes milliseconds instead of a program build.
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the house rules on imports', () => {
  it('refuse a lib importing an app', async () => {
    const found = await restrictedImports(
      'libs/projections/src/projection.ts',
      "import { systemClock } from '../../../apps/api/src/clock';\nexport const clock = systemClock;\n",
    );
    expect(found.join('\n')).toContain('A lib never imports an app');
  });

  it.each([
    ['a framework', 'libs/treaty/src/partial-date.ts', "import { Injectable } from '@nestjs/common';"],
    ['I/O', 'libs/treaty/src/partial-date.ts', "import { readFileSync } from 'node:fs';"],
    [
      'another lib by its alias',
      'libs/treaty/src/decider/treaty.state.ts',
      "import { EVENT_STORE } from '@timeline/event-store';",
    ],
    [
      'another lib by a path',
      'libs/treaty/src/decider/treaty.state.ts',
      "import { EVENT_STORE } from '../../../event-store/src';",
    ],
  ])('refuse the domain importing %s', async (_what, file, line) => {
    const found = await restrictedImports(file, `${line}\nexport const used = [];\n`);
    expect(found.join('\n')).toContain('The domain (libs/treaty) imports nothing outside itself');
  });

  it.each([
    ['I/O', "import { readFileSync } from 'node:fs';"],
    ['the network', "import { request } from 'node:https';"],
    ['a framework', "import { Injectable } from '@nestjs/common';"],
  ])('refuse the extraction importing %s', async (_what, line) => {
    const found = await restrictedImports(
      'libs/extraction/src/rules/find-acts.ts',
      `${line}\nexport const used = [];\n`,
    );
    expect(found.join('\n')).toContain('The extraction (libs/extraction) is pure');
  });

  it('let the extraction import its parsers and the domain', async () => {
    expect(
      await restrictedImports(
        'libs/extraction/src/rules/find-acts.ts',
        "import * as chrono from 'chrono-node';\nimport { isPartialDate } from '@timeline/treaty';\nexport const f = [chrono, isPartialDate];\n",
      ),
    ).toEqual([]);
  });

  it('let the domain import its own modules, at any depth', async () => {
    expect(
      await restrictedImports(
        'libs/treaty/src/decider/treaty.state.ts',
        "import { isPartialDate } from '../partial-date';\nexport const f = isPartialDate;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'libs/treaty/src/index.ts',
        "import { isPartialDate } from './partial-date';\nexport const f = isPartialDate;\n",
      ),
    ).toEqual([]);
  });
});
