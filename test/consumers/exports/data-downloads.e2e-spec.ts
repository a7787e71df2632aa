import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import jsonld from 'jsonld';
import request from 'supertest';
import { KEYS, bearer } from '../../support/api-keys';
import { downloadText, wholeText } from '../../support/live-and-downloads';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;
const TRICKY = {
  id: 'tricky-treaty',
  title: 'Agreement on "quotes", commas and émigrés',
  parties: ['BY', 'EAEU'],
  category: 'trade',
};

/** A JSON-LD document loader that refuses every URL: expansion must need no network. */
const noNetwork = async (url: string): Promise<never> => {
  throw new Error(`The download asked the JSON-LD processor to fetch ${url}`);
};

describe('data downloads', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    await post(subject.http, '/treaties', TRICKY).expect(201);
    await post(subject.http, developments, signature()).expect(201);
    await post(subject.http, developments, dumaApproval({ votes: { for: 400, against: 1 } })).expect(201);
    for (const party of ['RU', 'IR']) {
      await post(subject.http, developments, {
        type: 'ratification-completed',
        party,
        occurredOn: '2025-04',
        source: source(),
      }).expect(201);
    }
    await post(subject.http, developments, {
      type: 'entered-into-force',
      occurredOn: '2025-05-15',
      source: source({ quote: 'It "entered",\ninto force' }),
    }).expect(201);
    await post(
      subject.http,
      `/treaties/${TRICKY.id}/developments`,
      signature({ occurredOn: '2025', place: 'Minsk, Belarus' }),
    ).expect(201);
  });
  afterAll(() => subject.close());

  const download = (path: string) => downloadText(subject.http, path);

  it('treaties.csv round-trips through a CSV parser to the same values as the API', async () => {
    const response = await download('/exports/treaties.csv');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="treaties.csv"');
    const rows = parse<Record<string, string>>(response.body as string, { columns: true, bom: true });
    const api = (await request(subject.http).get('/treaties').expect(200)).body.items as Record<string, unknown>[];
    expect(rows.map((row) => row.id)).toEqual(api.map((treaty) => treaty.id));
    const tricky = rows.find((row) => row.id === TRICKY.id)!;
    expect(tricky).toMatchObject({
      title: TRICKY.title,
      parties: 'BY EAEU',
      signedOn: '2025',
      signedOnPrecision: 'year',
    });
    const ruIr = rows.find((row) => row.id === RU_IR.id)!;
    expect(ruIr).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-05-15',
      enteredIntoForceOnPrecision: 'day',
    });
  });

  it('separates by semicolons for Excel where the comma is the decimal mark, with the same rows and its own ETag', async () => {
    for (const path of ['/exports/treaties.csv', '/exports/developments.csv']) {
      const comma = await download(path);
      const semicolon = await download(`${path}?delimiter=semicolon`);
      expect(semicolon.headers['content-type']).toMatch(/^text\/csv/);
      const rows = (text: string, delimiter: string) =>
        parse<Record<string, string>>(text, { columns: true, bom: true, delimiter });
      expect(rows(semicolon.body as string, ';')).toEqual(rows(comma.body as string, ','));
      expect((semicolon.body as string).split('\r\n', 1)[0]).toContain(';');
      expect(semicolon.headers['etag']).not.toBe(comma.headers['etag']);
      const tab = await download(`${path}?delimiter=tab`);
      expect(rows(tab.body as string, '\t')).toEqual(rows(comma.body as string, ','));
    }
    const refused = await request(subject.http).get('/exports/treaties.csv?delimiter=pipe').expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('developments.csv round-trips, one row per development with its source', async () => {
    const rows = parse<Record<string, string>>((await download('/exports/developments.csv')).body as string, {
      columns: true,
      bom: true,
    });
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row.type === 'legislative-approval')).toMatchObject({
      treatyId: RU_IR.id,
      party: 'RU',
      body: 'State Duma',
      votesFor: '400',
      votesAgainst: '1',
      votesAbstained: '',
      sourcePublisher: 'The Moscow Times',
      sourceUrl: 'https://example.org/duma-vote',
      retracted: 'false',
    });
    expect(rows.find((row) => row.type === 'entered-into-force')?.sourceQuote).toBe('It "entered",\ninto force');
    expect(rows.find((row) => row.treatyId === TRICKY.id)).toMatchObject({
      place: 'Minsk, Belarus',
      precision: 'year',
    });
  });

  it('treaties.jsonld expands with a JSON-LD processor, offline, into schema.org Legislation', async () => {
    const response = await download('/exports/treaties.jsonld');
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    const document = JSON.parse(response.body as string) as object;
    const expanded = (await jsonld.expand(document, { documentLoader: noNetwork })) as Record<string, unknown[]>[];
    expect(expanded).toHaveLength(2);
    const ruIr = expanded.find((node) => String(node['@id']).endsWith(`/treaties/${RU_IR.id}`))!;
    expect(ruIr['@type']).toEqual(['https://schema.org/Legislation']);
    expect(ruIr['https://schema.org/legislationDate']).toEqual([{ '@value': '2025-01-17' }]);
    expect(ruIr['https://schema.org/legislationDateOfApplicability']).toEqual([{ '@value': '2025-05-15' }]);
    expect(ruIr['https://schema.org/legislationLegalForce']).toEqual([{ '@id': 'https://schema.org/InForce' }]);
    const passedBy = ruIr['https://schema.org/legislationPassedBy'] as Record<string, unknown>[];
    expect(passedBy.map((party) => party['https://schema.org/identifier'])).toEqual([
      [{ '@value': 'RU' }],
      [{ '@value': 'IR' }],
    ]);
    const tricky = expanded.find((node) => String(node['@id']).endsWith(`/treaties/${TRICKY.id}`))!;
    expect(tricky['https://schema.org/legislationLegalForce']).toEqual([{ '@id': 'https://schema.org/NotInForce' }]);
    expect(tricky['https://schema.org/legislationDateOfApplicability']).toBeUndefined();
  });

  it('GET /treaties?changedSince= syncs what changed, in the order of the changes, page by page', async () => {
    const all = (await request(subject.http).get('/treaties?changedSince=0').expect(200)).body;
    expect(all.items.map((treaty: { id: string }) => treaty.id)).toEqual(
      [TRICKY.id, RU_IR.id]
        .reverse()
        .reverse()
        .sort((a, b) => (a === RU_IR.id ? -1 : b === RU_IR.id ? 1 : 0)),
    );
    expect(all.nextCursor).toBeNull();
    const since = all.changedUpTo as string;
    expect((await request(subject.http).get(`/treaties?changedSince=${since}`).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
      changedUpTo: since,
    });
    const written = await post(
      subject.http,
      `/treaties/${TRICKY.id}/developments`,
      dumaApproval({ party: 'BY', body: 'House of Representatives', occurredOn: '2025-03' }),
    ).expect(201);
    const changed = (await request(subject.http).get(`/treaties?changedSince=${since}`).expect(200)).body;
    expect(changed.items.map((treaty: { id: string }) => treaty.id)).toEqual([TRICKY.id]);
    expect(changed.changedUpTo).toBe(written.body.position);

    const first = (await request(subject.http).get('/treaties?changedSince=0&limit=1').expect(200)).body;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBe(first.changedUpTo);
    const rest = (await request(subject.http).get(`/treaties?changedSince=${first.nextCursor}&limit=1`).expect(200))
      .body;
    expect(rest.items.map((treaty: { id: string }) => treaty.id)).not.toEqual(
      first.items.map((treaty: { id: string }) => treaty.id),
    );
    expect((await request(subject.http).get('/treaties?changedSince=0&party=IR').expect(200)).body.items).toHaveLength(
      1,
    );
    expect((await request(subject.http).get('/treaties?changedSince=yesterday').expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('GET /treaties?changedSince= refuses a position past 2^63−1 with a 400, never a 500', async () => {
    for (const position of ['9223372036854775808', '9999999999999999999']) {
      const refused = await request(subject.http).get(`/treaties?changedSince=${position}`).expect(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'changedSince' }] });
    }
  });

  it('GET /treaties?changedSince= continues from a page’s nextCursor passed as cursor, as every listing does', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await request(subject.http)
          .get(`/treaties?changedSince=0&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`)
          .expect(200)
      ).body;
      seen.push(...page.items.map((treaty) => treaty.id));
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    expect(seen.sort()).toEqual([RU_IR.id, TRICKY.id].sort());
    const refused = await request(subject.http).get('/treaties?changedSince=0&cursor=tricky-treaty').expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'cursor' }] });
  });

  it('GET /treaties?changedSince= past the head of the log is 400 POSITION_PAST_HEAD, not a sync that skips ahead', async () => {
    // A client that synced with a store since reset or restored from a backup: answered 200 with its own
    // position as changedUpTo, it would skip every change until the log grew past it.
    const refused = await request(subject.http).get('/treaties?changedSince=999999').expect(400);
    expect(refused.body).toMatchObject({ code: 'POSITION_PAST_HEAD', field: 'changedSince' });
    await request(subject.http).get('/treaties?changedSince=9223372036854775807').expect(400);
  });

  it('each download answers an ETag, 304 to a client that holds it, and a new one once a correction is recorded', async () => {
    const paths = ['/exports/treaties.csv', '/exports/developments.csv', '/exports/treaties.jsonld'];
    // One address throughout, as a client has (JSON-LD's absolute links are made of it).
    const get = (path: string, ifNoneMatch?: string) => {
      const pending = request(subject.http).get(path).set('Host', 'timeline.example');
      return (ifNoneMatch === undefined ? pending : pending.set('If-None-Match', ifNoneMatch))
        .buffer(true)
        .parse(wholeText);
    };
    const before = await Promise.all(paths.map((path) => get(path).expect(200)));
    for (const [index, response] of before.entries()) {
      const etag = response.headers['etag'];
      expect(etag).toMatch(/^W\/".+"$/);
      const again = await get(paths[index]!, etag).expect(304);
      expect(again.body).toBe('');
      expect(again.headers['etag']).toBe(etag);
      // A validator the service never issued is no match: the whole download.
      expect((await get(paths[index]!, 'W/"something-else"').expect(200)).body).toBe(response.body);
    }
    expect(new Set(before.map((response) => response.headers['etag'])).size).toBe(paths.length);

    const tricky = parse<Record<string, string>>(before[1]!.body as string, { columns: true, bom: true }).find(
      (row) => row.treatyId === TRICKY.id && row.type === 'signed',
    )!;
    const corrected = await post(
      subject.http,
      `/treaties/${TRICKY.id}/developments/${tricky.developmentId}/corrections`,
      { changes: { place: 'Minsk' }, reason: 'the city only', source: source() },
    ).expect(201);
    await request(subject.http).get(`/treaties/${TRICKY.id}?minPosition=${corrected.body.position}`).expect(200);

    for (const [index, path] of paths.entries()) {
      const stale = before[index]!.headers['etag'] as string;
      const fresh = await get(path, stale).expect(200);
      expect(fresh.headers['etag']).not.toBe(stale);
      if (path === '/exports/developments.csv') {
        const rows = parse<Record<string, string>>(fresh.body as string, { columns: true, bom: true });
        expect(rows.find((row) => row.developmentId === tricky.developmentId)).toMatchObject({
          place: 'Minsk',
          corrected: 'true',
        });
      }
    }
  });

  it('the CSVs tell a computed date from a reported one, and a reading from the decisive vote', async () => {
    const clause = {
      id: 'clause-treaty',
      title: 'A convention in force 30 days after the second instrument',
      parties: ['FR', 'DE', 'IT'],
      category: 'other',
      kind: 'multilateral',
      entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
    };
    await post(subject.http, '/treaties', clause).expect(201);
    const path = `/treaties/${clause.id}/developments`;
    await post(subject.http, path, signature({ occurredOn: '2025-04-02' })).expect(201);
    for (const party of ['FR', 'DE']) {
      await post(subject.http, path, {
        type: 'consent-to-be-bound',
        party,
        consentType: 'ratification',
        occurredOn: '2025-04-20',
        source: source({ publishedOn: '2025-04-21' }),
      }).expect(201);
    }
    for (const stage of ['first-reading', 'third-reading']) {
      await post(
        subject.http,
        path,
        dumaApproval({
          party: 'IT',
          body: 'Camera dei deputati',
          occurredOn: stage === 'first-reading' ? '2025-05-10' : '2025-05-24',
          stage,
        }),
      ).expect(201);
    }
    const last = await post(
      subject.http,
      path,
      dumaApproval({ party: 'IT', body: 'Senato', occurredOn: '2025-05-25' }),
    );
    await request(subject.http).get(`/treaties/${clause.id}?minPosition=${last.body.position}`).expect(200);

    const status = (await request(subject.http).get(`/treaties/${clause.id}`).expect(200)).body;
    expect(status).toMatchObject({ enteredIntoForceOn: '2025-05-20', enteredIntoForceOnComputed: true });
    const treaties = parse<Record<string, string>>((await download('/exports/treaties.csv')).body as string, {
      columns: true,
      bom: true,
    });
    expect(treaties.find((row) => row.id === clause.id)).toMatchObject({
      enteredIntoForceOn: '2025-05-20',
      enteredIntoForceOnComputed: 'true',
      terminatedOnComputed: 'false',
    });
    expect(treaties.find((row) => row.id === RU_IR.id)).toMatchObject({ enteredIntoForceOnComputed: 'false' });

    const readings = parse<Record<string, string>>((await download('/exports/developments.csv')).body as string, {
      columns: true,
      bom: true,
    }).filter((row) => row.treatyId === clause.id && row.type === 'legislative-approval');
    expect(readings.map((row) => [row.body, row.occurredOn, row.stage])).toEqual(
      expect.arrayContaining([
        ['Camera dei deputati', '2025-05-10', 'first-reading'],
        ['Camera dei deputati', '2025-05-24', 'third-reading'],
        ['Senato', '2025-05-25', ''],
      ]),
    );
  });

  it('developments.csv names the report each row disagrees with, as the status and the timeline do', async () => {
    const treaty = { id: 'disputed-vote', title: 'A treaty whose vote two papers date apart', parties: ['FR', 'DE'] };
    await post(subject.http, '/treaties', { ...treaty, category: 'other' }).expect(201);
    const path = `/treaties/${treaty.id}/developments`;
    await post(subject.http, path, signature({ occurredOn: '2025-04-02' })).expect(201);
    const vote = (occurredOn: string, publisher: string) =>
      dumaApproval({ party: 'FR', body: 'Sénat', occurredOn, source: source({ publisher, publishedOn: occurredOn }) });
    const first = (await post(subject.http, path, vote('2025-05-20', 'Le Monde')).expect(201)).body.eventId as string;
    const second = (await post(subject.http, path, vote('2025-05-22', 'Le Figaro')).expect(201)).body.eventId as string;
    const status = (await request(subject.http).get(`/treaties/${treaty.id}`).expect(200)).body;
    expect(status.disagreements).toEqual([expect.objectContaining({ developmentIds: [first, second] })]);

    const rows = parse<Record<string, string>>((await download('/exports/developments.csv')).body as string, {
      columns: true,
      bom: true,
    }).filter((row) => row.treatyId === treaty.id);
    // Without the column, two rows of one chamber's vote on two days read as two votes.
    expect(rows.map((row) => [row.developmentId, row.type, row.openDisagreements])).toEqual([
      [expect.any(String), 'signed', ''],
      [first, 'legislative-approval', second],
      [second, 'legislative-approval', first],
    ]);
  });

  it('follows TIMELINE_PUBLIC_READS', async () => {
    const closed = await startTestApp({ publicReads: false }, { clock: fixedClock() });
    for (const path of ['/exports/treaties.csv', '/exports/developments.csv', '/exports/treaties.jsonld']) {
      await request(closed.http).get(path).expect(401);
      await request(closed.http).get(path).set('Authorization', bearer(KEYS.reader)).expect(200);
    }
    await closed.close();
  });
});
