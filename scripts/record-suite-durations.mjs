// Records how long each test file took, from jest's JSON results, into test/support/suite-durations.json: the
// order a fresh clone's run starts the files in (longest first; see test/support/longest-first-sequencer.mjs).
// Usage, after `bash .ci/run` or `npm test -- --json --outputFile=...`:
//   node scripts/record-suite-durations.mjs artifacts/jest-results.json [artifacts/jest-results-node24.json ...]
// A file in several results keeps its longest time. Only the order matters, so a record from another machine
// serves as well; refresh it when suites are added or grow.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/record-suite-durations.mjs <jest results JSON>...');
  process.exit(2);
}

/** The file's path in this checkout: results from another clone name its files under that clone's root. */
function inThisCheckout(path) {
  const parts = path.split(/[\\/]/);
  for (let start = 0; start < parts.length; start++) {
    if (parts[start] === '') continue;
    const candidate = parts.slice(start).join('/');
    if (existsSync(resolve(root, candidate))) return candidate;
  }
  return undefined;
}

const seconds = {};
for (const file of files) {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of results.testResults) {
    const ms = suite.endTime - suite.startTime;
    if (!Number.isFinite(ms)) continue;
    const name = inThisCheckout(suite.name);
    if (name === undefined) continue;
    seconds[name] = Math.max(seconds[name] ?? 0, Math.round(ms / 100) / 10);
  }
}
const ordered = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => (a < b ? -1 : 1)));
const out = resolve(root, 'test/support/suite-durations.json');
writeFileSync(
  out,
  `${JSON.stringify({ recordedOn: new Date().toISOString().slice(0, 10), seconds: ordered }, null, 2)}\n`,
);
console.log(`${Object.keys(ordered).length} test files recorded in ${relative(root, out)}`);
