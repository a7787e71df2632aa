import type { RelationType } from '../law/treaty-law.vocabulary';
import type { DevelopmentHistory, TreatyHistory } from './treaty-history';

/**
 * Why the record holds no treaty by an id that another treaty names: none was ever registered under it (a typo, or
 * a treaty a backfill registers later: `npm run import` registers treaties in file order), or its stream was
 * deleted for good (decision 0024).
 */
export type NotOnRecordReason = 'not-registered' | 'deleted';

/**
 * A treaty this one names (a relation it states, a statement, negotiations or context naming it) that the record
 * does not hold. The decider accepts such a name on purpose (decision 0045); the views say so, as they flag
 * unusual acts in `warnings`, so that a reader does not follow a link to nothing and an editor can check the id.
 */
export type TreatyNotOnRecord = {
  readonly treatyId: string;
  readonly reason: NotOnRecordReason;
  /** The relations this treaty states to it, as registered. */
  readonly relations: readonly RelationType[];
  /** The developments the view shows that name it (statements, negotiations, context), in the view's order. */
  readonly developmentIds: readonly string[];
};

/**
 * Every other treaty's id this treaty's record names: its relations and what its diplomacy names, retracted or not.
 * What the renderer looks up in its registry, to tell the view which of them are not on record.
 */
export function treatyIdsNamedIn(history: TreatyHistory): Set<string> {
  const ids = new Set((history.relations ?? []).map((relation) => relation.treatyId));
  for (const development of history.developments) {
    for (const treatyId of namesOf(development)) ids.add(treatyId);
  }
  ids.delete(history.treatyId);
  return ids;
}

/**
 * The named treaties the record does not hold (`notOnRecord`, the renderer's answer for `treatyIdsNamedIn`), each
 * with where it is named: the relations, then the `developments` shown, in their order. A treaty named only by a
 * development the view does not show (after `asOf`) is not listed.
 */
export function treatiesNotOnRecord(
  history: TreatyHistory,
  developments: readonly DevelopmentHistory[],
  notOnRecord: ReadonlyMap<string, NotOnRecordReason> | undefined,
): TreatyNotOnRecord[] {
  if (notOnRecord === undefined || notOnRecord.size === 0) return [];
  const listed = new Map<
    string,
    { treatyId: string; reason: NotOnRecordReason; relations: RelationType[]; developmentIds: string[] }
  >();
  const entry = (treatyId: string) => {
    const reason = treatyId === history.treatyId ? undefined : notOnRecord.get(treatyId);
    if (reason === undefined) return undefined;
    let named = listed.get(treatyId);
    if (named === undefined) {
      named = { treatyId, reason, relations: [], developmentIds: [] };
      listed.set(treatyId, named);
    }
    return named;
  };
  for (const { type, treatyId } of history.relations ?? []) entry(treatyId)?.relations.push(type);
  for (const development of developments) {
    // A statement naming the treaty twice is one naming.
    for (const treatyId of new Set(namesOf(development)))
      entry(treatyId)?.developmentIds.push(development.developmentId);
  }
  return [...listed.values()];
}

function namesOf({ current }: DevelopmentHistory): readonly string[] {
  return current.type === 'statement' || current.type === 'negotiations' || current.type === 'context'
    ? (current.treaties ?? [])
    : [];
}
