import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { TREATY_ID_PATTERN } from '@timeline/treaty';
import { DEMO_ARTICLES } from './demo-articles';
import { DEMO_TREATIES } from './demo-data';
import { locateSeedArticles } from './testing/seed-articles';

const articles = locateSeedArticles();
/** The checks that read the articles: skipped, with the reason in their name, where a clone has no articles. */
const itReadingArticles = articles.available
  ? it
  : (name: string, check: () => void) => it.skip(`${name} [skipped: ${articles.reason}]`, check);
const seeds = () => {
  if (!articles.available) throw new Error(articles.reason);
  return articles;
};
const readArticle = (document: string): string => seeds().read(document);

interface DemoSource {
  publisher: string;
  publishedOn: string;
  document: string;
  quote: string;
  url?: string;
}

interface DemoRequest {
  type: string;
  occurredOn: string;
  party?: string;
  body?: string;
  place?: string;
  signatories?: string[];
  votes?: { for?: number; against?: number; abstained?: number };
  source: DemoSource;
}

interface DemoDevelopment {
  dateResolution: string;
  request: DemoRequest;
}

interface DemoTreaty {
  registration: { id: string; title: string; parties: string[]; category: string };
  developments: DemoDevelopment[];
}

interface DemoData {
  treaties: DemoTreaty[];
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTY = /^[A-Z]{2,10}$/;
const CATEGORIES = ['partnership', 'trade', 'security', 'other'];
const TYPES = [
  'signed',
  'legislative-approval',
  'ratification-completed',
  'instruments-exchanged',
  'entered-into-force',
  'suspended',
  'resumed',
  'withdrawn',
  'terminated',
];
const PARTY_TYPES = ['legislative-approval', 'ratification-completed', 'withdrawn'];
// Developments the app rejects when dated before the treaty's signature.
const AFTER_SIGNATURE_TYPES = [
  'legislative-approval',
  'ratification-completed',
  'instruments-exchanged',
  'entered-into-force',
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Compares two dates of possibly different precision (YYYY, YYYY-MM, YYYY-MM-DD) at the coarser one. */
const compareCoarse = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
};

const data = { treaties: DEMO_TREATIES } as unknown as DemoData;

describe('demo data', () => {
  it('cites only the fingerprinted articles', () => {
    const cited = new Set(data.treaties.flatMap((treaty) => treaty.developments.map((d) => d.request.source.document)));
    const known = new Set(DEMO_ARTICLES.map((article) => article.document));
    for (const document of cited) expect(known).toContain(document);
  });

  for (const { document, sha256 } of DEMO_ARTICLES) {
    itReadingArticles(`holds the same text of ${document} as the demo data quotes (SHA-256)`, () => {
      expect(seeds().sha256(document)).toBe(sha256);
    });
  }

  it('has treaties with unique slug ids, known categories and at least two parties', () => {
    expect(data.treaties.length).toBeGreaterThan(0);
    const ids = data.treaties.map((treaty) => treaty.registration.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { registration } of data.treaties) {
      expect(registration.id).toMatch(TREATY_ID_PATTERN);
      expect(registration.title.trim()).not.toBe('');
      expect(CATEGORIES).toContain(registration.category);
      expect(new Set(registration.parties).size).toBeGreaterThanOrEqual(2);
      for (const party of registration.parties) expect(party).toMatch(PARTY);
    }
  });

  for (const treaty of data.treaties) {
    const { id, parties } = treaty.registration;

    describe(id, () => {
      it('has developments in posting order (article publication date, then occurredOn)', () => {
        expect(treaty.developments.length).toBeGreaterThan(0);
        const keys = treaty.developments.map(({ request }) => [request.source.publishedOn, request.occurredOn]);
        const sorted = [...keys].sort(([p1, o1], [p2, o2]) => p1!.localeCompare(p2!) || o1!.localeCompare(o2!));
        expect(keys).toEqual(sorted);
      });

      it('dates no approval or entry into force before its signature', () => {
        const signatures = treaty.developments.filter(({ request }) => request.type === 'signed');
        for (const { request } of treaty.developments) {
          if (!AFTER_SIGNATURE_TYPES.includes(request.type)) continue;
          for (const signature of signatures) {
            expect(compareCoarse(request.occurredOn, signature.request.occurredOn)).toBeGreaterThanOrEqual(0);
          }
        }
      });

      treaty.developments.forEach(({ dateResolution, request }, index) => {
        const { source } = request;

        describe(`#${index + 1} ${request.type} ${request.occurredOn} (${source.document})`, () => {
          it('explains how its date was resolved', () => {
            expect(typeof dateResolution).toBe('string');
            expect(dateResolution.trim()).not.toBe('');
          });

          it('has a known type, well-formed dates and occurred no later than the article', () => {
            expect(TYPES).toContain(request.type);
            expect(request.occurredOn).toMatch(PARTIAL_DATE);
            expect(source.publishedOn).toMatch(FULL_DATE);
            expect(compareCoarse(request.occurredOn, source.publishedOn)).toBeLessThanOrEqual(0);
          });

          it('names parties that belong to the treaty', () => {
            if (PARTY_TYPES.includes(request.type)) expect(request.party).toBeDefined();
            if (request.type === 'legislative-approval') expect(request.body?.trim()).toBeTruthy();
            if (request.party !== undefined) expect(parties).toContain(request.party);
          });

          it('names its article by a plain file name', () => {
            expect(path.basename(source.document)).toBe(source.document);
          });

          itReadingArticles('cites its article with a verbatim quote', () => {
            expect(seeds().exists(source.document)).toBe(true);
            const article = collapse(readArticle(source.document));
            expect(collapse(source.quote)).not.toBe('');
            expect(article).toContain(collapse(source.quote));
          });

          it('names a publisher, or unknown', () => {
            expect(source.publisher.trim()).not.toBe('');
          });

          itReadingArticles('names the publisher as the article does', () => {
            if (source.publisher !== 'unknown') {
              expect(collapse(readArticle(source.document))).toContain(source.publisher);
            }
            if (source.url !== undefined) expect(readArticle(source.document)).toContain(source.url);
          });
        });
      });
    });
  }
});
