import { precisionOf } from '@timeline/treaty';
import { shiftedDate, type DateOffset } from '../dates/date-offset';
import { findDates } from '../dates/date-parser';
import { resolveDate, type ResolvedDate } from '../dates/resolve-date';
import type { KnownTreaty, ProposalType } from '../extraction.types';
import type { Sentence } from '../text/sentences';
import type { Draft } from './act-proposals';
import { excerpt } from './excerpt';

/** How an act is named in a date's reasoning: "the date of the signing". */
const ACT_NAMES: Record<ProposalType, string> = {
  signed: 'the signing',
  'legislative-approval': 'the vote',
  'ratification-completed': 'the ratification',
  'instruments-exchanged': 'the exchange of instruments',
  'consent-to-be-bound': 'the consent to be bound',
  'entered-into-force': 'the entry into force',
  suspended: 'the suspension',
  resumed: 'the resumption',
  withdrawn: 'the withdrawal',
  'withdrawal-notified': 'the notice of withdrawal',
  'withdrawal-revoked': 'the revocation of the notice',
  terminated: 'the termination',
  statement: 'the statement',
  negotiations: 'the talks',
  context: 'the event',
};

/**
 * The date a phrase like "at the time" points back to. A phrase that names an act ("at the signing") takes that
 * act's date, from the article (the nearest report of it before, else after) or else from the record; a phrase that
 * names none takes the time the narrative was last at: a development dated earlier in its sentence, else the nearest
 * sentence before it, in its paragraph or the one before, that gives a date, either a development's dated there (the
 * last of them) or, if it reports none, the last date it names ("outlined in a statement in February 2018. ... he
 * said at the time"). A phrase that counts from that date ("two days later", "the day before the vote") moves it by
 * as much, as precisely as the words allow (`shiftedDate`). Undefined when the article gives no such date, or the
 * count leads past the publication: then the caller does not pretend to know one.
 */
export function referredDate(
  draft: Draft,
  drafts: readonly Draft[],
  sentences: readonly Sentence[],
  publishedOn: string,
  known: readonly KnownTreaty[],
): ResolvedDate | undefined {
  const anaphor = draft.anaphor;
  const pointed = pointedTo(draft, drafts, sentences, publishedOn, known);
  if (!pointed || !anaphor?.offset) return pointed;
  const shifted = shiftedDate(pointed.occurredOn, anaphor.offset);
  // Reported, so not after the publication: "a week later" from a date days before it counts from another time.
  if (!shifted || shifted.occurredOn > publishedOn) return undefined;
  return { ...shifted, reasoning: `${pointed.reasoning}; ${describe(anaphor.offset)} → ${shifted.occurredOn}` };
}

/** The date the phrase counts from or points back to; see `referredDate`. */
function pointedTo(
  draft: Draft,
  drafts: readonly Draft[],
  sentences: readonly Sentence[],
  publishedOn: string,
  known: readonly KnownTreaty[],
): ResolvedDate | undefined {
  const anaphor = draft.anaphor;
  if (!anaphor) return undefined;
  // "at the time" → its date; "two days later" counts from the date, which referredDate then moves.
  const said = `"${anaphor.phrase}" ${anaphor.offset ? 'counts from' : '→'}`;
  const dated = drafts.filter(
    (other) => other.occurredOn !== undefined && (other.datedBy === 'sentence' || other.datedBy === 'article'),
  );
  const where = (sentence: number, quote: string) =>
    sentence === draft.sentence
      ? 'earlier in the sentence'
      : sentence === draft.sentence - 1
        ? 'in the sentence before'
        : `in "${excerpt(quote)}"`;

  if (anaphor.names) {
    const name = ACT_NAMES[anaphor.names];
    const reports = dated.filter((other) => other.type === anaphor.names && sameTreaty(other, draft));
    const before = reports.filter((other) => other.sentence < draft.sentence).at(-1);
    const report = before ?? reports.find((other) => other.sentence > draft.sentence);
    if (report)
      return carried(
        report,
        `${said} ${report.occurredOn}, the date of ${name} ${where(report.sentence, report.quote)}`,
      );
    const onRecord = new Set(
      (known.find((treaty) => treaty.id === draft.treatyId)?.developments ?? [])
        .filter((development) => development.type === anaphor.names)
        .map((development) => development.occurredOn),
    );
    // Two dates on record (each party signing on its own day) leave the phrase's one unknown.
    if (onRecord.size !== 1) return undefined;
    const [occurredOn] = [...onRecord] as [string];
    return {
      occurredOn,
      precision: precisionOf(occurredOn),
      reasoning: `${said} ${occurredOn}, the date of ${name} on record`,
    };
  }

  const narrated = (report: Draft) => {
    const name = report.speaker
      ? `${report.speaker}'s statement`
      : report.body
        ? `the ${report.body}'s vote`
        : ACT_NAMES[report.type];
    return carried(report, `${said} ${report.occurredOn}, the date of ${name} ${where(report.sentence, report.quote)}`);
  };
  // Drafts are in the article's order: what its sentence told before it ("signed it on May 3, and ... that day").
  const place = drafts.indexOf(draft);
  const earlier = dated.filter((other) => other.sentence === draft.sentence && drafts.indexOf(other) < place).at(-1);
  if (earlier) return narrated(earlier);
  for (let index = draft.sentence - 1; index >= 0; index--) {
    const sentence = sentences[index]!;
    if (sentence.paragraph < draft.paragraph - 1) break;
    const report = dated.filter((other) => other.sentence === index).at(-1);
    if (report) return narrated(report);
    const named = findDates(sentence.text, sentence.start, publishedOn)
      .map((mention) => resolveDate(mention, publishedOn, true))
      .filter((date): date is ResolvedDate => date !== undefined && date.occurredOn.slice(0, 10) <= publishedOn)
      .at(-1);
    if (named) {
      return {
        ...named,
        reasoning: `${said} ${named.occurredOn}, the time named ${where(index, sentence.text)}: ${named.reasoning}`,
      };
    }
  }
  return undefined;
}

/** "2 days later", "1 month earlier", as a date's reasoning says how it was moved. */
function describe({ amount, unit }: DateOffset): string {
  const size = Math.abs(amount);
  return `${size} ${unit}${size === 1 ? '' : 's'} ${amount < 0 ? 'earlier' : 'later'}`;
}

function carried(report: Draft, reasoning: string): ResolvedDate {
  return {
    occurredOn: report.occurredOn!,
    precision: report.precision!,
    ...(report.period ? { period: report.period } : {}),
    reasoning: `${reasoning}: ${report.dateReasoning}`,
  };
}

function sameTreaty(a: Draft, b: Draft): boolean {
  return a.treatyId === b.treatyId && (a.treatyId !== null || a.treatyTitle === b.treatyTitle);
}
