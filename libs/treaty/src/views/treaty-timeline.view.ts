import type { Development } from '../development';
import { precisionOf, type DatePrecision } from '../partial-date';
import type { DevelopmentChanges, DevelopmentEventType, Source } from '../treaty.events';
import type { TreatyEventEnvelope } from './treaty-event-envelope';
import {
  foldTreatyHistory,
  happenedBy,
  inValidTimeOrder,
  isOnRecord,
  openDisagreements,
  type DevelopmentHistory,
  type TreatyHistory,
} from './treaty-history';
import { resolveViewOptions, type ResolvedViewOptions, type ViewOptions } from './view-options';
import { viewSource, type ViewSource } from './view-sources';
import { linkedItemsOf, type LinkedItem, type TreatyLinks } from './treaty-links';
import { isDiplomacy } from '../development-type';
import { treatiesNotOnRecord, type TreatyNotOnRecord } from './treaties-not-on-record';

export type TimelineCorrection = {
  readonly eventId: string;
  readonly changes: DevelopmentChanges;
  readonly reason: string;
  readonly source: Source;
  readonly recordedAt: Date;
  /** Where the log holds the correction: a feed orders what changed by it (decision 0053). */
  readonly position: bigint;
};

export type TimelineRetraction = {
  readonly eventId: string;
  readonly reason: string;
  readonly source: Source;
  readonly recordedAt: Date;
  readonly position: bigint;
};

/**
 * One development with its whole story. The development's own fields (`type`, `occurredOn`, `party`, `body`,
 * `place`, `signatories`, `votes`, each only where the type has it) are the effective ones, corrections applied;
 * `reported` keeps them as first reported.
 */
export type TimelineItem = Development & {
  /** `legal-act` changes where the treaty stands; `diplomacy` (statement, negotiations, context) never does. */
  readonly kind: 'legal-act' | 'diplomacy';
  readonly eventId: string;
  readonly developmentId: string;
  readonly eventType: DevelopmentEventType;
  readonly precision: DatePrecision;
  /** Known only to the month or year. */
  readonly approximate: boolean;
  readonly reported: Development;
  /** The original source, then every corroboration, each as recorded. */
  readonly sources: readonly ViewSource[];
  readonly recordedAt: Date;
  readonly revision: bigint;
  readonly position: bigint;
  readonly corrections: readonly TimelineCorrection[];
  readonly retracted: boolean;
  readonly retraction: TimelineRetraction | null;
  /** The reports this one disagreed with when it was recorded. */
  readonly disagreesWith?: readonly string[];
  /** The on-record reports it still disagrees with, once corrections and retractions are taken into account. */
  readonly openDisagreements: readonly string[];
};

export type TreatyTimelineView = {
  readonly treatyId: string;
  readonly title: string;
  readonly items: readonly TimelineItem[];
  /** Statements, negotiations and context recorded on other treaties that link this one, in valid-time order. */
  readonly linkedItems: readonly LinkedItem[];
  /**
   * The treaties this one names (its relations, the statements, negotiations and context among `items`) that the
   * record does not hold: not registered (yet), or deleted for good. Links to them lead nowhere.
   */
  readonly treatiesNotOnRecord: readonly TreatyNotOnRecord[];
  readonly asOf: string | null;
  readonly knownAt: Date | null;
  readonly revision: bigint;
  readonly position: bigint;
};

/**
 * The full history of a treaty in valid-time order (ties in recorded order): retracted developments stay, marked,
 * with their corrections and retraction beside them. Returns null when no registration is known (at `knownAt`).
 */
export function treatyTimelineView(
  events: Iterable<TreatyEventEnvelope>,
  options: ViewOptions = {},
  links?: TreatyLinks,
): TreatyTimelineView | null {
  const { asOf, knownAt } = resolveViewOptions(options);
  const history = foldTreatyHistory(events, knownAt);
  return history && treatyTimelineOf(history, { asOf, knownAt }, links);
}

/** The timeline view of an already folded history (see `treatyTimelineView`). */
export function treatyTimelineOf(
  history: TreatyHistory,
  { asOf, knownAt }: ResolvedViewOptions,
  links?: TreatyLinks,
): TreatyTimelineView {
  const developments = inValidTimeOrder(happenedBy(history.developments, asOf));
  const onRecord = developments.filter(isOnRecord);
  return {
    treatyId: history.treatyId,
    title: history.title,
    items: developments.map((development) => item(development, onRecord)),
    linkedItems: linkedItemsOf(links, asOf),
    treatiesNotOnRecord: treatiesNotOnRecord(history, developments, links?.notOnRecord),
    asOf,
    knownAt,
    revision: history.revision,
    position: history.position,
  };
}

function item(development: DevelopmentHistory, onRecord: readonly DevelopmentHistory[]): TimelineItem {
  const precision = precisionOf(development.current.occurredOn);
  const { retraction } = development;
  // Object.assign rather than a spread followed by more properties: see viewSource.
  const kind: TimelineItem['kind'] = isDiplomacy(development.current.type) ? 'diplomacy' : 'legal-act';
  const open = openDisagreements(development, onRecord);
  return Object.assign(
    {},
    development.current,
    {
      kind,
      eventId: development.eventId,
      developmentId: development.developmentId,
      eventType: development.eventType,
      precision,
      approximate: precision !== 'day',
      reported: development.reported,
      sources: development.sourceReports.map(viewSource),
      recordedAt: development.recordedAt,
      revision: development.revision,
      position: development.position,
      corrections: development.corrections.map(({ eventId, changes, reason, source, recordedAt, position }) => ({
        eventId,
        changes,
        reason,
        source,
        recordedAt,
        position,
      })),
      retracted: retraction !== null,
      retraction: retraction && {
        eventId: retraction.eventId,
        reason: retraction.reason,
        source: retraction.source,
        recordedAt: retraction.recordedAt,
        position: retraction.position,
      },
    },
    development.recordedDisagreesWith.length > 0
      ? { disagreesWith: development.recordedDisagreesWith, openDisagreements: open }
      : { openDisagreements: open },
  );
}
