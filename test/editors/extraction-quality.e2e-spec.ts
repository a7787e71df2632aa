import { describe, expect } from '@jest/globals';
import { extractDevelopments } from '@timeline/extraction';
import { DEMO_ARTICLES } from '../../apps/api/src/demo/demo-data';
import { itReadingArticles as readingArticles } from '../../apps/api/src/demo/testing/it-reading-articles';
import { locateSeedArticles } from '../../apps/api/src/demo/testing/seed-articles';
import { EXPECTED_ACTS, knownTreaties, measure, measureStatements, type ArticleFigures } from './extraction-measure';

const articles = locateSeedArticles();
const itReadingArticles = readingArticles(articles);

/**
 * Issue 17, item 4: the extraction over the five demo articles, against the treaty acts a human extracted from
 * them (the demo data). Two settings: the record holds what the other four articles reported (as it would when an
 * editor pastes a new article: leave-one-out, so no article is matched against its own facts), and the registry
 * holds the treaties alone, with no developments to lean on.
 */
describe('assisted extraction on the demo articles', () => {
  const run = (record: boolean): ArticleFigures[] =>
    DEMO_ARTICLES.map(({ document }) => {
      if (!articles.available) throw new Error(articles.reason);
      const text = articles.read(document);
      const publishedOn = EXPECTED_ACTS.find((act) => act.document === document)!.publishedOn;
      const known = knownTreaties((other) => record && other !== document);
      return measure(document, text, extractDevelopments({ text, publishedOn, document }, known).proposals, known);
    });

  itReadingArticles(
    'proposes every treaty act of the demo data, precisely, quoting verbatim, weekdays to the day',
    () => {
      const figures = run(true);
      report('record of the other articles', figures);
      const total = totals(figures);
      expect(figures.every((article) => article.quotesVerbatim)).toBe(true);
      expect(total.weekdayExact).toBe(total.weekdays);
      expect(total.weekdays).toBeGreaterThan(0);
      expect(figures.flatMap((article) => article.missed)).toEqual([]);
      expect(total.recall).toBe(1);
      expect(total.precision).toBeGreaterThanOrEqual(0.8);
      expect(total.flagged).toBe(total.onRecord);
    },
  );

  itReadingArticles('with the registry alone, no developments on record', () => {
    const figures = run(false);
    report('registry alone', figures);
    const total = totals(figures);
    expect(figures.every((article) => article.quotesVerbatim)).toBe(true);
    // Without a record, two sentences name "a deal" or "a major cooperation treaty" between Russia and Iran, as close
    // to the 2001 treaty as to the 2025 one: proposed as ambiguous, with a lower confidence, on the treaty registered
    // first (the demo registers the 2001 one first, since the 2025 one builds on it); see libs/extraction/README.md.
    // Measured: 14 of 16, both ways.
    expect(total.recall).toBeGreaterThanOrEqual(0.85);
    expect(total.precision).toBeGreaterThanOrEqual(0.85);
  });

  // Statements are not counted above (treaty acts only); their dates are checked here. The demo data dates two of
  // article 000's by "at the time" (the signing, January 2025): decision 0046.
  itReadingArticles('dates the demo statements it proposes, and matches their treaty, as the demo data does', () => {
    if (!articles.available) throw new Error(articles.reason);
    const figures = DEMO_ARTICLES.map(({ document }) => {
      const text = articles.read(document);
      const publishedOn = EXPECTED_ACTS.find((act) => act.document === document)!.publishedOn;
      const known = knownTreaties((other) => other !== document);
      return measureStatements(document, extractDevelopments({ text, publishedOn, document }, known).proposals);
    });
    const sum = (pick: (article: (typeof figures)[number]) => number) =>
      figures.reduce((total, article) => total + pick(article), 0);
    const misdated = figures.flatMap((article) => article.misdated);
    const misplaced = figures.flatMap((article) => article.misplaced);
    console.log(
      `Statements of the demo data: proposed ${sum((article) => article.proposed)}/${sum((article) => article.expected)}, ` +
        `dated alike ${sum((article) => article.dated)}/${sum((article) => article.proposed)}, ` +
        `on the demo data's treaty ${sum((article) => article.proposed - article.misplaced.length)}/${sum((article) => article.proposed)}` +
        misdated
          .map(
            ({ statement, proposal }) =>
              `\n    misdated ${statement.ref} ${statement.speaker} ${statement.occurredOn}: proposed ${proposal.occurredOn} (${proposal.dateReasoning})`,
          )
          .join('') +
        misplaced
          .map(
            ({ statement, proposal }) =>
              `\n    misplaced ${statement.ref} ${statement.speaker}: on ${statement.treatyId}, proposed for ${proposal.treatyId ?? proposal.treatyTitle}`,
          )
          .join(''),
    );
    expect(misdated).toEqual([]);
    // Article 000's two "at the time" statements went to the 2001 treaty: the speaker's "a “breakthrough document”"
    // was read as naming "a" treaty other than the one the article was on.
    expect(misplaced).toEqual([]);
    // Measured: 10 of the 12 (not proposed: 002/6, Pezeshkian "after the signing", and 002/11, Khamenei's words,
    // whose sentence names no treaty).
    expect(sum((article) => article.proposed)).toBeGreaterThanOrEqual(10);
  });
});

