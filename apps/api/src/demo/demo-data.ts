/**
 * The demo data set, built from the five articles in shared/seeds (see README.md beside this file): each
 * registration and development exactly as an editor would post it, with how each date was resolved. A TypeScript
 * module rather than JSON, so that jest's ESM mode and the CommonJS build load it the same way. Bodies are typed
 * `unknown` on purpose: the loader validates them with the editors' DTOs, like any request.
 */
export interface DemoTreaty {
  readonly registration: unknown;
  readonly developments: readonly { readonly dateResolution: string; readonly request: unknown }[];
}

export const DEMO_TREATIES: readonly DemoTreaty[] = [
  {
    registration: {
      id: 'ru-ir-comprehensive-strategic-partnership',
      title:
        'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran',
      parties: ['RU', 'IR'],
      category: 'partnership',
    },
    developments: [
      {
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
            quote:
              'The pact, signed by President Vladimir Putin and his Iranian counterpart Masoud Pezeshkian in January',
          },
        },
      },
      {
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
    ],
  },
  {
    registration: {
      id: 'eaeu-ir-free-trade-agreement',
      title:
        'Free Trade Agreement between the Eurasian Economic Union and its Member States, of the one part, and the Islamic Republic of Iran, of the other part',
      parties: ['EAEU', 'IR'],
      category: 'trade',
    },
    developments: [
      {
        dateResolution:
          "Article (published 2025-05-21, see the Russia–Iran treaty's Majlis entry): 'took effect last week', i.e. in the week of 12–18 May 2025. The Eurasian Economic Commission announced in March 2025 that the agreement would enter into force on 15 May 2025 (Kursiv 2025-03-18, alphanews.am 2025-03-20, bne IntelliNews); 15 May 2025 is the Thursday of the previous week.",
        request: {
          type: 'entered-into-force',
          occurredOn: '2025-05-15',
          source: {
            publisher: 'Brussels Morning Newspaper',
            publishedOn: '2025-05-21',
            document: '001_b5b9460b2eca335a.txt',
            quote:
              'a free trade agreement between Iran and the Russian-led Eurasian Economic Union took effect last week',
          },
        },
      },
    ],
  },
  {
    registration: {
      id: 'ru-kp-comprehensive-strategic-partnership',
      title:
        "Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's Republic of Korea",
      parties: ['RU', 'KP'],
      category: 'partnership',
    },
    developments: [
      {
        dateResolution:
          "Article (published 2025-01-17, see its Russia–Iran entry): 'the one Russia signed with North Korea last year', so 2024. Year precision kept: this article gives no month.",
        request: {
          type: 'signed',
          occurredOn: '2024',
          source: {
            publisher: 'unknown',
            publishedOn: '2025-01-17',
            document: '002_cee2c5246c37ca1c.txt',
            quote:
              'But it will not be a military assistance pact like the one Russia signed with North Korea last year.',
          },
        },
      },
      {
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
    ],
  },
  {
    registration: {
      id: 'ru-by-security-guarantees-union-state',
      title:
        'Treaty on Security Guarantees within the Union State between the Russian Federation and the Republic of Belarus',
      parties: ['RU', 'BY'],
      category: 'security',
    },
    developments: [
      {
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
    ],
  },
  {
    registration: {
      id: 'ru-ir-2001-treaty-basis-mutual-relations',
      title:
        'Treaty on the Basis for Mutual Relations and the Principles of Cooperation between the Russian Federation and the Islamic Republic of Iran',
      parties: ['RU', 'IR'],
      category: 'partnership',
    },
    developments: [
      {
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
    ],
  },
];
