/** One CSV record (RFC 4180): fields quoted when they hold a comma, a quote or a line break; CRLF after it. */
export function csvRow(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table's columns and how each row's cell is read from a record. */
export type CsvColumns<T> = readonly (readonly [string, (record: T) => string | number | boolean | null | undefined])[];

/** The header row of a table. */
export function csvHeader<T>(columns: CsvColumns<T>): string {
  return csvRow(columns.map(([name]) => name));
}

/** The header, then one line per record, lazily: a download is written as it is read. */
export function* csvLines<T>(columns: CsvColumns<T>, records: Iterable<T>): Generator<string> {
  yield csvHeader(columns);
  for (const record of records) yield csvRow(columns.map(([, cell]) => cell(record)));
}
