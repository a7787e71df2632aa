import { DOMParser, type Element } from '@xmldom/xmldom';

const ATOM = 'http://www.w3.org/2005/Atom';
const FEED_HISTORY = 'http://purl.org/syndication/history/1.0';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const FEED_CHILDREN = [
  'author',
  'category',
  'contributor',
  'generator',
  'icon',
  'id',
  'link',
  'logo',
  'rights',
  'subtitle',
  'title',
  'updated',
  'entry',
];
const ENTRY_CHILDREN = [
  'author',
  'category',
  'content',
  'contributor',
  'id',
  'link',
  'published',
  'rights',
  'source',
  'summary',
  'title',
  'updated',
];

export interface ParsedEntry {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly content: string;
  readonly categories: string[];
  readonly links: { rel: string; href: string; title: string | null }[];
}

export interface ParsedFeed {
  readonly id: string;
  readonly updated: string;
  /** An RFC 5005 archive document: it holds `fh:archive`. */
  readonly archive: boolean;
  readonly links: Record<string, string>;
  readonly entries: ParsedEntry[];
}

/**
 * Parses an Atom document with a real XML parser (any well-formedness error throws) and checks the constraints of
 * RFC 4287 section 4 that a document must meet: one id, title and updated per feed and per entry, absolute IRIs,
 * RFC 3339 dates, an author for every entry, content or an alternate link, only Atom's own elements, and no two
 * entries with the same id and updated. Returns what the tests look at; throws naming the first violation.
 */
export function parseValidAtom(xml: string): ParsedFeed {
  // xmldom reports every other well-formedness error, but lets a bare ampersand through.
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(xml)) throw new Error('XML fatalError: a bare &');
  const document = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
  const feed = document.documentElement!;
  check(feed.localName === 'feed' && feed.namespaceURI === ATOM, 'the root is atom:feed');
  checkChildren(feed, FEED_CHILDREN, 'feed');
  const feedId = single(feed, 'id', 'feed');
  checkIri(feedId);
  single(feed, 'title', 'feed');
  const feedUpdated = single(feed, 'updated', 'feed');
  checkDate(feedUpdated);
  const feedHasAuthor = children(feed, 'author').length > 0;
  const links: Record<string, string> = {};
  for (const link of children(feed, 'link')) {
    const rel = link.getAttribute('rel') ?? 'alternate';
    const href = link.getAttribute('href');
    check(!!href, 'every atom:link has an href');
    check(!(rel in links) || rel === 'alternate', `one link rel="${rel}" per feed`);
    links[rel] = href!;
  }
  const entries = children(feed, 'entry').map((entry) => {
    checkChildren(entry, ENTRY_CHILDREN, 'entry');
    const id = single(entry, 'id', 'entry');
    checkIri(id);
    const updated = single(entry, 'updated', 'entry');
    checkDate(updated);
    const published = children(entry, 'published');
    check(published.length <= 1, 'at most one atom:published per entry');
    if (published[0]) checkDate(published[0].textContent ?? '');
    check(feedHasAuthor || children(entry, 'author').length > 0, "every entry has an author (its own or the feed's)");
    const entryLinks = children(entry, 'link').map((link) => ({
      rel: link.getAttribute('rel') ?? 'alternate',
      href: link.getAttribute('href') ?? '',
      title: link.getAttribute('title'),
    }));
    entryLinks.forEach((link) => checkIri(link.href));
    const content = children(entry, 'content');
    check(content.length <= 1, 'at most one atom:content per entry');
    check(content.length === 1 || entryLinks.some((link) => link.rel === 'alternate'), 'content or an alternate link');
    const type = content[0]?.getAttribute('type') ?? 'text';
    check(['text', 'html', 'xhtml'].includes(type) || type.includes('/'), 'a known content type');
    const alternates = entryLinks.filter((link) => link.rel === 'alternate');
    check(alternates.length <= 1, 'one alternate link per type (here: at most one)');
    for (const category of children(entry, 'category')) check(!!category.getAttribute('term'), 'category has a term');
    return {
      id,
      title: single(entry, 'title', 'entry'),
      updated,
      content: content[0]?.textContent ?? '',
      categories: children(entry, 'category').map((category) => category.getAttribute('term')!),
      links: entryLinks,
    };
  });
  const seen = new Set(entries.map((entry) => `${entry.id} ${entry.updated}`));
  check(seen.size === entries.length, 'no two entries share an id and an updated date');
  let archive = false;
  for (let node = feed.firstChild; node; node = node.nextSibling) {
    const child = node as Element;
    if (child.nodeType === 1 && child.namespaceURI === FEED_HISTORY && child.localName === 'archive') archive = true;
  }
  return { id: feedId, updated: feedUpdated, archive, links, entries };
}

function children(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    const child = node as Element;
    if (child.nodeType === 1 && child.namespaceURI === ATOM && child.localName === name) found.push(child);
  }
  return found;
}

function checkChildren(element: Element, allowed: string[], where: string): void {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    const child = node as Element;
    if (child.nodeType === 1 && child.namespaceURI === ATOM) {
      check(allowed.includes(child.localName!), `atom:${child.localName} is not allowed in atom:${where}`);
    }
  }
}

function single(element: Element, name: string, where: string): string {
  const found = children(element, name);
  check(found.length === 1, `exactly one atom:${name} in atom:${where} (found ${found.length})`);
  return found[0]!.textContent ?? '';
}

function checkDate(value: string): void {
  check(RFC3339.test(value) && !Number.isNaN(Date.parse(value)), `an RFC 3339 date: ${value}`);
}

function checkIri(value: string): void {
  check(/^[a-z][a-z0-9+.-]*:\S+$/i.test(value), `an absolute IRI: ${value}`);
}

function check(condition: boolean, rule: string): void {
  if (!condition) throw new Error(`Not valid Atom (RFC 4287): ${rule}`);
}
