export interface Row {
  readonly scenario: string;
  readonly subject: string;
  readonly figures: string;
  readonly ratio?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function latencies(samples: number[]): { p50: string; p99: string } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: `${percentile(sorted, 50).toFixed(3)} ms`, p99: `${percentile(sorted, 99).toFixed(3)} ms` };
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

/** The p50 and p99 of samples in milliseconds, as numbers (`latencies` gives them as text). */
export function latencyOf(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const ms = (value: number): string => (value >= 10 ? value.toFixed(0) : value.toPrecision(2));

/** "p50 1.2 ms, p99 4.5 ms"; with a second latency beside it, "p50 1.2 / 0.30 ms, p99 4.5 / 0.90 ms". */
export function latencyFigures(ours: Latency, limit?: Latency): string {
  const both = (pick: (latency: Latency) => number) =>
    limit ? `${ms(pick(ours))} / ${ms(pick(limit))} ms` : `${ms(pick(ours))} ms`;
  return `p50 ${both((latency) => latency.p50)}, p99 ${both((latency) => latency.p99)}`;
}

export const perSecond = (count: number, ms: number): number => Math.round((count * 1000) / ms);
export const fmt = (n: number): string => n.toLocaleString('en-US');

export function printTable(rows: readonly Row[]): void {
  const widths = [26, 34, 58, 10];
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ');
  console.log(line(['scenario', 'subject', 'figures', 'ratio']));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of rows) console.log(line([row.scenario, row.subject, row.figures, row.ratio ?? '']));
}
