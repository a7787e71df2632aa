import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARTY_CODE_PATTERN, RELATION_TYPES, TREATY_ID_PATTERN } from '@timeline/treaty';
import {
  DEMO_ARTICLES,
  DEMO_REGISTRATIONS,
  DEMO_RELATION_SOURCES,
  DEMO_REPORTS,
  DEMO_TREATIES,
  type DemoReport,
} from './demo-data';
import { resolveDate, type Anchor } from './demo-dates';
import { itReadingArticles as readingArticles } from './testing/it-reading-articles';
import { locateSeedArticles } from './testing/seed-articles';

const articles = locateSeedArticles();
const itReadingArticles = readingArticles(articles);
const seeds = () => {
  if (!articles.available) throw new Error(articles.reason);
  return articles;
};

const README = fs.readFileSync(path.resolve(process.cwd(), 'apps/api/src/demo/README.md'), 'utf8');

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REF = /^(\d{3})\/[1-9]\d*$/;
const CATEGORIES = ['partnership', 'trade', 'security', 'other'];
const TREATY_ACT_TYPES = [
  'signed',
  'legislative-approval',
  'ratification-completed',
  'instruments-exchanged',
  'entered-into-force',
  'suspended',
  'resumed',
  'withdrawn',
  'terminated',
  'consent-to-be-bound',
];
const DIPLOMACY_TYPES = ['statement', 'negotiations', 'context'];
const STAGES = ['announced', 'held', 'ended'];
const PARTY_TYPES = ['legislative-approval', 'ratification-completed', 'withdrawn', 'consent-to-be-bound'];
// Developments the app rejects when dated before the treaty's signature.
const AFTER_SIGNATURE_TYPES = [
  'legislative-approval',
  'ratification-completed',
  'instruments-exchanged',
  'entered-into-force',
  'consent-to-be-bound',
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const articleText = (document: string): string => collapse(seeds().read(document));

/** Compares two dates of possibly different precision (YYYY, YYYY-MM, YYYY-MM-DD) at the coarser one. */
const compareCoarse = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
};

const ALL_REPORTS = DEMO_REPORTS;
const byRef = new Map(ALL_REPORTS.map((report) => [report.ref, report]));
const dateOf = (ref: string): string => {
  const report = byRef.get(ref);
  if (report === undefined) throw new Error(`No report ${ref}`);
  return report.request.occurredOn;
};
const articleOf = (ref: string): string => REF.exec(ref)?.[1] ?? '';
const evidenceRefs = (report: DemoReport): string[] => {
  const anchors: Anchor[] = [];
  const evidence = report.dateEvidence;
  if (evidence.rule === 'same-as') return [evidence.ref];
  if (evidence.rule === 'days-before') anchors.push(evidence.anchor);
  if (evidence.rule === 'between') anchors.push(evidence.after, ...(evidence.before ? [evidence.before] : []));
  return anchors.flatMap((anchor) => ('ref' in anchor ? [anchor.ref] : []));
};

/** The README's table of developments: ref, type and occurredOn of each row. */
const readmeDevelopments = (() => {
  const section = README.slice(README.indexOf('## The developments'), README.indexOf('## Count'));
  return section
    .split('\n')
    .filter((line) => /^\| \d{3}\//.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return { ref: cells[1]!, type: cells[3]!.replace(/`/g, ''), what: cells[4]!, occurredOn: cells[6]! };
    });
})();

