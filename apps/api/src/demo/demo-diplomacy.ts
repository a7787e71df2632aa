import type { DemoReport } from './demo-data';

/**
 * The statements, negotiations and context events the articles report and date (issue 13: `statement` with
 * `speaker` and the speaker's words as `quote`; `negotiations` with `stage` and `participants`; `context` with a
 * `summary`). demo-data.ts posts them with the treaty acts.
 *
 * Each is posted under the treaty whose story the article tells. Reported speech without the speaker's own words
 * is `context`, since a statement's `quote` must be what was said, verbatim.
 */
const RU_IR = 'ru-ir-comprehensive-strategic-partnership';

const A000 = { publisher: 'unknown', publishedOn: '2025-04-08', document: '000_cd42b77de96537af.txt' } as const;
const A001 = {
  publisher: 'Brussels Morning Newspaper',
  publishedOn: '2025-05-21',
  document: '001_b5b9460b2eca335a.txt',
} as const;
const A002 = { publisher: 'unknown', publishedOn: '2025-01-17', document: '002_cee2c5246c37ca1c.txt' } as const;
const A003 = { publisher: 'unknown', publishedOn: '2025-01-17', document: '003_ce4ed203da5d84de.txt' } as const;
const A004 = { publisher: 'unknown', publishedOn: '2025-04-08', document: '004_e2380db49da326c3.txt' } as const;

const RUDENKO =
  'The signing of the treaty does not mean the establishment of a military alliance with Iran or mutual military assistance';
const TRUMP_THREAT = 'Donald Trump threatened Iran with force if it would not negotiate on its nuclear programme';
const INVASION = 'Russia invaded Ukraine';

