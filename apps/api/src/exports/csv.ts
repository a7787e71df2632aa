/** What a cell may hold: numbers and booleans are written as they are, absent values as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Whether a column's text is defused (the default) or written verbatim. Only columns whose every value the product
 * writes or validates to a shape that cannot start a formula (ids, dates, codes, enums, positions) are verbatim,
 * so that a free-text column added later is safe without anyone remembering to say so (decision 0037).
 */
export const VERBATIM = 'verbatim';

/** A table's columns: each one's name, how a record's cell is read, and `VERBATIM` when it is not free text. */
export type CsvColumns<T> = readonly (readonly [string, (record: T) => CsvValue, typeof VERBATIM?])[];

/**
 * What separates fields: RFC 4180's comma, or the semicolon that Excel expects where the comma is the decimal mark
 * (most of Europe, Russia, Iran's Persian locale, Latin America), or a tab. Excel opens a file by double-click with
 * its locale's list separator, so a comma-separated file shows there as one column of text.
 */
export const CSV_DELIMITERS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[keyof typeof CSV_DELIMITERS];

/**
 * One CSV record (RFC 4180): fields quoted when they hold the delimiter, a quote or a line break; CRLF after it.
 */
export function csvRow(fields: readonly CsvValue[], delimiter: CsvDelimiter = ','): string {
  return `${fields.map((field) => csvField(field, delimiter)).join(delimiter)}\r\n`;
}

function csvField(value: CsvValue, delimiter: CsvDelimiter): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What makes a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP's
 * "CSV Injection" lists; also after leading spaces, which some spreadsheets trim on import), and the apostrophe that
 * marks a defused cell, so that one rule undoes it.
 */
const STARTS_A_FORMULA = /^(\s*[=+\-@]|[\t\r'])/;

/**
 * Free text as a spreadsheet will show it rather than run it: text that starts as a formula would (an editor's
 * `=HYPERLINK(...)` in a quote) gets an apostrophe in front, as OWASP recommends, and so does text that already
 * starts with one. A text cell that starts with an apostrophe therefore always had one added: removing the first
 * character gives the exact text back. Numbers and booleans are never text here.
 */
export function defuseFormula(value: CsvValue): CsvValue {
  return typeof value === 'string' && STARTS_A_FORMULA.test(value) ? `'${value}` : value;
}

/** The header row of a table. */
export function csvHeader<T>(columns: CsvColumns<T>, delimiter: CsvDelimiter = ','): string {
  return csvRow(
    columns.map(([name]) => name),
    delimiter,
  );
}

/**
 * The byte order mark that tells Excel a CSV is UTF-8. Without it, Excel opens a downloaded CSV in the machine's
 * legacy code page (Windows-1252 in Western Europe and the Americas), and every Russian and Persian name and quote
 * turns to mojibake; the `charset` of the Content-Type is gone once the file is saved. LibreOffice,
 * Google Sheets, pandas and R's readr drop it as UTF-8's signature; a program that does not is told how in the README
 * (Python's `utf-8-sig`, csv-parse's `bom: true`) (decision 0037).
 */
export const UTF8_BOM = '\ufeff';

/** The byte order mark and the header, then one line per record, lazily: a download is written as it is read. */
export function* csvLines<T>(
  columns: CsvColumns<T>,
  records: Iterable<T>,
  delimiter: CsvDelimiter = ',',
): Generator<string> {
  yield UTF8_BOM + csvHeader(columns, delimiter);
  for (const record of records) {
    const fields = columns.map(([, cell, kind]) => (kind === VERBATIM ? cell(record) : defuseFormula(cell(record))));
    yield csvRow(fields, delimiter);
  }
}