/** The README's sentence tables: each quoted sentence with its article and the refs it went to. */
const readmeSentences = (() => {
  const section = README.slice(
    README.indexOf('## Every sentence that reports a development'),
    README.indexOf('## The developments'),
  );
  const rows: { article: string; sentence: string; refs: string[] }[] = [];
  let article = '';
  for (const line of section.split('\n')) {
    const heading = /^### (\d{3}) /.exec(line);
    if (heading) article = heading[1]!;
    const row = /^\| `([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (row) rows.push({ article, sentence: row[1]!, refs: [...row[2]!.matchAll(/\d{3}\/\d+/g)].map((m) => m[0]) });
  }
  return rows;
})();

describe('demo data', () => {
  it('registers treaties with unique slug ids, known categories and at least two parties', () => {
    expect(DEMO_REGISTRATIONS.length).toBeGreaterThan(0);
    const ids = DEMO_REGISTRATIONS.map((registration) => registration.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const registration of DEMO_REGISTRATIONS) {
      expect(registration.id).toMatch(TREATY_ID_PATTERN);
      expect(String(registration['title']).trim()).not.toBe('');
      expect(CATEGORIES).toContain(registration['category']);
      const parties = registration['parties'] as string[];
      expect(new Set(parties).size).toBeGreaterThanOrEqual(2);
      for (const party of parties) expect(party).toMatch(PARTY_CODE_PATTERN);
    }
  });

  it('cites five articles by file name, each with its SHA-256 and publication date', () => {
    expect(DEMO_ARTICLES).toHaveLength(5);
    for (const { document, publishedOn, sha256 } of DEMO_ARTICLES) {
      expect(path.basename(document)).toBe(document);
      expect(publishedOn).toMatch(FULL_DATE);
      expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  itReadingArticles('holds the same five articles (SHA-256), each naming its publisher or cited as unknown', () => {
    for (const { document, publisher, sha256 } of DEMO_ARTICLES) {
      expect(seeds().exists(document)).toBe(true);
      expect(seeds().sha256(document)).toBe(sha256);
      if (publisher !== 'unknown') expect(articleText(document)).toContain(publisher);
    }
  });

  it('posts every report exactly once', () => {
    const posted = DEMO_TREATIES.flatMap((treaty) => treaty.developments.map((report) => report.ref));
    expect(new Set(posted).size).toBe(posted.length);
    expect([...posted].sort()).toEqual(DEMO_REPORTS.map((report) => report.ref).sort());
  });

  it('relates a treaty only to one registered before it, as an article says, verbatim', () => {
    const sourced = DEMO_RELATION_SOURCES.map(({ treatyId, relation }) => ({ treatyId, relation }));
    const registered = DEMO_REGISTRATIONS.flatMap((registration, index) => {
      const relations = (registration['relations'] as { type: string; treatyId: string }[] | undefined) ?? [];
      for (const relation of relations) {
        expect(RELATION_TYPES).toContain(relation.type);
        expect(DEMO_REGISTRATIONS.slice(0, index).map((earlier) => earlier.id)).toContain(relation.treatyId);
      }
      return relations.map((relation) => ({ treatyId: registration.id, relation }));
    });
    expect(registered).toEqual(sourced);
  });

  itReadingArticles('quotes the sentence behind each relation verbatim', () => {
    for (const { document, quote } of DEMO_RELATION_SOURCES) expect(articleText(document)).toContain(collapse(quote));
  });

  it('gives every report a unique ref of its own article', () => {
    const refs = ALL_REPORTS.map((report) => report.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const report of ALL_REPORTS) {
      expect(report.ref).toMatch(REF);
      expect(report.request.source.document.slice(0, 3)).toBe(articleOf(report.ref));
    }
  });

  for (const treaty of DEMO_TREATIES) {
    const { id } = treaty.registration;

    describe(id, () => {
      it('has developments in posting order (article publication date, then occurredOn)', () => {
        expect(treaty.developments.length).toBeGreaterThan(0);
        const keys = treaty.developments.map(({ request }) => [request.source.publishedOn, request.occurredOn]);
        const sorted = [...keys].sort(([p1, o1], [p2, o2]) => p1!.localeCompare(p2!) || o1!.localeCompare(o2!));
        expect(keys).toEqual(sorted);
      });

      it('dates no approval, consent or entry into force before its signature', () => {
        const signatures = treaty.developments.filter(({ request }) => request.type === 'signed');
        for (const { request } of treaty.developments) {
          if (!AFTER_SIGNATURE_TYPES.includes(request.type)) continue;
          for (const signature of signatures) {
            expect(compareCoarse(request.occurredOn, signature.request.occurredOn)).toBeGreaterThanOrEqual(0);
          }
        }
      });
    });
  }

  for (const report of ALL_REPORTS) {
    const { ref, request, dateEvidence } = report;
    const { source } = request;

    describe(`${ref} ${request.type} ${request.occurredOn} (${report.treatyId})`, () => {
      it('cites its article as published on the date the article table gives', () => {
        const article = DEMO_ARTICLES.find((candidate) => candidate.document === source.document);
        expect(article).toBeDefined();
        expect(source.publisher).toBe(article!.publisher);
        expect(source.publishedOn).toBe(article!.publishedOn);
        expect(collapse(source.quote)).not.toBe('');
      });

      itReadingArticles('quotes its article verbatim, and the words that date it', () => {
        expect(articleText(source.document)).toContain(collapse(source.quote));
        if ('phrase' in dateEvidence) expect(articleText(source.document)).toContain(collapse(dateEvidence.phrase));
      });

      it('has the date its words give, by its rule, and no later than the article', () => {
        expect(request.occurredOn).toMatch(PARTIAL_DATE);
        expect(compareCoarse(request.occurredOn, source.publishedOn)).toBeLessThanOrEqual(0);
        for (const anchorRef of evidenceRefs(report)) expect(articleOf(anchorRef)).toBe(articleOf(ref));
        expect(resolveDate(dateEvidence, source.publishedOn, dateOf)).toBe(request.occurredOn);
        expect(report.dateResolution.trim()).not.toBe('');
      });

      it('is posted under a registered treaty and names parties the way its type needs', () => {
        const registration = DEMO_REGISTRATIONS.find((candidate) => candidate.id === report.treatyId);
        expect(registration).toBeDefined();
        expect([...TREATY_ACT_TYPES, ...DIPLOMACY_TYPES]).toContain(request.type);
        const parties = registration!['parties'] as string[];
        if (PARTY_TYPES.includes(request.type)) expect(parties).toContain(request['party']);
        if (request.type === 'legislative-approval') expect(String(request['body']).trim()).not.toBe('');
        for (const party of [request['parties'], request['participants']].flat()) {
          if (party !== undefined) expect(party).toMatch(PARTY_CODE_PATTERN);
        }
        for (const other of (request['treaties'] as string[] | undefined) ?? []) {
          expect(DEMO_REGISTRATIONS.map((candidate) => candidate.id)).toContain(other);
        }
      });

      if (request.type === 'statement') {
        it("names its speaker and quotes the speaker's words verbatim, inside its source quote", () => {
          expect(String(request['speaker']).trim()).not.toBe('');
          const words = collapse(String(request['quote']));
          expect(words).not.toBe('');
          expect(collapse(source.quote)).toContain(words);
        });
      }
      if (request.type === 'negotiations') {
        it('has a stage and its participants', () => {
          expect(STAGES).toContain(request['stage']);
          expect((request['participants'] as string[]).length).toBeGreaterThan(0);
        });
      }
      if (request.type === 'context') {
        it('summarises the event', () => {
          expect(String(request['summary']).trim()).not.toBe('');
        });
      }
    });
  }

  describe('README', () => {
    it('lists every development once, with the type and date the data has', () => {
      expect(readmeDevelopments.map((row) => row.ref).sort()).toEqual(ALL_REPORTS.map((report) => report.ref).sort());
      for (const row of readmeDevelopments) {
        const report = byRef.get(row.ref)!;
        expect({ ref: row.ref, type: row.type, occurredOn: row.occurredOn }).toEqual({
          ref: report.ref,
          type: report.request.type,
          occurredOn: report.request.occurredOn,
        });
        const { speaker, summary, stage } = report.request as { speaker?: string; summary?: string; stage?: string };
        const what = speaker ?? summary ?? (stage === undefined ? undefined : `\`${stage}\``);
        if (what !== undefined) expect(row.what.startsWith(what)).toBe(true);
      }
    });

    itReadingArticles('quotes each sentence verbatim from its article', () => {
      for (const { article, sentence } of readmeSentences) {
        const document = DEMO_ARTICLES.find((candidate) => candidate.document.startsWith(`${article}_`))!.document;
        expect(articleText(document)).toContain(collapse(sentence));
      }
    });

    it('takes every development from a listed sentence', () => {
      expect(readmeSentences.length).toBeGreaterThan(0);
      for (const { article, refs } of readmeSentences) {
        for (const ref of refs) {
          expect(articleOf(ref)).toBe(article);
          expect(byRef.has(ref)).toBe(true);
        }
      }
      const wentTo = new Set(readmeSentences.flatMap((row) => row.refs));
      for (const report of ALL_REPORTS) expect(wentTo).toContain(report.ref);
    });
  });
});
