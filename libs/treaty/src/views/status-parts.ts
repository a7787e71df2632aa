import { bodyOf, partyOf, type Development } from '../development';
import { isDiplomacy, isRepeatable, type DevelopmentType } from '../development-type';
import { occurrencesOf } from '../law/rejoining';
import { precisionOf, type DatePrecision } from '../partial-date';
import type { LegislativeStage } from '../law/treaty-law.vocabulary';
import type { Votes } from '../treaty.events';
import { groupByIdentity, openDisagreements, type DevelopmentHistory } from './treaty-history';
import { distinctSources, type ViewSource } from './view-sources';

/** The per-party steps and the open disagreements of the status view. */

export type RatificationStep = {
  readonly developmentId: string;
  readonly type:
    | 'legislative-approval'
    | 'ratification-completed'
    | 'withdrawn'
    | 'consent-to-be-bound'
    | 'withdrawal-notified'
    | 'withdrawal-revoked';
  readonly body: string | null;
  readonly votes: Votes | null;
  /**
   * A legislative approval's stage of the chamber's procedure, when the report gives one: a first reading is one
   * step, its third reading another. Absent: the chamber's decisive vote.
   */
  readonly stage?: LegislativeStage;
  readonly occurredOn: string;
  readonly precision: DatePrecision;
  /** Known only to the month or year. */
  readonly approximate: boolean;
  readonly sources: readonly ViewSource[];
  /** Other reports of the same step on record whose dates do not agree with this one. */
  readonly disagreesWith?: readonly string[];
};

/** An open disagreement: reports of one development whose dates do not agree, waiting for an editor. */
export type Disagreement = {
  readonly type: DevelopmentHistory['current']['type'];
  readonly party: string | null;
  readonly body: string | null;
  /** A legislative approval's stage, when the reports that disagree give one. */
  readonly stage?: LegislativeStage;
  readonly developmentIds: readonly string[];
  /**
   * For an entry into force that disagrees with the treaty's clause, the date the clause gives; for a termination
   * that disagrees with a bilateral treaty's end by withdrawal, the day that withdrawal took effect; for a reported
   * withdrawal (`withdrawn`) that disagrees with a notice's effect computed from the notice period, that effect.
   */
  readonly computedOn?: string | null;
};

/** The developments that make up a party's path; the others concern the treaty as a whole. */
export function stepType(development: Development): RatificationStep['type'] | null {
  switch (development.type) {
    case 'legislative-approval':
    case 'ratification-completed':
    case 'withdrawn':
    case 'consent-to-be-bound':
    case 'withdrawal-notified':
    case 'withdrawal-revoked':
      return development.type;
    case 'signed':
    case 'instruments-exchanged':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'terminated':
    case 'reservation':
    case 'declaration':
    case 'objection':
    case 'reservation-withdrawn':
    case 'objection-withdrawn':
    case 'provisional-application-started':
    case 'provisional-application-ended':
    case 'statement':
    case 'negotiations':
    case 'context':
      return null;
    default: {
      const unexpected: never = development;
      throw new Error(`Unexpected development ${JSON.stringify(unexpected)}`);
    }
  }
}

/**
 * Developments the status view shows only in fields of their own (a party's reservations, declarations and
 * objections) or in the timeline (diplomacy): neither their presence nor their date moves the treaty's status, its
 * parties or a party's ratification status. Not the exchange of instruments: it establishes the consents it
 * exchanges, which can bring the treaty into force (decision 0079). Nor provisional application: a treaty applied
 * provisionally has an operation to suspend, so its start or end decides whether a suspension suspends it (decision
 * 0085).
 */
export function neverMovesStatus(type: DevelopmentType): boolean {
  return isDiplomacy(type) || SHOWN_BESIDE_THE_STATUS.has(type);
}

const SHOWN_BESIDE_THE_STATUS: ReadonlySet<DevelopmentType> = new Set<DevelopmentType>([
  'reservation',
  'declaration',
  'objection',
  'reservation-withdrawn',
  'objection-withdrawn',
]);

export function step(
  report: DevelopmentHistory,
  type: RatificationStep['type'],
  onRecord: readonly DevelopmentHistory[],
): RatificationStep {
  const { current } = report;
  const precision = precisionOf(current.occurredOn);
  const disagreesWith = openDisagreements(report, onRecord);
  const stage = current.type === 'legislative-approval' ? current.stage : undefined;
  return {
    developmentId: report.developmentId,
    type,
    body: bodyOf(current) ?? null,
    votes: current.type === 'legislative-approval' ? (current.votes ?? null) : null,
    ...(stage !== undefined ? { stage } : {}),
    occurredOn: current.occurredOn,
    precision,
    approximate: precision !== 'day',
    sources: distinctSources(report.sourceReports),
    ...(disagreesWith.length > 0 ? { disagreesWith } : {}),
  };
}

export function disagreementsIn(onRecord: readonly DevelopmentHistory[]): Disagreement[] {
  const disagreements: Disagreement[] = [];
  const occurrences = [...groupByIdentity(onRecord).values()].flatMap((reports) => occurrencesOf(reports, onRecord));
  for (const reports of occurrences) {
    const [first] = reports;
    if (
      first === undefined ||
      isRepeatable(first.current.type) ||
      !reports.some((report) => openDisagreements(report, reports).length > 0)
    )
      continue;
    const stage = first.current.type === 'legislative-approval' ? first.current.stage : undefined;
    disagreements.push({
      type: first.current.type,
      party: partyOf(first.current) ?? null,
      body: bodyOf(first.current) ?? null,
      ...(stage !== undefined ? { stage } : {}),
      developmentIds: reports.map((report) => report.developmentId),
    });
  }
  return disagreements;
}
