import type { DateEvidence } from './demo-dates';
import { DIPLOMACY_REPORTS } from './demo-diplomacy';

/**
 * The demo data set, built from the five articles in shared/seeds (see README.md beside this file): each
 * registration and each report exactly as an editor would post it, with how each date was resolved. A TypeScript
 * module rather than JSON, so that jest's ESM mode and the CommonJS build load it the same way. Bodies are typed
 * loosely on purpose: the loader validates every one with the editors' DTOs, like any request.
 *
 * Reports are listed by article and in the order of the README's table (`ref` "002/4" is article 002's fourth
 * development there); `DEMO_TREATIES` puts them in posting order.
 */
export interface DemoArticle {
  readonly document: string;
  readonly publisher: string;
  readonly publishedOn: string;
}

export interface DemoRequest {
  readonly type: string;
  readonly occurredOn: string;
  readonly source: {
    readonly publisher: string;
    readonly publishedOn: string;
    readonly document: string;
    readonly quote: string;
  };
  readonly [field: string]: unknown;
}

export interface DemoReport {
  /** The development's row in the README: article number / position. */
  readonly ref: string;
  /** The treaty it is posted under. */
  readonly treatyId: string;
  /** The words that date it and the rule that turns them into `occurredOn`; the spec recomputes the date. */
  readonly dateEvidence: DateEvidence;
  /** How the date was worked out, in prose, with what else was checked. */
  readonly dateResolution: string;
  readonly request: DemoRequest;
}

export interface DemoTreaty {
  readonly registration: { readonly id: string } & Readonly<Record<string, unknown>>;
  readonly developments: readonly DemoReport[];
}

/** The five articles, with the publication dates the README's "Articles" table explains. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [
  { document: '000_cd42b77de96537af.txt', publisher: 'unknown', publishedOn: '2025-04-08' },
  { document: '001_b5b9460b2eca335a.txt', publisher: 'Brussels Morning Newspaper', publishedOn: '2025-05-21' },
  { document: '002_cee2c5246c37ca1c.txt', publisher: 'unknown', publishedOn: '2025-01-17' },
  { document: '003_ce4ed203da5d84de.txt', publisher: 'unknown', publishedOn: '2025-01-17' },
  { document: '004_e2380db49da326c3.txt', publisher: 'unknown', publishedOn: '2025-04-08' },
];

/** In posting order: a treaty another one relates to comes first. */
export const DEMO_REGISTRATIONS: readonly DemoTreaty['registration'][] = [
  {
    id: 'ru-ir-2001-treaty-basis-mutual-relations',
    title:
      'Treaty on the Basis for Mutual Relations and the Principles of Cooperation between the Russian Federation and the Islamic Republic of Iran',
    parties: ['RU', 'IR'],
    category: 'partnership',
    kind: 'bilateral',
  },
  {
    id: 'ru-ir-comprehensive-strategic-partnership',
    title:
      'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran',
    parties: ['RU', 'IR'],
    category: 'partnership',
    kind: 'bilateral',
    relations: [{ type: 'builds-on', treatyId: 'ru-ir-2001-treaty-basis-mutual-relations' }],
  },
  {
    id: 'eaeu-ir-free-trade-agreement',
    title:
      'Free Trade Agreement between the Eurasian Economic Union and its Member States, of the one part, and the Islamic Republic of Iran, of the other part',
    parties: ['EAEU', 'IR'],
    category: 'trade',
  },
  {
    id: 'ru-kp-comprehensive-strategic-partnership',
    title:
      "Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's Republic of Korea",
    parties: ['RU', 'KP'],
    category: 'partnership',
    kind: 'bilateral',
  },
  {
    id: 'ru-by-security-guarantees-union-state',
    title:
      'Treaty on Security Guarantees within the Union State between the Russian Federation and the Republic of Belarus',
    parties: ['RU', 'BY'],
    category: 'security',
    kind: 'bilateral',
  },
];

