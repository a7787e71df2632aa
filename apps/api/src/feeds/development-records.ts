import type { JsonView } from '@timeline/projections';
import type { DevelopmentType } from '@timeline/treaty';

/** A source as a report cites it. */
export interface CitedSource {
  readonly publisher: string;
  readonly publishedOn: string;
  readonly url?: string;
  readonly document?: string;
  readonly quote?: string;
}

/** A source as cited by a development, from the timeline view: when it was recorded, and whether it corroborates. */
export interface SourceRecord extends CitedSource {
  readonly kind: 'original' | 'corroboration';
  readonly recordedAt: string;
}

export interface CorrectionRecord {
  readonly eventId: string;
  readonly reason: string;
  readonly recordedAt: string;
  readonly changes: Record<string, unknown>;
  readonly source: CitedSource;
}

export interface RetractionRecord {
  readonly eventId: string;
  readonly reason: string;
  readonly recordedAt: string;
  readonly source: CitedSource;
}

/**
 * One development as feeds, calendars and downloads show it: its current fields (corrections applied), every
 * source, and when the record of it last changed. Built from the read model's timeline view, never from events.
 */
export interface DevelopmentRecord {
  readonly treatyId: string;
  readonly treatyTitle: string;
  readonly treatyParties: readonly string[];
  readonly developmentId: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly precision: 'day' | 'month' | 'year';
  readonly party?: string;
  readonly body?: string;
  /** A legislative approval's stage of the chamber's procedure (`first-reading`, ...), when reported. */
  readonly stage?: string;
  readonly place?: string;
  readonly signatories?: readonly string[];
  readonly votes?: { readonly for?: number; readonly against?: number; readonly abstained?: number };
  readonly sources: readonly SourceRecord[];
  readonly recordedAt: string;
  /** The latest of its recording, its corroborations, corrections and retraction. */
  readonly updatedAt: string;
  readonly position: string;
  readonly corrections: readonly CorrectionRecord[];
  readonly retraction: RetractionRecord | null;
}

/** The treaty a set of records belongs to: from its status view. */
export interface TreatySummary {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly string[];
}

export function summaryOf(status: JsonView): TreatySummary {
  return { id: String(status.id), title: String(status.title), parties: (status.parties as string[]) ?? [] };
}

interface TimelineItemJson {
  developmentId: string;
  type: string;
  occurredOn: string;
  precision: 'day' | 'month' | 'year';
  party?: string;
  body?: string;
  stage?: string;
  place?: string;
  signatories?: string[];
  votes?: DevelopmentRecord['votes'];
  sources: SourceRecord[];
  recordedAt: string;
  position: string;
  corrections: CorrectionRecord[];
  retraction: RetractionRecord | null;
}

/** The developments of one treaty's timeline view, in its order (valid time). */
export function developmentRecords(treaty: TreatySummary, timeline: JsonView): DevelopmentRecord[] {
  const items = (timeline.items as TimelineItemJson[] | undefined) ?? [];
  return items.map((item) => {
    const changes = [
      item.recordedAt,
      ...item.sources.map((source) => source.recordedAt),
      ...item.corrections.map((correction) => correction.recordedAt),
      ...(item.retraction ? [item.retraction.recordedAt] : []),
    ];
    return {
      treatyId: treaty.id,
      treatyTitle: treaty.title,
      treatyParties: treaty.parties,
      developmentId: item.developmentId,
      type: item.type,
      occurredOn: item.occurredOn,
      precision: item.precision,
      ...(item.party !== undefined ? { party: item.party } : {}),
      ...(item.body !== undefined ? { body: item.body } : {}),
      ...(item.type === 'legislative-approval' && item.stage !== undefined ? { stage: item.stage } : {}),
      ...(item.place !== undefined ? { place: item.place } : {}),
      ...(item.signatories !== undefined ? { signatories: item.signatories } : {}),
      ...(item.votes !== undefined ? { votes: item.votes } : {}),
      sources: item.sources,
      recordedAt: item.recordedAt,
      updatedAt: changes.reduce((latest, at) => (at > latest ? at : latest)),
      position: item.position,
      corrections: item.corrections,
      retraction: item.retraction,
    };
  });
}

/**
 * Words for every type, which feed titles and calendar summaries lead with: typed by the domain's list, so that a
 * type added there cannot reach a newsroom's calendar as its token ("consent-to-be-bound (FR): …").
 */
const TYPE_LABELS: Record<DevelopmentType, string> = {
  signed: 'Signed',
  'legislative-approval': 'Legislative approval',
  'ratification-completed': 'Ratification completed',
  'instruments-exchanged': 'Instruments of ratification exchanged',
  'entered-into-force': 'Entered into force',
  suspended: 'Suspended',
  resumed: 'Resumed',
  withdrawn: 'Withdrawal',
  terminated: 'Terminated',
  'consent-to-be-bound': 'Consent to be bound',
  reservation: 'Reservation',
  declaration: 'Declaration',
  objection: 'Objection',
  'reservation-withdrawn': 'Reservation withdrawn',
  'objection-withdrawn': 'Objection withdrawn',
  'provisional-application-started': 'Provisional application started',
  'provisional-application-ended': 'Provisional application ended',
  'withdrawal-notified': 'Withdrawal notified',
  statement: 'Statement',
  negotiations: 'Negotiations',
  context: 'Context',
};

const STAGE_LABELS: Record<string, string> = {
  committee: 'committee',
  'first-reading': 'first reading',
  'second-reading': 'second reading',
  'third-reading': 'third reading',
  final: 'final vote',
};

/** "Legislative approval (RU, State Duma, first reading)": what happened, to whom, in a few words. */
export function describeDevelopment(record: DevelopmentRecord): string {
  const label = (TYPE_LABELS as Record<string, string>)[record.type] ?? record.type;
  const stage = record.stage && (STAGE_LABELS[record.stage] ?? record.stage);
  const who = [record.party, record.body, stage, record.place].filter(Boolean).join(', ');
  return who ? `${label} (${who})` : label;
}

export function citeSource(source: CitedSource): string {
  const where = source.url ?? source.document;
  return [
    `${source.publisher}, ${source.publishedOn}`,
    where ? ` <${where}>` : '',
    source.quote ? `: “${source.quote}”` : '',
  ].join('');
}
