import { readFileSync } from 'node:fs';

/** One line of an import file: a treaty to register, or a development of one. */
export type ImportLine =
  | {
      readonly kind: 'treaty';
      readonly line: number;
      readonly treatyId: string;
      readonly body: Record<string, unknown>;
    }
  | {
      readonly kind: 'development';
      readonly line: number;
      readonly treatyId: string;
      readonly body: Record<string, unknown>;
    };

/** What the file says about one treaty, in the file's order: its registration (if given) and its developments. */
export interface TreatyGroup {
  readonly treatyId: string;
  readonly registration?: ImportLine;
  readonly developments: ImportLine[];
}

export class ImportFileError extends Error {}

/**
 * Reads an import file: NDJSON, one object a line, either `{"treaty": {...}}` (the body of `POST /treaties`) or
 * `{"treatyId": "...", "development": {...}}` (the body of `POST /treaties/{id}/developments`); blank lines and
 * lines starting with `#` are skipped. Lines are grouped by treaty, keeping their order within each treaty.
 */
export function readImportFile(file: string): TreatyGroup[] {
  const groups = new Map<string, { treatyId: string; registration?: ImportLine; developments: ImportLine[] }>();
  const group = (treatyId: string) => {
    let found = groups.get(treatyId);
    if (!found) groups.set(treatyId, (found = { treatyId, developments: [] }));
    return found;
  };
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, at) => {
    const line = at + 1;
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // The parser's words say where in the line ("Expected ',' or '}' after property value ... at position 129").
      throw new ImportFileError(`${file}:${line}: not valid JSON: ${(error as Error).message}`);
    }
    const entry = value as { treaty?: unknown; treatyId?: unknown; development?: unknown };
    if (isObject(entry.treaty) && typeof entry.treaty.id === 'string') {
      const registration: ImportLine = { kind: 'treaty', line, treatyId: entry.treaty.id, body: entry.treaty };
      const target = group(entry.treaty.id);
      if (target.registration || target.developments.length > 0) {
        throw new ImportFileError(`${file}:${line}: register treaty ${entry.treaty.id} once, before its developments`);
      }
      target.registration = registration;
    } else if (typeof entry.treatyId === 'string' && isObject(entry.development)) {
      group(entry.treatyId).developments.push({
        kind: 'development',
        line,
        treatyId: entry.treatyId,
        body: entry.development,
      });
    } else {
      throw new ImportFileError(
        `${file}:${line}: expected {"treaty": {...}} or {"treatyId": "...", "development": {...}}`,
      );
    }
  });
  return [...groups.values()];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
