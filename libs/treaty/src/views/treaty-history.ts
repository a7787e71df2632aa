import { applyChanges, corroborated, developmentOfEvent, identityKey, type Development } from '../development';
import { isDevelopmentEvent, isRepeatable } from '../development-type';
import { separatedByRejoining } from '../law/rejoining';
import { comparePrecision, endOfPeriod, partialDatesAgree, precisionOf, startOfPeriod } from '../partial-date';
import type { DevelopmentChanges, DevelopmentEventType, Source, TreatyRegistered } from '../treaty.events';
import type { TreatyEventEnvelope } from './treaty-event-envelope';

/**
 * The read side's fold: every development of one treaty with everything recorded about it and when. Both views are
 * built from this, so they agree on what "on record", "as of" and "known at" mean.
 */

export type RecordedAt = {
  readonly eventId: string;
  readonly recordedAt: Date;
  readonly revision: bigint;
  readonly position: bigint;
};

export type SourceReport = RecordedAt & {
  readonly kind: 'original' | 'corroboration';
  readonly source: Source;
  /** The date as this source gave it. */
  readonly occurredOn: string;
};

export type CorrectionEntry = RecordedAt & {
  readonly changes: DevelopmentChanges;
  readonly reason: string;
  readonly source: Source;
};

export type RetractionEntry = RecordedAt & { readonly reason: string; readonly source: Source };

export type DevelopmentHistory = RecordedAt & {
  readonly developmentId: string;
  readonly eventType: DevelopmentEventType;
  readonly reported: Development;
  readonly current: Development;
  readonly sourceReports: readonly SourceReport[];
  readonly corrections: readonly CorrectionEntry[];
  readonly retraction: RetractionEntry | null;
  /** As recorded when reported. */
  readonly recordedDisagreesWith: readonly string[];
};

/** The registration's data (`parties` being the original parties) and every development. */
export type TreatyHistory = TreatyRegistered['data'] & {
  readonly developments: readonly DevelopmentHistory[];
  /** The last event folded. */
  readonly revision: bigint;
  readonly position: bigint;
};

type MutableHistory = {
  -readonly [Key in keyof DevelopmentHistory]: DevelopmentHistory[Key];
};

/** Folds a stream's envelopes (in stream order) up to `knownAt`; null when no registration is known by then. */
export function foldTreatyHistory(
  envelopes: Iterable<TreatyEventEnvelope>,
  knownAt: Date | null,
): TreatyHistory | null {
  const fold = new TreatyHistoryFold();
  for (const envelope of envelopes) {
    if (knownAt === null || envelope.recordedAt.getTime() <= knownAt.getTime()) fold.add(envelope);
  }
  return fold.history();
}

/**
 * The same fold, kept open: a projection adds a treaty's new events as they come instead of folding its whole
 * stream again. `history()` is a snapshot of the developments as they stand; render it before adding more, since
 * the fold goes on updating the development records it shares with that snapshot.
 */
export class TreatyHistoryFold {
  private treaty: Omit<TreatyHistory, 'developments' | 'revision' | 'position'> | null = null;
  private readonly developments = new Map<string, MutableHistory>();
  private last: TreatyEventEnvelope | null = null;

  /** The stream revision of the last event added, or undefined before the first. */
  get revision(): bigint | undefined {
    return this.last?.revision;
  }

  add(envelope: TreatyEventEnvelope): void {
    this.last = envelope;
    const { event } = envelope;
    if (isDevelopmentEvent(event)) {
      const development = developmentOfEvent(event);
      const { developmentId, source, occurredOn, disagreesWith } = event.data;
      this.developments.set(developmentId, {
        eventId: envelope.eventId,
        recordedAt: envelope.recordedAt,
        revision: envelope.revision,
        position: envelope.position,
        developmentId,
        eventType: event.type,
        reported: development,
        current: development,
        sourceReports: [sourceReport(envelope, 'original', source, occurredOn)],
        corrections: [],
        retraction: null,
        recordedDisagreesWith: disagreesWith ?? [],
      });
      return;
    }
    switch (event.type) {
      case 'TreatyRegistered':
        this.treaty ??= { ...event.data };
        break;
      case 'DevelopmentCorroborated': {
        const target = this.developments.get(event.data.developmentId);
        const { source, occurredOn } = event.data;
        if (target) {
          target.sourceReports = target.sourceReports.concat(
            sourceReport(envelope, 'corroboration', source, occurredOn),
          );
          // A finer date, or the reading named, refines it, as in the decider's fold.
          target.current = corroborated(target.current, event.data);
        }
        break;
      }
      case 'DevelopmentCorrected': {
        const target = this.developments.get(event.data.developmentId);
        const { changes, reason, source } = event.data;
        if (target) {
          target.current = applyChanges(target.current, changes);
          target.corrections = target.corrections.concat({
            eventId: envelope.eventId,
            recordedAt: envelope.recordedAt,
            revision: envelope.revision,
            position: envelope.position,
            changes,
            reason,
            source,
          });
        }
        break;
      }
      case 'DevelopmentRetracted': {
        const target = this.developments.get(event.data.developmentId);
        const { reason, source } = event.data;
        if (target) {
          target.retraction = {
            eventId: envelope.eventId,
            recordedAt: envelope.recordedAt,
            revision: envelope.revision,
            position: envelope.position,
            reason,
            source,
          };
        }
        break;
      }
      default: {
        const unexpected: never = event;
        throw new Error(`Unexpected treaty event ${JSON.stringify(unexpected)}`);
      }
    }
  }

