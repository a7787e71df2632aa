import type { KnownTreaty } from '../extraction.types';
import type { DiplomacyFinding } from '../rules/find-diplomacy';
import type { Sentence } from '../text/sentences';
import { matchTreaty } from '../treaties/match-treaty';
import type { ArticleFocus, Draft } from './act-proposals';

const BASE = 0.6;
const UNDATED = 0.7;

/**
 * A statement or talks as a draft: matched to the treaty the sentence names (or the article's focus, for a
 * statement about "the pact"); without a date in the sentence, dated by the publication, with a lower confidence,
 * unless a phrase points back to an earlier event ("said at the time"): that date is the article's to give.
 */
export function draftDiplomacy(
  sentence: Sentence,
  finding: DiplomacyFinding,
  known: readonly KnownTreaty[],
  focus: ArticleFocus,
  publishedOn: string,
): Draft {
  const named = [...new Set(finding.parties.map((mention) => mention.code))];
  const match =
    finding.type === 'statement' || finding.noun
      ? matchTreaty(
          {
            parties: named,
            text: sentence.text,
            noun: finding.noun,
            focus: focus.treatyId,
            act: { type: finding.type },
          },
          known,
        )
      : undefined;
  const title = finding.type === 'negotiations' && !finding.noun ? finding.topic : (finding.noun?.phrase ?? 'treaty');
  const date =
    finding.date ??
    (finding.anaphor
      ? undefined
      : {
          occurredOn: publishedOn,
          precision: 'day' as const,
          reasoning: `no date in the sentence: ${finding.type === 'statement' ? 'reported speech' : 'the report'} taken as of the publication date ${publishedOn}`,
        });
  let confidence = BASE * (finding.date || finding.anaphor ? 1 : UNDATED);
  if (!match) confidence *= 0.8;
  else if (match.ambiguous) confidence *= 0.7;
  return {
    treatyId: match?.treaty.id ?? null,
    ...(match ? {} : { treatyTitle: title }),
    parties: match ? match.parties : named,
    type: finding.type,
    ...(finding.type === 'statement'
      ? { speaker: finding.speaker, ...(finding.speakerParty ? { party: finding.speakerParty } : {}) }
      : { stage: finding.stage }),
    ...(date
      ? {
          occurredOn: date.occurredOn,
          precision: date.precision,
          dateReasoning: date.reasoning,
          ...(date.period ? { period: date.period } : {}),
          datedBy: finding.date ? ('sentence' as const) : ('publication' as const),
        }
      : { anaphor: finding.anaphor! }),
    quote: sentence.text,
    quoteStart: sentence.start,
    quoteEnd: sentence.end,
    confidence,
    needsBody: false,
    present: false,
    treatyParties: match ? match.treaty.parties : named,
    sentence: sentence.index,
    paragraph: sentence.paragraph,
  };
}
