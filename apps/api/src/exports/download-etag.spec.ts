import { describe, expect, it } from '@jest/globals';
import { downloadEtag } from './download-etag';

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
});