  /** Null until a registration has been added. */
  history(): TreatyHistory | null {
    if (this.treaty === null || this.last === null) return null;
    return Object.assign({}, this.treaty, {
      developments: [...this.developments.values()],
      revision: this.last.revision,
      position: this.last.position,
    });
  }
}

// Object literals written out, not `{ ...recorded, ... }`: on Node 20 a spread followed by more properties takes
// V8's slow path, and made this fold (which a replay runs for every event) some 50 times slower.
function sourceReport(
  envelope: TreatyEventEnvelope,
  kind: SourceReport['kind'],
  source: Source,
  occurredOn: string,
): SourceReport {
  return {
    eventId: envelope.eventId,
    recordedAt: envelope.recordedAt,
    revision: envelope.revision,
    position: envelope.position,
    kind,
    source,
    occurredOn,
  };
}

/** Keeps the developments that had happened by `asOf`: a month or a year counts from its last day. */
export function happenedBy<T extends { readonly current: Development }>(
  developments: readonly T[],
  asOf: string | null,
): T[] {
  return developments.filter((development) => asOf === null || endOfPeriod(development.current.occurredOn) <= asOf);
}

export function isOnRecord(development: DevelopmentHistory): boolean {
  return development.retraction === null;
}

/**
 * The developments in valid-time order (by the first day of each period), ties in recorded order; a new array.
 * Each date's first day is worked out once, not at every comparison of the sort.
 */
export function inValidTimeOrder<T extends DevelopmentHistory>(developments: readonly T[]): T[] {
  return developments
    .map((development) => ({ development, start: startOfPeriod(development.current.occurredOn) }))
    .sort((a, b) => {
      if (a.start !== b.start) return a.start < b.start ? -1 : 1;
      const x = a.development.revision;
      const y = b.development.revision;
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map(({ development }) => development);
}

/**
 * The ids of the other on-record reports of the same development whose dates do not agree with this one's, as the
 * record stands now (a correction or retraction resolves a disagreement).
 */
export function openDisagreements(development: DevelopmentHistory, onRecord: readonly DevelopmentHistory[]): string[] {
  // An act that recurs is another occurrence when its date differs, never a disagreement.
  if (!isOnRecord(development) || isRepeatable(development.current.type)) return [];
  return (reportsByIdentity(onRecord).get(identityKey(development.current)) ?? [])
    .filter(
      (other) =>
        other.developmentId !== development.developmentId &&
        !partialDatesAgree(other.current.occurredOn, development.current.occurredOn) &&
        !separatedByRejoining(other.current, development.current, onRecord),
    )
    .map((other) => other.developmentId);
}

// Views ask for the disagreements of every development against the same list: index it once per list, so that a
// treaty's view stays linear in its history instead of quadratic.
const identityIndexes = new WeakMap<readonly DevelopmentHistory[], Map<string, DevelopmentHistory[]>>();

function reportsByIdentity(reports: readonly DevelopmentHistory[]): Map<string, DevelopmentHistory[]> {
  let index = identityIndexes.get(reports);
  if (!index) {
    index = groupByIdentity(reports);
    identityIndexes.set(reports, index);
  }
  return index;
}

/**
 * The report that speaks for a development when several disagree: the most precise date, and among equally precise
 * ones the later report.
 */
export function representativeOf<T extends DevelopmentHistory>(reports: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const report of reports) {
    if (best === undefined) {
      best = report;
      continue;
    }
    const precision = comparePrecision(precisionOf(report.current.occurredOn), precisionOf(best.current.occurredOn));
    if (precision > 0 || (precision === 0 && report.revision > best.revision)) best = report;
  }
  return best;
}

/** Groups reports by what development they report. */
export function groupByIdentity(reports: readonly DevelopmentHistory[]): Map<string, DevelopmentHistory[]> {
  const groups = new Map<string, DevelopmentHistory[]>();
  for (const report of reports) {
    const key = identityKey(report.current);
    const group = groups.get(key);
    if (group) group.push(report);
    else groups.set(key, [report]);
  }
  return groups;
}
