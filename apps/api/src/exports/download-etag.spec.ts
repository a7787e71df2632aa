import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DOWNLOAD_FORMAT, downloadEtag } from './download-etag';
import { DEVELOPMENT_COLUMNS, TREATY_COLUMNS } from './export-columns';

/**
 * The CSVs' columns each download format was released with. A column added or renamed without a new format would
 * let a client holding the previous download be told (304) that it is current: add the format here, and bump it.
 */
const COLUMNS_OF_FORMAT: Record<number, string> = {
  3: 'b0192dcee5d40ece',
  4: 'ec6b98983ff48308', // developments.csv: openDisagreements
};

describe('downloadEtag', () => {
  const moment = { position: 41n, version: 8, today: '2026-12-02' };

  it('is a weak validator that repeats for the same moment, rendering and variant', () => {
    expect(downloadEtag(moment, 'treaties.csv')).toMatch(/^W\/"[^"]+"$/);
    expect(downloadEtag(moment, 'treaties.csv')).toBe(downloadEtag({ ...moment }, 'treaties.csv'));
  });

  it('moves with every event the read model applies, a correction included', () => {
    expect(downloadEtag({ ...moment, position: 42n }, 'treaties.csv')).not.toBe(downloadEtag(moment, 'treaties.csv'));
  });

  it('moves when another projection version rendered the views, at the same position', () => {
    expect(downloadEtag({ ...moment, version: 9 }, 'treaties.csv')).not.toBe(downloadEtag(moment, 'treaties.csv'));
  });

  it('moves with the day: a status changes when a date the record sets ahead comes, with no event', () => {
    expect(downloadEtag({ ...moment, today: '2026-12-03' }, 'treaties.csv')).not.toBe(
      downloadEtag(moment, 'treaties.csv'),
    );
  });

  it('differs between files, headers and base addresses', () => {
    const etags = new Set(
      ['treaties.csv', 'developments.csv', 'treaties.jsonld http://a.example', 'treaties.jsonld http://b.example'].map(
        (variant) => downloadEtag(moment, variant),
      ),
    );
    expect(etags.size).toBe(4);
  });

  it('names an empty read model apart from one at a position', () => {
    expect(downloadEtag({ ...moment, position: undefined, version: undefined }, 'x')).not.toBe(
      downloadEtag(moment, 'x'),
    );
  });

  it('names a format of its own for every set of CSV columns', () => {
    const names = (columns: readonly (readonly [string, ...unknown[]])[]) => columns.map(([name]) => name).join(',');
    const columns = createHash('sha256')
      .update(`treaties.csv:${names(TREATY_COLUMNS)}\ndevelopments.csv:${names(DEVELOPMENT_COLUMNS)}`)
      .digest('hex')
      .slice(0, 16);
    expect(COLUMNS_OF_FORMAT[DOWNLOAD_FORMAT]).toBe(columns);
  });
});
