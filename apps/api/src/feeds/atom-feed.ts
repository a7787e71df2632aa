import { citeSource, describeDevelopment, detailLines, type DevelopmentRecord } from './development-records';

/** RFC 5005 paging links: where the same feed's first, previous, next and last pages are. */
export interface FeedPaging {
  readonly self: string;
  readonly first: string;
  readonly last: string;
  readonly previous?: string;
  readonly next?: string;
}

/**
 * RFC 5005 archived-feed links (section 4): the subscription document's `prev-archive`; an archive document's
 * `current` (the subscription document), `prev-archive` and `next-archive`. `archive` marks an archive document
 * (`fh:archive`), whose entries never change.
 */
export interface FeedArchiving {
  readonly self: string;
  readonly current?: string;
  readonly prevArchive?: string;
  readonly nextArchive?: string;
  readonly archive: boolean;
}

export interface AtomFeed {
  /** A permanent IRI: the feed's URL without paging. */
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  /** The subscription document and its archives (RFC 5005 section 4), or the older paged documents (section 3). */
  readonly paging: FeedPaging | FeedArchiving;
  readonly entries: readonly AtomEntry[];
}

export interface AtomEntry {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly published: string;
  readonly links: readonly { rel: string; href: string; title?: string; type?: string }[];
  readonly categories: readonly string[];
  readonly content: string;
}

/**
 * The Atom entries of a development: one for it, identified by its development id, whose `updated` moves when it is
 * corroborated or corrected (the same entry, never a duplicate), and, when it was retracted, one more for the
 * retraction, identified by the retraction's own event id.
 */
export function entriesOf(record: DevelopmentRecord, baseUrl: string): AtomEntry[] {
  const treatyUrl = `${baseUrl}/treaties/${encodeURIComponent(record.treatyId)}`;
  const what = describeDevelopment(record);
  // The entry's own resource is the development's permalink, which a retraction's event id leads to as well.
  const permalink = (id: string) => ({
    rel: 'alternate',
    href: `${treatyUrl}/developments/${id}`,
    type: 'application/json',
    title: what,
  });
  const treatyLinks = [
    { rel: 'related', href: treatyUrl, type: 'application/json', title: record.treatyTitle },
    {
      rel: 'related',
      href: `${treatyUrl}/timeline`,
      type: 'application/json',
      title: `${record.treatyTitle}: timeline`,
    },
  ];
  const sourceLinks = record.sources.flatMap((source) =>
    source.url ? [{ rel: 'via', href: source.url, title: source.publisher }] : [],
  );
  const lines = [
    `${what}: ${record.treatyTitle}.`,
    `Date: ${record.occurredOn}${record.precision === 'day' ? '' : ` (known to the ${record.precision})`}.`,
    ...detailLines(record),
    ...record.sources.map(
      (source) => `${source.kind === 'original' ? 'Source' : 'Also reported by'}: ${citeSource(source)}`,
    ),
    ...record.corrections.map(
      (correction) =>
        `Corrected on ${correction.recordedAt.slice(0, 10)}: ${correction.reason} (${citeSource(correction.source)})`,
    ),
    ...(record.retraction
      ? [`Retracted on ${record.retraction.recordedAt.slice(0, 10)}: ${record.retraction.reason}`]
      : []),
  ];
  const entry: AtomEntry = {
    id: `urn:uuid:${record.developmentId}`,
    title: `${record.retraction ? '[Retracted] ' : ''}${what}: ${record.treatyTitle}`,
    updated: record.updatedAt,
    published: record.recordedAt,
    links: [permalink(record.developmentId), ...treatyLinks, ...sourceLinks],
    categories: [
      record.type,
      ...(record.corrections.length > 0 ? ['corrected'] : []),
      ...(record.retraction ? ['retracted'] : []),
    ],
    content: lines.join('\n'),
  };
  if (!record.retraction) return [entry];
  const { retraction } = record;
  return [
    entry,
    {
      id: `urn:uuid:${retraction.eventId}`,
      title: `Retraction: ${what}: ${record.treatyTitle}`,
      updated: retraction.recordedAt,
      published: retraction.recordedAt,
      links: [
        permalink(retraction.eventId),
        ...treatyLinks,
        ...(retraction.source.url
          ? [{ rel: 'via', href: retraction.source.url, title: retraction.source.publisher }]
          : []),
      ],
      categories: ['retraction'],
      content: [
        `The report of ${what} (${record.occurredOn}) on ${record.treatyTitle} was retracted: ${retraction.reason}`,
        `Source: ${citeSource(retraction.source)}`,
      ].join('\n'),
    },
  ];
}

