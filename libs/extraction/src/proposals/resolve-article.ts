import { isTreatyAct, type KnownTreaty } from '../extraction.types';
import type { Sentence } from '../text/sentences';
import type { Draft } from './act-proposals';
import { excerpt } from './excerpt';
import { referredDate } from './referred-date';
import { sameStage } from './same-stage';

const INHERITED_DATE = 0.7;
const PUBLICATION_DATE = 0.8;
const CARRIED_BODY = 0.6;
/** A date pointed back to ("at the time") is less sure than one the sentence gives. */
const REFERRED_DATE = 0.8;
/** Reported speech that points back to a time the article does not date: less sure than plain undated speech. */
const REFERENCE_NOT_FOUND = 0.5;

/** What the article gives besides its drafts: its sentences, and the record of the treaties it may concern. */
export interface ArticleContext {
  readonly sentences: readonly Sentence[];
  readonly known: readonly KnownTreaty[];
}

/**
 * What one sentence leaves open, the article often says elsewhere. An approval verb without a chamber ("a similar
 * agreement ... ratified in October") is taken as a vote of the chamber the article names for the state that
 * ratified (for one of the treaty's parties when the sentence names none); failing that, as the state's completed
 * ratification. An act without a date is the same act as a dated report of it in the article ("the deal signed on
 * Friday" ... "who signed the agreement at a ceremony"); failing that, a phrase that points back ("on the same day",
 * "said at the time") takes the date of the event it points to (see `referredDate`); failing that, a verb in the
 * present ("Russia and Iran sign") is news of the publication day; anything else is dropped, since no date can be
 * proposed for it. Statements and talks are dated by the publication when their sentence gives no date; one that
 * points back to a date the article does not give says so.
 */
export function resolveArticle(drafts: readonly Draft[], publishedOn: string, article: ArticleContext): Draft[] {
  const withBodies = drafts.map((draft) => (draft.needsBody ? carryBody(draft, drafts) : draft));
  const resolved: Draft[] = [];
  for (const draft of withBodies) {
    if (draft.occurredOn !== undefined) {
      resolved.push(draft);
      continue;
    }
    // Only a treaty act is the same act again: two statements of one party are two statements.
    const same = isTreatyAct(draft.type)
      ? nearest(
          draft,
          withBodies.filter((other) => other.occurredOn !== undefined && sameAct(other, draft)),
        )
      : undefined;
    if (same) {
      resolved.push({
        ...draft,
        occurredOn: same.occurredOn!,
        precision: same.precision!,
        ...(same.period ? { period: same.period } : {}),
        dateReasoning: `no date in the sentence; the same act as the article dates in "${excerpt(same.quote)}": ${same.dateReasoning}`,
        confidence: draft.confidence * INHERITED_DATE,
        datedBy: 'article',
      });
    } else if (draft.anaphor) {
      resolved.push(draft);
    } else if (draft.present) {
      resolved.push({
        ...draft,
        occurredOn: publishedOn,
        precision: 'day',
        dateReasoning: `no date in the sentence and the verb in the present: news of the publication date ${publishedOn}`,
        confidence: draft.confidence * PUBLICATION_DATE,
        datedBy: 'publication',
      });
    }
  }
  return pointedBack(resolved, publishedOn, article);
}

/** Dates, in text order, the drafts whose sentence points back to an earlier event (one may point to another). */
function pointedBack(drafts: readonly Draft[], publishedOn: string, article: ArticleContext): Draft[] {
  const resolved = [...drafts];
  for (const [index, draft] of drafts.entries()) {
    if (draft.occurredOn !== undefined || !draft.anaphor) continue;
    const date = referredDate(draft, resolved, article.sentences, publishedOn, article.known);
    if (date) {
      resolved[index] = {
        ...draft,
        occurredOn: date.occurredOn,
        precision: date.precision,
        ...(date.period ? { period: date.period } : {}),
        dateReasoning: date.reasoning,
        confidence: draft.confidence * REFERRED_DATE,
        datedBy: 'article',
      };
    } else if (isTreatyAct(draft.type) && draft.present) {
      resolved[index] = {
        ...draft,
        occurredOn: publishedOn,
        precision: 'day',
        dateReasoning: `"${draft.anaphor.phrase}" points back to a date the article does not give, and the verb is in the present: news of the publication date ${publishedOn}`,
        confidence: draft.confidence * PUBLICATION_DATE * REFERENCE_NOT_FOUND,
        datedBy: 'publication',
      };
    } else if (!isTreatyAct(draft.type)) {
      resolved[index] = {
        ...draft,
        occurredOn: publishedOn,
        precision: 'day',
        dateReasoning: `no date in the sentence, and the date "${draft.anaphor.phrase}" refers to was not found in the article: ${draft.type === 'statement' ? 'reported speech' : 'the report'} taken as of the publication date ${publishedOn}`,
        confidence: draft.confidence * REFERENCE_NOT_FOUND,
        datedBy: 'publication',
      };
    }
  }
  // An act that points back to a date nowhere given, with a past verb, has no date to propose: dropped, as any other.
  return resolved.filter((draft) => draft.occurredOn !== undefined);
}

function carryBody(draft: Draft, drafts: readonly Draft[]): Draft {
  const voted = nearest(
    draft,
    drafts.filter(
      (other) =>
        other.type === 'legislative-approval' &&
        other.body !== undefined &&
        other.party !== undefined &&
        // The state that ratified, when the sentence names it: never another state's chamber.
        (draft.party === undefined
          ? draft.treatyId === null || draft.treatyParties.includes(other.party)
          : other.party === draft.party),
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
