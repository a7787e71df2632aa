import { partialDatesAgree } from '@timeline/treaty';
import { isTreatyAct, type KnownTreaty, type Proposal } from '../extraction.types';
import { sameBody } from '../treaties/match-treaty';
import type { Draft } from './act-proposals';
import { sameStage, stageIdentity } from './same-stage';

/**
 * The proposals an editor sees: one per development (the most confident report of it in the article, the first
 * on a tie), each with the development on record it repeats, if any, and a confidence rounded to two decimals.
 */
export function finishProposals(drafts: readonly Draft[], known: readonly KnownTreaty[]): Proposal[] {
  const best = new Map<string, Draft>();
  for (const draft of drafts) {
    if (draft.occurredOn === undefined) continue;
    const key = [
      draft.treatyId ?? draft.treatyTitle,
      draft.type,
      draft.party,
      draft.body,
      stageIdentity(draft.stage),
      draft.speaker,
      draft.occurredOn,
    ].join('|');
    const kept = best.get(key);
    if (!kept || draft.confidence > kept.confidence) best.set(key, draft);
  }
  return [...best.values()]
    .sort((a, b) => a.quoteStart - b.quoteStart)
    .map((draft) => {
      const { needsBody: _needsBody, present: _present, treatyParties: _treatyParties, ...proposal } = draft;
      return {
        ...proposal,
        occurredOn: draft.occurredOn!,
        precision: draft.precision!,
        dateReasoning: draft.dateReasoning!,
        confidence: Math.round(draft.confidence * 100) / 100,
        alreadyRecorded: recorded(draft, known),
      };
    });
}

/**
 * Same treaty, type, party, chamber and stage (the decisive vote with or without one given, as the record matches
 * them), and a date that agrees at the coarser precision. Acts only.
 */
function recorded(draft: Draft, known: readonly KnownTreaty[]): string | null {
  if (draft.treatyId === null || !isTreatyAct(draft.type)) return null;
  const treaty = known.find((candidate) => candidate.id === draft.treatyId);
  const match = treaty?.developments?.find(
    (development) =>
      development.type === draft.type &&
      (development.party ?? undefined) === draft.party &&
      (development.body
        ? draft.body !== undefined && sameBody(development.body, draft.body)
        : draft.body === undefined) &&
      sameStage(development.stage ?? undefined, draft.stage) &&
      partialDatesAgree(development.occurredOn, draft.occurredOn!),
  );
  return match?.id ?? null;
}