/** RFC 5005's namespace, for `fh:archive`. */
const FEED_HISTORY = 'http://purl.org/syndication/history/1.0';

/** Newest first; ties by id, so that pages are stable. */
export function byUpdatedDescending(a: AtomEntry, b: AtomEntry): number {
  return a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function renderAtom(feed: AtomFeed): string {
  const { paging } = feed;
  const archiving = 'archive' in paging ? paging : undefined;
  const pagingLinks = [
    link({ rel: 'self', href: paging.self, type: 'application/atom+xml' }),
    ...('first' in paging
      ? [
          link({ rel: 'first', href: paging.first }),
          ...(paging.previous ? [link({ rel: 'previous', href: paging.previous })] : []),
          ...(paging.next ? [link({ rel: 'next', href: paging.next })] : []),
          link({ rel: 'last', href: paging.last }),
        ]
      : [
          ...(paging.current ? [link({ rel: 'current', href: paging.current, type: 'application/atom+xml' })] : []),
          ...(paging.prevArchive ? [link({ rel: 'prev-archive', href: paging.prevArchive })] : []),
          ...(paging.nextArchive ? [link({ rel: 'next-archive', href: paging.nextArchive })] : []),
        ]),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    archiving
      ? `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="${FEED_HISTORY}">`
      : '<feed xmlns="http://www.w3.org/2005/Atom">',
    ...(archiving?.archive ? ['  <fh:archive/>'] : []),
    `  <id>${escape(feed.id)}</id>`,
    `  <title>${escape(feed.title)}</title>`,
    `  <updated>${escape(feed.updated)}</updated>`,
    '  <author><name>Treaty Timeline</name></author>',
    '  <generator>Treaty Timeline</generator>',
    ...pagingLinks.map((line) => `  ${line}`),
    ...feed.entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${escape(entry.id)}</id>`,
      `    <title>${escape(entry.title)}</title>`,
      `    <updated>${escape(entry.updated)}</updated>`,
      `    <published>${escape(entry.published)}</published>`,
      ...entry.links.map((entryLink) => `    ${link(entryLink)}`),
      ...entry.categories.map((term) => `    <category term="${escapeAttribute(term)}"/>`),
      `    <content type="text">${escape(entry.content)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ].join('\n');
}

function link(attributes: { rel: string; href: string; title?: string; type?: string }): string {
  const optional = [
    attributes.type ? ` type="${escapeAttribute(attributes.type)}"` : '',
    attributes.title ? ` title="${escapeAttribute(attributes.title)}"` : '',
  ].join('');
  return `<link rel="${escapeAttribute(attributes.rel)}" href="${escapeAttribute(attributes.href)}"${optional}/>`;
}

/**
 * XML text escaping; characters XML 1.0 forbids are dropped (the API refuses them, older events may hold them). A
 * carriage return is written as a character reference: a parser turns a literal one into a line feed (XML 1.0, 2.11),
 * and a quote pasted with CRLF or a lone CR would reach the reader other than it was recorded.
 */
export function escape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing what XML 1.0 cannot carry is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      .replace(/\r/g, '&#13;')
  );
}

/** In an attribute a parser also turns a literal tab or line feed into a space (XML 1.0, 3.3.3): references keep them. */
function escapeAttribute(text: string): string {
  return escape(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
