// Jest orders test files by how long they last took, from its cache; a fresh clone (CI's, a user's) has no cache,
// and jest then orders by file size, which here starts some of the longest suites last: their tail then runs on
// one worker while the other idles (decision 0075). This sequencer uses the durations recorded in
// `suite-durations.json` where jest has none of its own, so a clean run starts with the longest suites too.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import TestSequencer from '@jest/test-sequencer';

/** The record, or none where it is missing or unreadable: it only orders the run, which goes on without it. */
function readRecord() {
  try {
    const record = JSON.parse(readFileSync(resolve(import.meta.dirname, 'suite-durations.json'), 'utf8'));
    return typeof record?.seconds === 'object' && record.seconds !== null ? record.seconds : {};
  } catch {
    return {};
  }
}

const recorded = readRecord();

export default class LongestFirstSequencer extends TestSequencer {
  /** The duration of a test file in ms: jest's own from its cache, else the one recorded, else none. */
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const seconds = recorded[relative(test.context.config.rootDir, test.path).split('\\').join('/')];
    return seconds === undefined ? undefined : seconds * 1000;
  }
}
