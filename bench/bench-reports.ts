/** What the benchmarks report, as an editor would: one chamber's approval after another, by each party in turn. */
export function approvalReport(n: number) {
  return {
    type: 'legislative-approval',
    party: n % 2 ? 'RU' : 'IR',
    body: `Chamber ${n}`,
    occurredOn: '2025-04-08',
    source: BENCH_SOURCE,
  } as const;
}

export const BENCH_SOURCE = { publisher: 'Bench Gazette', publishedOn: '2025-05-01' };
