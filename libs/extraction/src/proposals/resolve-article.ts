import type { Draft } from './act-proposals';
import { sameStage } from './same-stage';

const INHERITED_DATE = 0.7;
const PUBLICATION_DATE = 0.8;
const CARRIED_BODY = 0.6;

/**
 * What one sentence leaves open, the article often says elsewhere. An approval verb without a chamber ("a similar
 * agreement ... ratified in October") is taken as a vote of the chamber the article names for one of the treaty's
 * parties; failing that, as the party's completed ratification. An act without a date is the same act as a dated
 * report of it in the article ("the deal signed on Friday" ... "who signed the agreement at a ceremony"); failing
 * that, a verb in the present ("Russia and Iran sign") is news of the publication day; anything else is dropped,
 * since no date can be proposed for it.
 */
export function resolveArticle(drafts: readonly Draft[], publishedOn: string): Draft[] {
  const withBodies = drafts.map((draft) => (draft.needsBody ? carryBody(draft, drafts) : draft));
  const resolved: Draft[] = [];
  for (const draft of withBodies) {
    if (draft.occurredOn !== undefined) {
      resolved.push(draft);
      continue;
    }
    const same = nearest(
      draft,
      withBodies.filter((other) => other.occurredOn !== undefined && sameAct(other, draft)),
    );
    if (same) {
      resolved.push({
        ...draft,
        occurredOn: same.occurredOn!,
        precision: same.precision!,
        ...(same.period ? { period: same.period } : {}),
        dateReasoning: `no date in the sentence; the same act as the article dates in "${excerpt(same.quote)}": ${same.dateReasoning}`,
        confidence: draft.confidence * INHERITED_DATE,
      });
    } else if (draft.present) {
      resolved.push({
        ...draft,
        occurredOn: publishedOn,
        precision: 'day',
        dateReasoning: `no date in the sentence and the verb in the present: news of the publication date ${publishedOn}`,
        confidence: draft.confidence * PUBLICATION_DATE,
      });
    }
  }
  return resolved;
}

function carryBody(draft: Draft, drafts: readonly Draft[]): Draft {
  const voted = nearest(
    draft,
    drafts.filter(
      (other) =>
        other.type === 'legislative-approval' &&
        other.body !== undefined &&
        other.party !== undefined &&
        (draft.treatyId === null || draft.treatyParties.includes(other.party)),
    ),
  );
  if (voted) {
    return {
      ...draft,
      needsBody: false,
      party: voted.party!,
      body: voted.body!,
      confidence: draft.confidence * CARRIED_BODY,
    };
  }
  const { party, ...rest } = draft;
  return { ...rest, type: 'ratification-completed', needsBody: false, ...(party ? { party } : {}) };
}

function sameAct(a: Draft, b: Draft): boolean {
  return (
    a.type === b.type &&
    a.treatyId === b.treatyId &&
    (a.treatyId !== null || a.treatyTitle === b.treatyTitle) &&
    a.party === b.party &&
    a.body === b.body &&
    sameStage(a.stage, b.stage)
  );
}

function nearest(draft: Draft, others: readonly Draft[]): Draft | undefined {
  const distance = (other: Draft) =>
    Math.abs(other.quoteStart - draft.quoteStart) + (other.quoteStart < draft.quoteStart ? 0 : 0.5);
  return [...others].filter((other) => other !== draft).sort((a, b) => distance(a) - distance(b))[0];
}

function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