function totals(figures: readonly ArticleFigures[]) {
  const sum = (pick: (article: ArticleFigures) => number) =>
    figures.reduce((total, article) => total + pick(article), 0);
  const expected = sum((article) => article.expected);
  const proposed = sum((article) => article.proposedActs);
  return {
    expected,
    found: sum((article) => article.found),
    proposed,
    correct: sum((article) => article.correctActs),
    recall: sum((article) => article.found) / expected,
    precision: sum((article) => article.correctActs) / proposed,
    weekdays: sum((article) => article.weekdays.expected),
    weekdayExact: sum((article) => article.weekdays.exact),
    onRecord: sum((article) => article.alreadyRecorded.onRecord),
    flagged: sum((article) => article.alreadyRecorded.flagged),
  };
}

function report(setting: string, figures: readonly ArticleFigures[]): void {
  const ratio = (a: number, b: number) => (b === 0 ? '–' : (a / b).toFixed(2));
  const lines = figures.map(
    (article) =>
      `${article.document}  recall ${article.found}/${article.expected} = ${ratio(article.found, article.expected)}  precision ${article.correctActs}/${article.proposedActs} = ${ratio(article.correctActs, article.proposedActs)}  weekdays ${article.weekdays.exact}/${article.weekdays.expected}  already recorded ${article.alreadyRecorded.flagged}/${article.alreadyRecorded.onRecord}  quotes verbatim ${article.quotesVerbatim}` +
      article.missed
        .map(
          (act) =>
            `\n    missed ${act.type} ${act.treatyId} ${act.party ?? ''} ${act.body ?? ''} ${act.occurredOn}: "${act.quote}"`,
        )
        .join('') +
      article.wrong
        .map(
          (proposal) =>
            `\n    wrong  ${proposal.type} ${proposal.treatyId ?? proposal.treatyTitle} ${proposal.party ?? ''} ${proposal.body ?? ''} ${proposal.occurredOn}: "${proposal.quote.replace(/\s+/g, ' ')}"`,
        )
        .join(''),
  );
  const total = totals(figures);
  lines.push(
    `all       recall ${total.found}/${total.expected} = ${ratio(total.found, total.expected)}  precision ${total.correct}/${total.proposed} = ${ratio(total.correct, total.proposed)}  weekdays ${total.weekdayExact}/${total.weekdays}  already recorded ${total.flagged}/${total.onRecord}`,
  );
  console.log(`Extraction of treaty acts, ${setting}:\n${lines.join('\n')}`);
}
