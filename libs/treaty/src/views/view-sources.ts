import { plainEqual } from '../plain-data';
import type { Source } from '../treaty.events';
import type { SourceReport } from './treaty-history';

/** A source as the views show it: what it says plus which event brought it in and when. */
export type ViewSource = Source & {
  readonly kind: 'original' | 'corroboration';
  readonly eventId: string;
  readonly recordedAt: Date;
  /** Where the log holds that event: a feed orders what changed by it (decision 0053). */
  readonly position: bigint;
  /** The date as this source gave it. */
  readonly reportedOccurredOn: string;
};

export function viewSource(report: SourceReport): ViewSource {
  // Object.assign, not a spread followed by more properties: on Node 20 that spread takes V8's slow path, some 20
  // times slower, and every view shows every source.
  return Object.assign({}, report.source, {
    kind: report.kind,
    eventId: report.eventId,
    recordedAt: report.recordedAt,
    position: report.position,
    reportedOccurredOn: report.occurredOn,
  });
}

/** Every source report, the same source cited twice (a resubmitted report) shown once, at its first recording. */
export function distinctSources(reports: readonly SourceReport[]): ViewSource[] {
  const distinct: SourceReport[] = [];
  for (const report of reports) {
    if (!distinct.some((kept) => plainEqual(kept.source, report.source))) distinct.push(report);
  }
  return distinct.map(viewSource);
}
