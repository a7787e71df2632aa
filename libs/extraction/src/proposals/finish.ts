import type { ExtractionInput, KnownTreaty, Proposal } from '../extraction.types';
import type { Draft } from './act-proposals';
import { onRecord } from './on-record';
import { stageIdentity } from './same-stage';

/**
 * The proposals an editor sees: one per development (the most confident report of it in the article, the first
 * on a tie), each with the development on record it repeats, if any, and what confirming it would do (`onRecord`),
 * and a confidence rounded to two decimals.
 */
export function finishProposals(
  drafts: readonly Draft[],
  known: readonly KnownTreaty[],
  article: ExtractionInput,
): Proposal[] {
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
      const {
        needsBody: _needsBody,
        present: _present,
        treatyParties: _treatyParties,
        sentence: _sentence,
        paragraph: _paragraph,
        anaphor: _anaphor,
        datedBy: _datedBy,
        ...proposal
      } = draft;
      return {
        ...proposal,
        occurredOn: draft.occurredOn!,
        precision: draft.precision!,
        dateReasoning: draft.dateReasoning!,
        confidence: Math.round(draft.confidence * 100) / 100,
        ...onRecord(draft, draft.occurredOn!, known, article),
      };
    });
}