export const DIPLOMACY_REPORTS: readonly DemoReport[] = [
  {
    ref: '000/3',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { ref: '000/4' } },
    dateResolution:
      "The article gives no time for Rudenko's address. His words speak of the treaty as signed, which the article dates 'in January' (2025), and the article is of 8 April 2025: both in 2025, so the year. (Article 004 has the same words, with the same precision.)",
    request: {
      type: 'statement',
      occurredOn: '2025',
      speaker: 'Andrei Rudenko',
      quote: RUDENKO,
      parties: ['RU', 'IR'],
      source: {
        ...A000,
        quote:
          '“The signing of the treaty does not mean the establishment of a military alliance with Iran or mutual military assistance,” Russian Deputy Foreign Minister Andrei Rudenko said in an address to the State Duma.',
      },
    },
  },
  {
    ref: '000/5',
    treatyId: RU_IR,
    dateEvidence: { rule: 'same-as', phrase: 'at the time', ref: '000/4' },
    dateResolution:
      "Said 'at the time' of the signing, which this article dates 'in January' (2025). Article 002 reports the same remark, translated as 'opens a new page in Russian-Iranian relations in all areas', on the day of the signing, 17 January 2025.",
    request: {
      type: 'statement',
      occurredOn: '2025-01',
      speaker: 'Masoud Pezeshkian',
      quote: 'open a new chapter in relations between Iran and Russia in all fields',
      parties: ['IR', 'RU'],
      source: {
        ...A000,
        quote:
          'Pezeshkian stated that it would “open a new chapter in relations between Iran and Russia in all fields,” while Putin at the time referred to it as a “breakthrough document.”',
      },
    },
  },
  {
    ref: '000/6',
    treatyId: RU_IR,
    dateEvidence: { rule: 'same-as', phrase: 'at the time', ref: '000/4' },
    dateResolution:
      "'Putin at the time referred to it': at the time of the signing, which this article dates 'in January' (2025). AP's report of 17 January 2025 ('real breakthrough, creating conditions for the stable and sustainable development of Russia, Iran, and the entire region') shows it is the remark article 002 translates as 'This truly historic document', made at the signing on 17 January.",
    request: {
      type: 'statement',
      occurredOn: '2025-01',
      speaker: 'Vladimir Putin',
      quote: 'breakthrough document',
      parties: ['RU', 'IR'],
      source: {
        ...A000,
        quote: 'while Putin at the time referred to it as a “breakthrough document.”',
      },
    },
  },
  {
    ref: '000/7',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { fact: 'trump-took-office' } },
    dateResolution:
      "No time given. Trump is reported as President, so after he took office (20 January 2025), and before the article (8 April 2025): 2025. Reported speech without his words, so context rather than a statement. Article 004 reports the same threat ('threatening military action'), also without a date.",
    request: {
      type: 'context',
      occurredOn: '2025',
      summary: TRUMP_THREAT,
      parties: ['US', 'IR'],
      source: {
        ...A000,
        quote:
          'President Donald Trump seemed to threaten to destroy Iran if it did not come to the table for discussions on curbing its nuclear program',
      },
    },
  },
  {
    ref: '000/8',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { ref: '000/7' } },
    dateResolution:
      "'prompting Moscow to warn': after Trump's threat (2025) and before the article (8 April 2025), so 2025. The article names no speaker and quotes no words: context.",
    request: {
      type: 'context',
      occurredOn: '2025',
      summary: 'Russia warned of the dangers of growing tensions between the United States and Iran',
      parties: ['RU', 'US', 'IR'],
      source: {
        ...A000,
        quote: 'prompting Moscow to warn of the dangers of growing tensions between the United States and Iran',
      },
    },
  },
  {
    ref: '000/9',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { fact: 'trump-took-office' } },
    dateResolution:
      "'Trump said' gives no time; as President (from 20 January 2025) and before the article (8 April 2025): 2025. The talks themselves, 'this Saturday' (12 April 2025), are after the article and not recorded. Article 004 dates the announcement: Monday 7 April 2025.",
    request: {
      type: 'negotiations',
      occurredOn: '2025',
      stage: 'announced',
      participants: ['US', 'IR'],
      source: {
        ...A000,
        quote: 'Trump said that he will hold direct negotiations with Iran on the matter this Saturday.',
      },
    },
  },
  {
    ref: '001/2',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'in 2022' },
    dateResolution:
      "Absolute year: 'the onset of the war in Ukraine in 2022'. Article 002 gives the month, February 2022.",
    request: {
      type: 'context',
      occurredOn: '2022',
      summary: INVASION,
      parties: ['RU', 'UA'],
      source: {
        ...A001,
        quote:
          'Since the onset of the war in Ukraine in 2022, Iran and Russia have strengthened their military relationship',
      },
    },
  },
  {
    ref: '002/3',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'in February 2022' },
    dateResolution: "Absolute month: 'since it invaded Ukraine in February 2022'.",
    request: {
      type: 'context',
      occurredOn: '2022-02',
      summary: INVASION,
      parties: ['RU', 'UA'],
      source: {
        ...A002,
        quote:
          'Moscow has begun to view the Islamic Republic as a strategic ally since it invaded Ukraine in February 2022',
      },
    },
  },
  {
    ref: '002/4',
    treatyId: RU_IR,
    dateEvidence: {
      rule: 'same-as',
      phrase: 'who signed the agreement at a ceremony in the Kremlin, hailed',
      ref: '002/1',
    },
    dateResolution:
      "Said when the two presidents, 'who signed the agreement at a ceremony in the Kremlin, hailed the agreements': at the signing, 'on Friday', 17 January 2025 (AP's report of that day has the same words). Articles 000 and 004 report it as 'breakthrough document', 'in January'.",
    request: {
      type: 'statement',
      occurredOn: '2025-01-17',
      speaker: 'Vladimir Putin',
      quote:
        'This truly historic document aims to create the necessary conditions for the stable and sustainable development of Russia and Iran and our entire Eurasian region',
      parties: ['RU', 'IR'],
      source: {
        ...A002,
        quote:
          'Putin and Pezeshkian, who signed the agreement at a ceremony in the Kremlin, hailed the agreements as a new page in bilateral relations. “This truly historic document aims to create the necessary conditions for the stable and sustainable development of Russia and Iran and our entire Eurasian region,“ Putin said.',
      },
    },
  },
  {
    ref: '002/5',
    treatyId: RU_IR,
    dateEvidence: {
      rule: 'same-as',
      phrase: 'who signed the agreement at a ceremony in the Kremlin, hailed',
      ref: '002/1',
    },
    dateResolution:
      "As 002/4: hailed at the signing, 17 January 2025. Articles 000 and 004 report the same remark in another translation ('open a new chapter in relations between Iran and Russia in all fields'), 'in January'.",
    request: {
      type: 'statement',
      occurredOn: '2025-01-17',
      speaker: 'Masoud Pezeshkian',
      quote:
        'opens a new page in Russian-Iranian relations in all areas, particularly in the field of economic cooperation',
      parties: ['IR', 'RU'],
      source: {
        ...A002,
        quote:
          'Putin and Pezeshkian, who signed the agreement at a ceremony in the Kremlin, hailed the agreements as a new page in bilateral relations. “This truly historic document aims to create the necessary conditions for the stable and sustainable development of Russia and Iran and our entire Eurasian region,“ Putin said. Pezeshkian said the pact “opens a new page in Russian-Iranian relations in all areas, particularly in the field of economic cooperation“.',
      },
    },
  },
  {
    ref: '002/6',
    treatyId: RU_IR,
    dateEvidence: { rule: 'same-as', phrase: 'after the signing of the treaty', ref: '002/1' },
    dateResolution:
      "'Sitting next to Putin after the signing of the treaty': the signing of Friday 17 January 2025, in the article of that day.",
    request: {
      type: 'statement',
      occurredOn: '2025-01-17',
      speaker: 'Masoud Pezeshkian',
      quote:
        'I would like to remind you that war does not solve problems, so we would welcome negotiations and the achievement of peace between Russia and Ukraine.',
      parties: ['IR', 'RU', 'UA'],
      source: {
        ...A002,
        quote:
          'Sitting next to Putin after the signing of the treaty, Pezeshkian called for a political agreement to end the conflict in the Eastern European country, which has been going on for almost three years. “I would like to remind you that war does not solve problems, so we would welcome negotiations and the achievement of peace between Russia and Ukraine.“',
      },
    },
  },
  {
    ref: '002/7',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'the Bolshevik Revolution of 1917' },
    dateResolution:
      "Absolute year: 'the Bolshevik Revolution of 1917 ended their presence'. The occupation before it ('In the early 20th century') has no year and is not recorded.",
    request: {
      type: 'context',
      occurredOn: '1917',
      summary: 'The Bolshevik Revolution ended the occupation of northern Iran by Russian troops',
      parties: ['RU', 'IR'],
      source: {
        ...A002,
        quote:
          'In the early 20th century, Russian troops occupied large parts of northern Iran, but the Bolshevik Revolution of 1917 ended their presence.',
      },
    },
  },
  {
    ref: '002/8',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'the 1979 Islamic Revolution' },
    dateResolution:
      "Absolute year: 'overthrown in the 1979 Islamic Revolution'. Khomeini's words after it have no date of their own and are not recorded.",
    request: {
      type: 'context',
      occurredOn: '1979',
      summary: 'The Shah of Iran was overthrown in the Islamic Revolution',
      parties: ['IR'],
      source: { ...A002, quote: 'After he was overthrown in the 1979 Islamic Revolution' },
    },
  },
  {
    ref: '002/9',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'the collapse of the Soviet Union in 1991' },
    dateResolution: "Absolute year: 'After the collapse of the Soviet Union in 1991'.",
    request: {
      type: 'context',
      occurredOn: '1991',
      summary: 'The Soviet Union collapsed, and relations between Russia and Iran warmed',
      parties: ['RU', 'IR'],
      source: {
        ...A002,
        quote: 'After the collapse of the Soviet Union in 1991, relations between Russia and Iran warmed.',
      },
    },
  },
  {
    ref: '002/11',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'in a statement in February 2018' },
    dateResolution:
      "Absolute month: 'publicly outlined by him in a statement in February 2018', quoted as said 'at the time'. Posted under the 2025 treaty because the article gives it as the vision Pezeshkian's policy fits into.",
    request: {
      type: 'statement',
      occurredOn: '2018-02',
      speaker: 'Ali Khamenei',
      quote:
        'In foreign policy, priority is given to the East over the West, neighbors over distant countries, countries with common (with us) interests over others',
      parties: ['IR'],
      source: {
        ...A002,
        quote:
          "This vision of Khamenei was publicly outlined by him in a statement in February 2018, and this practically concretizes Tehran's orientation towards countries such as Russia and China. “In foreign policy, priority is given to the East over the West, neighbors over distant countries, countries with common (with us) interests over others“, the ayatollah said at the time.",
      },
    },
  },
  {
    ref: '003/2',
    treatyId: RU_IR,
    dateEvidence: { rule: 'almost-years-ago', phrase: 'since Moscow invaded Ukraine almost three years ago' },
    dateResolution:
      "'almost three years ago' in an article of 17 January 2025: between three and two and a half years before, January to July 2022, so 2022. The article says it again ('Since the invasion of Ukraine almost three years ago'). Article 002 gives February 2022. Linked also to the treaties with North Korea and Belarus: the article gives the invasion as the start of the 'series of treaties' Russia has signed since, of which the Iran treaty 'was the last', naming those two.",
    request: {
      type: 'context',
      occurredOn: '2022',
      summary: INVASION,
      treaties: ['ru-kp-comprehensive-strategic-partnership', 'ru-by-security-guarantees-union-state'],
      parties: ['RU', 'UA'],
      source: {
        ...A003,
        quote:
          'The treaty was the last that Russia signed with a country that has been engaged in a conflict with Western states since Moscow invaded Ukraine almost three years ago',
      },
    },
  },
  {
    ref: '003/3',
    treatyId: RU_IR,
    dateEvidence: { rule: 'same-as', phrase: 'before the meeting', ref: '003/1' },
    dateResolution:
      "'Speaking in the Kremlin before the meeting': the meeting of Pezeshkian's visit, whose treaty the article reports signed 'on Friday' in the Kremlin, 17 January 2025.",
    request: {
      type: 'statement',
      occurredOn: '2025-01-17',
      speaker: 'Vladimir Putin',
      quote: 'big, basic, comprehensive',
      parties: ['RU', 'IR'],
      source: {
        ...A003,
        quote:
          'Speaking in the Kremlin before the meeting, Mr Putin called Mr Pezeshkian’s visit “especially important” and said the agreement signed was “big, basic, comprehensive”.',
      },
    },
  },
  {
    ref: '004/3',
    treatyId: RU_IR,
    dateEvidence: { rule: 'last-week', phrase: 'said last week ahead of the vote' },
    dateResolution:
      "'last week' in a paper of Tuesday 8 April 2025: the calendar week of 31 March to 6 April 2025, which spans two months, so only the year is certain. (Read as the seven days before, 1 to 7 April, it would be April; the article does not say which.)",
    request: {
      type: 'statement',
      occurredOn: '2025',
      speaker: 'Vyacheslav Volodin',
      quote: 'The agreement takes [Russian-Iranian relations] to a fundamentally new level',
      parties: ['RU', 'IR'],
      source: {
        ...A004,
        quote:
          '“The agreement takes [Russian-Iranian relations] to a fundamentally new level,” Duma Speaker Vyacheslav Volodin said last week ahead of the vote.',
      },
    },
  },
  {
    ref: '004/5',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { ref: '004/2' } },
    dateResolution:
      'As in article 000: no time given; after the signing (17 January 2025) that his words presuppose, before the article (8 April 2025), so 2025.',
    request: {
      type: 'statement',
      occurredOn: '2025',
      speaker: 'Andrei Rudenko',
      quote: RUDENKO,
      parties: ['RU', 'IR'],
      source: {
        ...A004,
        quote:
          '“The signing of the treaty does not mean the establishment of a military alliance with Iran or mutual military assistance,” Russian Deputy Foreign Minister Andrei Rudenko said in an address to the State Duma.',
      },
    },
  },
  {
    ref: '004/6',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'In January' },
    dateResolution:
      "'In January, Putin called the partnership treaty a “breakthrough document”': January of the publication year, 2025. Article 002 has the same remark on 17 January (see 000/6).",
    request: {
      type: 'statement',
      occurredOn: '2025-01',
      speaker: 'Vladimir Putin',
      quote: 'breakthrough document',
      parties: ['RU', 'IR'],
      source: { ...A004, quote: 'In January, Putin called the partnership treaty a “breakthrough document,”' },
    },
  },
  {
    ref: '004/7',
    treatyId: RU_IR,
    dateEvidence: { rule: 'stated', phrase: 'In January' },
    dateResolution:
      "'In January ... Pezeshkian said': January 2025. Article 002 has the same remark in another translation on 17 January (see 000/5).",
    request: {
      type: 'statement',
      occurredOn: '2025-01',
      speaker: 'Masoud Pezeshkian',
      quote: 'open a new chapter in relations between Iran and Russia in all fields',
      parties: ['IR', 'RU'],
      source: {
        ...A004,
        quote:
          'In January, Putin called the partnership treaty a “breakthrough document,” while Pezeshkian said it would “open a new chapter in relations between Iran and Russia in all fields.”',
      },
    },
  },
  {
    ref: '004/8',
    treatyId: RU_IR,
    dateEvidence: { rule: 'public-fact', phrase: 'Donald Trump took office', fact: 'trump-took-office' },
    dateResolution:
      "'took office': a US President's term begins on 20 January (20th Amendment); Trump's second term began on 20 January 2025, three days after the signing the article dates 'in January'.",
    request: {
      type: 'context',
      occurredOn: '2025-01-20',
      summary: 'Donald Trump took office as President of the United States',
      parties: ['US'],
      source: {
        ...A004,
        quote:
          'The timing of that signing — just three days before U.S. President Donald Trump took office — was seen as a signal to Washington.',
      },
    },
  },
  {
    ref: '004/9',
    treatyId: RU_IR,
    dateEvidence: { rule: 'weekday', phrase: 'On Monday' },
    dateResolution:
      "'On Monday' in a paper of Tuesday 8 April 2025: 7 April 2025. The talks themselves, 'this coming weekend', are after the article and not recorded.",
    request: {
      type: 'negotiations',
      occurredOn: '2025-04-07',
      stage: 'announced',
      participants: ['US', 'IR'],
      source: {
        ...A004,
        quote: 'On Monday, Trump announced direct nuclear talks with Iran to be held this coming weekend',
      },
    },
  },
  {
    ref: '004/10',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { fact: 'trump-took-office' }, before: { ref: '004/9' } },
    dateResolution:
      "'after first threatening': before the announcement of Monday 7 April 2025, and after Trump took office (20 January 2025), so 2025. Reported speech without his words: context.",
    request: {
      type: 'context',
      occurredOn: '2025',
      summary: TRUMP_THREAT,
      parties: ['US', 'IR'],
      source: {
        ...A004,
        quote:
          'On Monday, Trump announced direct nuclear talks with Iran to be held this coming weekend, after first threatening military action if Tehran refused to negotiate.',
      },
    },
  },
  {
    ref: '004/11',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { ref: '004/9' } },
    dateResolution:
      "Russia welcomed 'the U.S. initiative' announced on Monday 7 April 2025, no later than the article of Tuesday 8 April: April 2025, no day. No speaker named and no words quoted: context.",
    request: {
      type: 'context',
      occurredOn: '2025-04',
      summary: 'Russia welcomed the US initiative of direct nuclear talks with Iran',
      parties: ['RU', 'US', 'IR'],
      source: { ...A004, quote: 'Russia welcomed the U.S. initiative' },
    },
  },
  {
    ref: '004/12',
    treatyId: RU_IR,
    dateEvidence: { rule: 'between', after: { ref: '004/9' } },
    dateResolution:
      "Announced with the welcome of the US initiative (after Monday 7 April 2025), no later than the article of 8 April: April 2025. 'on Tuesday' may date the announcement or the talks; public reports (TASS, 2025-04-07) say the talks were held in Moscow on 8 April, but the article reports only their announcement.",
    request: {
      type: 'negotiations',
      occurredOn: '2025-04',
      stage: 'announced',
      participants: ['RU', 'CN', 'IR'],
      source: {
        ...A004,
        quote:
          'Russia welcomed the U.S. initiative and announced separate expert-level talks with China and Iran on nuclear issues in Moscow on Tuesday.',
      },
    },
  },
];