/** Where each registration's relation to an earlier treaty comes from: the spec checks the quote is verbatim. */
export const DEMO_RELATION_SOURCES: readonly {
  readonly treatyId: string;
  readonly relation: { readonly type: string; readonly treatyId: string };
  readonly document: string;
  readonly quote: string;
}[] = [
  {
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    relation: { type: 'builds-on', treatyId: 'ru-ir-2001-treaty-basis-mutual-relations' },
    document: '002_cee2c5246c37ca1c.txt',
    quote: 'The current pact builds on an agreement more than 20 years old, concluded by the two countries in 2001.',
  },
];

/** Every treaty act the articles report (signature, parliamentary approval, entry into force). */
export const TREATY_ACT_REPORTS: readonly DemoReport[] = [
  {
    ref: '000/1',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'weekday', phrase: 'voted Tuesday' },
    dateResolution:
      "Article: 'voted Tuesday' / 'Tuesday’s vote', and 'Trump said that he will hold direct negotiations with Iran on the matter this Saturday'. Trump announced those talks on Monday 7 April 2025 for Saturday 12 April (Channel NewsAsia/Reuters and Hurriyet/AFP, 2025-04-08), so the Tuesday is 8 April 2025; IRNA and Tehran Times (2025-04-08) report the State Duma vote that Tuesday. The article has no dateline: its text is AFP's report of 2025-04-08 (same wording on punchng.com, dated 2025-04-08), so publishedOn 2025-04-08. The article names the chamber as 'the lower house of parliament of Russia' and the State Duma in the same report.",
    request: {
      type: 'legislative-approval',
      party: 'RU',
      body: 'State Duma',
      occurredOn: '2025-04-08',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-04-08',
        document: '000_cd42b77de96537af.txt',
        quote:
          'the lower house of parliament of Russia voted Tuesday to adopt a deal to strengthen political, military, and economic relations with Iran',
      },
    },
  },
  {
    ref: '000/2',
    treatyId: 'ru-kp-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'last-year', phrase: 'Last year, Russia and Pyongyang inked' },
    dateResolution:
      "Article (published 2025-04-08, see its Russia–Iran State Duma entry): 'Last year, Russia and Pyongyang inked a strategic partnership contract', so 2024. Year precision kept.",
    request: {
      type: 'signed',
      occurredOn: '2024',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-04-08',
        document: '000_cd42b77de96537af.txt',
        quote: 'Last year, Russia and Pyongyang inked a strategic partnership contract',
      },
    },
  },
  {
    ref: '000/4',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'stated', phrase: 'in January' },
    dateResolution:
      "Article: 'signed ... in January'; published 2025-04-08 (see the State Duma entry of this article), so January 2025. Month precision kept: the article gives no day (public sources date the signing 17 January 2025).",
    request: {
      type: 'signed',
      occurredOn: '2025-01',
      signatories: ['Vladimir Putin', 'Masoud Pezeshkian'],
      source: {
        publisher: 'unknown',
        publishedOn: '2025-04-08',
        document: '000_cd42b77de96537af.txt',
        quote:
          'Presidents Masoud Pezeshkian and Vladimir Putin signed the comprehensive strategic cooperation agreement in January',
      },
    },
  },
  {
    ref: '001/1',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'weekday', phrase: 'On Wednesday' },
    dateResolution:
      "Article: 'On Wednesday, Iran’s parliament ratified'. Reuters' report of the same vote is dated 2025-05-21 (Dunya News: 'approved ... on Wednesday'); other copies say 'on Wednesday, the 21st of May' (ogreszinas.news) and 'On May 21, 2025' (cnewsliveenglish.com). 21 May 2025 is a Wednesday. The stored copy of the article (brusselsmorning.com/iranian-parliament-ratifies-strategic-pact-with-russia/73314) shows no date; publishedOn is the day of the vote, the earliest date the text allows.",
    request: {
      type: 'legislative-approval',
      party: 'IR',
      body: 'Majlis',
      occurredOn: '2025-05-21',
      source: {
        publisher: 'Brussels Morning Newspaper',
        publishedOn: '2025-05-21',
        document: '001_b5b9460b2eca335a.txt',
        quote: 'On Wednesday, Iran’s parliament ratified a 20-year strategic partnership with Moscow.',
      },
    },
  },
  {
    ref: '001/3',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'stated', phrase: 'On January 17' },
    dateResolution:
      "Article: 'On January 17'; the year is 2025 from the article's context (published May 2025, Russian approval 'in April' after the signature) and from Reuters' report of the same story (Dunya News, 2025-05-21). publishedOn: the article has no dateline; it reproduces Reuters' report of Wednesday 21 May 2025 (see the Majlis entry), so 2025-05-21.",
    request: {
      type: 'signed',
      occurredOn: '2025-01-17',
      signatories: ['Vladimir Putin', 'Masoud Pezeshkian'],
      source: {
        publisher: 'Brussels Morning Newspaper',
        publishedOn: '2025-05-21',
        document: '001_b5b9460b2eca335a.txt',
        quote:
          'On January 17, Russian President Vladimir Putin and Iranian counterpart Masoud Pezeshkian signed a 20-year strategic partnership treaty',
      },
    },
  },
  {
    ref: '001/4',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'stated', phrase: 'in April' },
    dateResolution:
      "Article: 'The Russian legislative branch approved the pact in April'; published 2025-05-21, after the January 2025 signature, so April 2025. Month precision kept: the article names neither a day nor a chamber, so the body is recorded as the Federal Assembly (Russia's legislative branch). Public sources: State Duma on 8 April 2025 (IRNA), Federation Council on 16 April 2025 (Tehran Times, 2025-04-16).",
    request: {
      type: 'legislative-approval',
      party: 'RU',
      body: 'Federal Assembly',
      occurredOn: '2025-04',
      source: {
        publisher: 'Brussels Morning Newspaper',
        publishedOn: '2025-05-21',
        document: '001_b5b9460b2eca335a.txt',
        quote: 'The Russian legislative branch approved the pact in April.',
      },
    },
  },
  {
    ref: '001/5',
    treatyId: 'eaeu-ir-free-trade-agreement',
    dateEvidence: { rule: 'last-week', phrase: 'took effect last week' },
    dateResolution:
      "Article (published 2025-05-21, see the Russia–Iran treaty's Majlis entry): 'took effect last week', i.e. in the calendar week of 12–18 May 2025, all in May: recorded as May 2025. A week is not a day: the Eurasian Economic Commission had announced entry into force on 15 May 2025 (Kursiv 2025-03-18, alphanews.am 2025-03-20), the Thursday of that week, but the article does not say so.",
    request: {
      type: 'entered-into-force',
      occurredOn: '2025-05',
      source: {
        publisher: 'Brussels Morning Newspaper',
        publishedOn: '2025-05-21',
        document: '001_b5b9460b2eca335a.txt',
        quote: 'a free trade agreement between Iran and the Russian-led Eurasian Economic Union took effect last week',
      },
    },
  },
  {
    ref: '002/1',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'weekday', phrase: 'signed on Friday' },
    dateResolution:
      "Article: 'signed on Friday in the Russian capital', during Pezeshkian's visit. The Kremlin had announced (AP, 2025-01-13) that the treaty would be signed during Pezeshkian's visit to Moscow on Friday 17 January 2025; TASS/AP reports of 2025-01-17 confirm the signing that day, as does article 003 (timestamped 2025-01-17, a Friday). publishedOn: the article has no dateline; it speaks of Pezeshkian's visit in the present tense and of the war in Ukraine 'going on for almost three years', so it was written on the day of the signing: 2025-01-17 is the earliest date the text allows (it could be a day later).",
    request: {
      type: 'signed',
      occurredOn: '2025-01-17',
      place: 'Kremlin, Moscow',
      signatories: ['Vladimir Putin', 'Masoud Pezeshkian'],
      source: {
        publisher: 'unknown',
        publishedOn: '2025-01-17',
        document: '002_cee2c5246c37ca1c.txt',
        quote:
          'The new treaty, signed on Friday in the Russian capital, provides in particular for deepening military and economic cooperation',
      },
    },
  },
  {
    ref: '002/2',
    treatyId: 'ru-kp-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'last-year', phrase: 'the one Russia signed with North Korea last year' },
    dateResolution:
      "Article (published 2025-01-17, see its Russia–Iran entry): 'the one Russia signed with North Korea last year', so 2024. Year precision kept: this article gives no month.",
    request: {
      type: 'signed',
      occurredOn: '2024',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-01-17',
        document: '002_cee2c5246c37ca1c.txt',
        quote: 'But it will not be a military assistance pact like the one Russia signed with North Korea last year.',
      },
    },
  },
  {
    ref: '002/10',
    treatyId: 'ru-ir-2001-treaty-basis-mutual-relations',
    dateEvidence: { rule: 'stated', phrase: 'concluded by the two countries in 2001' },
    dateResolution:
      "Absolute year in the article: 'concluded by the two countries in 2001'; nothing relative to resolve. Year precision kept (public sources date the signing 12 March 2001 in Moscow, which the article does not report). Its 'periodically renewed' gives no dated development, so no renewal is recorded.",
    request: {
      type: 'signed',
      occurredOn: '2001',
      signatories: ['Mohammad Khatami'],
      source: {
        publisher: 'unknown',
        publishedOn: '2025-01-17',
        document: '002_cee2c5246c37ca1c.txt',
        quote:
          'The current pact builds on an agreement more than 20 years old, concluded by the two countries in 2001. by the then reformist president of Iran, Mohammad Khatami',
      },
    },
  },
  {
    ref: '003/1',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'weekday', phrase: 'on Friday in the Kremlin' },
    dateResolution:
      "Article: 'signed a major cooperation treaty on Friday in the Kremlin'. The article's own timestamp '2025-01-17 19:13:00' is a Friday, so 'on Friday' is the publication day itself; consistent with its 'Mr. Trump’s inauguration on Monday' (Monday 20 January 2025).",
    request: {
      type: 'signed',
      occurredOn: '2025-01-17',
      place: 'Kremlin, Moscow',
      signatories: ['Vladimir Putin', 'Masoud Pezeshkian'],
      source: {
        publisher: 'unknown',
        publishedOn: '2025-01-17',
        document: '003_ce4ed203da5d84de.txt',
        quote:
          'President Masoud Pezeshkian of Iran and his Russian counterpart, Vladimir V. Putin, signed a major cooperation treaty on Friday in the Kremlin',
      },
    },
  },
  {
    ref: '003/4',
    treatyId: 'ru-kp-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'stated', phrase: 'In June' },
    dateResolution:
      "Article timestamped 2025-01-17: 'In June, Russia signed a partnership agreement with North Korea', so the most recent June: June 2024 (agrees with 'last year' in articles 000 and 002). Month precision kept: no day in the article (public sources: signed in Pyongyang on 19 June 2024).",
    request: {
      type: 'signed',
      occurredOn: '2024-06',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-01-17',
        document: '003_ce4ed203da5d84de.txt',
        quote: 'In June, Russia signed a partnership agreement with North Korea',
      },
    },
  },
  {
    ref: '003/5',
    treatyId: 'ru-by-security-guarantees-union-state',
    dateEvidence: { rule: 'stated', phrase: 'in December' },
    dateResolution:
      "Article timestamped 2025-01-17: 'in December, a security treaty with Belarus formalized the deployment of Russian tactical nuclear weapons', so the most recent December: December 2024. Recorded as the signature (the sentence continues 'Russia signed ...'). Month precision kept: no day in the article (public sources: signed in Minsk on 6 December 2024, Xinhua and Reuters/TASS 2024-12-06).",
    request: {
      type: 'signed',
      occurredOn: '2024-12',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-01-17',
        document: '003_ce4ed203da5d84de.txt',
        quote:
          'In June, Russia signed a partnership agreement with North Korea, and in December, a security treaty with Belarus formalized the deployment of Russian tactical nuclear weapons in that country.',
      },
    },
  },
  {
    ref: '004/1',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'weekday', phrase: 'on Tuesday' },
    dateResolution:
      "Article: 'on Tuesday ratified', and 'On Monday, Trump announced direct nuclear talks with Iran to be held this coming weekend'. Trump made that announcement on Monday 7 April 2025 (Channel NewsAsia/Reuters, 2025-04-08), so the Tuesday is 8 April 2025 and the article is of that day (its text is on themoscowtimes.com under /2025/04/08/; IRNA 2025-04-08 reports the Duma vote on Tuesday 8 April).",
    request: {
      type: 'legislative-approval',
      party: 'RU',
      body: 'State Duma',
      occurredOn: '2025-04-08',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-04-08',
        document: '004_e2380db49da326c3.txt',
        quote:
          'Lawmakers in Russia’s lower-house State Duma on Tuesday ratified a 20-year strategic partnership treaty with Iran',
      },
    },
  },
  {
    ref: '004/2',
    treatyId: 'ru-ir-comprehensive-strategic-partnership',
    dateEvidence: {
      rule: 'days-before',
      phrase: 'just three days before U.S. President Donald Trump took office',
      anchor: { fact: 'trump-took-office' },
    },
    dateResolution:
      "Article: 'signed ... in January' and 'The timing of that signing — just three days before U.S. President Donald Trump took office'. Trump took office on Monday 20 January 2025, so the signing was on Friday 17 January 2025 (the article is of 2025-04-08, see its State Duma entry).",
    request: {
      type: 'signed',
      occurredOn: '2025-01-17',
      signatories: ['Vladimir Putin', 'Masoud Pezeshkian'],
      source: {
        publisher: 'unknown',
        publishedOn: '2025-04-08',
        document: '004_e2380db49da326c3.txt',
        quote: 'The pact, signed by President Vladimir Putin and his Iranian counterpart Masoud Pezeshkian in January',
      },
    },
  },
  {
    ref: '004/4',
    treatyId: 'ru-kp-comprehensive-strategic-partnership',
    dateEvidence: { rule: 'stated', phrase: 'ratified in October' },
    dateResolution:
      "Article (published 2025-04-08): 'a similar agreement with North Korea ratified in October', so October 2024 (the treaty was signed in June 2024). The article names no body; it uses 'ratified' for the State Duma's vote on the Iran treaty, and of Russia's steps only the State Duma's vote fell in October (24 October 2024, TASS 2024-10-26; Federation Council 6 November, Putin's signature 9 November 2024), so it is recorded as the State Duma's approval, not as completed ratification. Month precision kept.",
    request: {
      type: 'legislative-approval',
      party: 'RU',
      body: 'State Duma',
      occurredOn: '2024-10',
      source: {
        publisher: 'unknown',
        publishedOn: '2025-04-08',
        document: '004_e2380db49da326c3.txt',
        quote: 'Unlike a similar agreement with North Korea ratified in October',
      },
    },
  },
];

/**
 * Every report, in the order the loader posts them: by article publication date, then `occurredOn` (a coarser
 * date first), then as listed. A treaty's developments are posted after its registration.
 */
export const DEMO_REPORTS: readonly DemoReport[] = [...TREATY_ACT_REPORTS, ...DIPLOMACY_REPORTS];

export const DEMO_TREATIES: readonly DemoTreaty[] = DEMO_REGISTRATIONS.map((registration) => ({
  registration,
  developments: inPostingOrder(DEMO_REPORTS.filter((report) => report.treatyId === registration.id)),
}));

function inPostingOrder(reports: readonly DemoReport[]): DemoReport[] {
  return reports
    .map((report, index) => ({ report, index }))
    .sort(
      (a, b) =>
        a.report.request.source.publishedOn.localeCompare(b.report.request.source.publishedOn) ||
        a.report.request.occurredOn.localeCompare(b.report.request.occurredOn) ||
        a.index - b.index,
    )
    .map(({ report }) => report);
}
