// Jest's summary counts skipped tests but does not name them. A skip must say what it left out and why: a skipped
// test carries its reason at the end of its name ("... [skipped: why]"), and this lists them last, by reason.
const REASON = / \[skipped: (.+)\]$/;

export default class SkippedTestsReporter {
  onRunComplete(_contexts, results) {
    const byReason = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending' && test.status !== 'skipped') continue;
        const reason = REASON.exec(test.fullName)?.[1] ?? 'no reason given';
        const names = byReason.get(reason) ?? [];
        names.push(test.fullName.replace(REASON, ''));
        byReason.set(reason, names);
      }
    }
    for (const [reason, names] of byReason) {
      process.stderr.write(`\nSkipped ${names.length} tests: ${reason}\n${names.map((n) => `  - ${n}`).join('\n')}\n`);
    }
  }
}
