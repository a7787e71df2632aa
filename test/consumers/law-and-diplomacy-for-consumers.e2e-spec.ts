import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import request from 'supertest';
import { parseValidAtom } from '../support/atom-checks';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

const CONVENTION = {
  id: 'convention-for-consumers',
  title: 'Convention read by a newsroom',
  parties: ['AT', 'FR', 'IR'],
  category: 'other',
  kind: 'multilateral',
};
const developments = `/treaties/${CONVENTION.id}/developments`;
const QUOTE = 'We will not be bound by article 12, whatever the others decide';

/**
 * A newsroom reads the record through its feed, its calendar and its download, not the JSON API: what treaty law and
 * diplomacy add to a development (a statement's words, a consent's type, a reservation's text, the day a withdrawal
 * takes effect) must reach them there too.
 */
describe("treaty law's and diplomacy's fields in feeds, calendars and downloads", () => {
  let subject: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    const write = async (name: string, body: Record<string, unknown>) => {
      const response = await post(subject.http, developments, {
        source: source({ publishedOn: '2026-07-31' }),
        ...body,
      });
      expect(response.status).toBe(201);
      ids[name] = response.body.eventId as string;
    };
    await write('signed', { type: 'signed', occurredOn: '2025-01-10' });
    await write('accession', {
      type: 'consent-to-be-bound',
      consentType: 'accession',
      party: 'FR',
      occurredOn: '2025-09-01',
    });
    await write('reservation', {
      type: 'reservation',
      party: 'FR',
      occurredOn: '2025-09-01',
      text: 'Not bound by article 12',
    });
    await write('objection', {
      type: 'objection',
      party: 'AT',
      againstParty: 'FR',
      reservationId: ids.reservation,
      occurredOn: '2025-11-15',
    });
    await write('notice', {
      type: 'withdrawal-notified',
      party: 'IR',
      occurredOn: '2026-01-10',
      effectiveOn: '2027-01-10',
    });
    await write('statement', {
      type: 'statement',
      speaker: 'A. Spokesperson',
      quote: QUOTE,
      occurredOn: '2026-02-02',
      parties: ['FR'],
    });
    await write('talks', { type: 'negotiations', stage: 'held', participants: ['AT', 'FR'], occurredOn: '2026-03-03' });
  });
  afterAll(() => subject.close());

  it('developments.csv has a column for each of them', async () => {
    const response = await request(subject.http).get('/exports/developments.csv').buffer(true).expect(200);
    const rows = parse<Record<string, string>>(response.text, { columns: true, bom: true });
    const row = (name: string) => rows.find((candidate) => candidate.developmentId === ids[name]);
    expect(row('accession')).toMatchObject({ consentType: 'accession', party: 'FR' });
    expect(row('reservation')).toMatchObject({ text: 'Not bound by article 12' });
    expect(row('objection')).toMatchObject({ againstParty: 'FR', reservationId: ids.reservation });
    expect(row('notice')).toMatchObject({ effectiveOn: '2027-01-10' });
    expect(row('statement')).toMatchObject({ speaker: 'A. Spokesperson', quote: QUOTE, partiesNamed: 'FR' });
    expect(row('talks')).toMatchObject({ stage: 'held', participants: 'AT FR' });
  });

  it("the Atom feed's entries say who said what, and what was consented to and reserved", async () => {
    const response = await request(subject.http).get(`/treaties/${CONVENTION.id}/feed.atom`).expect(200);
    const entry = (name: string) =>
      parseValidAtom(response.text).entries.find((candidate) => candidate.id === `urn:uuid:${ids[name]}`)!;
    expect(entry('statement').title).toBe(`Statement (A. Spokesperson): ${CONVENTION.title}`);
    expect(entry('statement').content).toContain(`A. Spokesperson: “${QUOTE}”`);
    expect(entry('accession').title).toBe(`Consent to be bound (FR, accession): ${CONVENTION.title}`);
    expect(entry('objection').title).toBe(`Objection (AT, to FR's reservation): ${CONVENTION.title}`);
    expect(entry('reservation').content).toContain('Text: “Not bound by article 12”');
    expect(entry('notice').content).toContain('Takes effect on: 2027-01-10');
  });

  it('the calendar has the day a notified withdrawal takes effect, as the notification gives it', async () => {
    const response = await request(subject.http).get(`/treaties/${CONVENTION.id}/calendar.ics`).expect(200);
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const effect = events.find((event) => event.uid === `${ids.notice}.effect@treaty-timeline`);
    expect(effect?.startDate.toString()).toBe('2027-01-10');
    expect(effect?.summary).toBe(`Withdrawal takes effect (IR): ${CONVENTION.title}`);
    expect(effect?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const statement = events.find((event) => event.uid === `${ids.statement}@treaty-timeline`);
    expect(statement?.description).toContain(`A. Spokesperson: “${QUOTE}”`);
  });
});
