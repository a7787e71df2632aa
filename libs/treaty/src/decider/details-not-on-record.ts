import { normalizeBody, type Development } from '../development';
import { isDecisiveStage } from '../law/treaty-law.vocabulary';
import { plainEqual } from '../plain-data';

/** A detail a report gives that the development on record does not hold as given. */
export interface DetailNotOnRecord {
  readonly field: string;
  readonly reported: unknown;
  /** Undefined when the record has no value for it. */
  readonly onRecord: unknown;
}

/** What every report carries and a corroboration records itself: never a detail it would drop. */
const RECORDED_BY_CORROBORATION = new Set(['type', 'occurredOn']);

/**
 * The details of a report that a corroboration of `onRecord` would drop, since a corroboration records only its
 * source and date: a value the record lacks, or holds otherwise. A report that says less than the record (no place,
 * "Moscow" where the record says "Kremlin, Moscow", fewer signatories) drops nothing. Text is compared as identities
 * are, ignoring case and spaces, since editors type it by hand; a list agrees when each name it gives is on record; a
 * decisive reading agrees with a decisive reading ("final", "third-reading", none), as it does in identities; anything
 * else (a vote count) must be equal. `added` names a field the corroboration does record (the reading of a vote on
 * record without one).
 */
export function detailsNotOnRecord(onRecord: Development, report: Development, added?: string): DetailNotOnRecord[] {
  const recorded = onRecord as unknown as Record<string, unknown>;
  const reported = report as unknown as Record<string, unknown>;
  const missing: DetailNotOnRecord[] = [];
  for (const field of Object.keys(reported)) {
    const value = reported[field];
    if (value === undefined || field === added || RECORDED_BY_CORROBORATION.has(field)) continue;
    if (field === 'stage' && bothDecisive(report, onRecord)) continue;
    if (!agrees(value, recorded[field])) missing.push({ field, reported: value, onRecord: recorded[field] });
  }
  return missing;
}

function bothDecisive(report: Development, onRecord: Development): boolean {
  return (
    report.type === 'legislative-approval' &&
    onRecord.type === 'legislative-approval' &&
    isDecisiveStage(report.stage) &&
    isDecisiveStage(onRecord.stage)
  );
}

function agrees(reported: unknown, onRecord: unknown): boolean {
  if (typeof reported === 'string') return typeof onRecord === 'string' && saysNoMore(reported, onRecord);
  if (Array.isArray(reported)) {
    if (!Array.isArray(onRecord)) return false;
    return reported.every((item) => onRecord.some((known) => agrees(item, known)));
  }
  return plainEqual(reported, onRecord);
}

/** The reported text is the recorded one, or part of it ("Moscow" of "Kremlin, Moscow"): it says no more. */
function saysNoMore(reported: string, onRecord: string): boolean {
  return reported === onRecord || normalizeBody(onRecord).includes(normalizeBody(reported));
}
