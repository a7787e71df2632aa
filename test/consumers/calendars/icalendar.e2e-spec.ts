import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate,
      end: event.endDate,
      status: component.getFirstPropertyValue('status'),
      sequence: event.sequence,
      precision: component.getFirstPropertyValue('x-treaty-timeline-precision'),
      url: component.getFirstPropertyValue('url'),
    };
  });
}

describe('iCalendar', () => {
  let subject: TestApp;
  let signatureId: string;
  let ratificationId: string;
  let approvalId: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    signatureId = (
      await post(subject.http, developments, signature({ place: 'Moscow; the Kremlin, Hall of St. Andrew' })).expect(
        201,
      )
    ).body.eventId;
    approvalId = (await post(subject.http, developments, dumaApproval()).expect(201)).body.eventId;
    ratificationId = (
      await post(subject.http, developments, {
        type: 'ratification-completed',
        party: 'IR',
        occurredOn: '2025-02',
        source: source({
          quote: 'Ратификация — a long quote that makes this line longer than seventy-five octets, folded',
        }),
      }).expect(201)
    ).body.eventId;
    await post(subject.http, `${developments}/${approvalId}/retractions`, {
      reason: 'Confused with a committee vote',
      source: source({ publishedOn: '2025-04-10' }),
    }).expect(201);
  });
  afterAll(() => subject.close());

  it("imports a treaty's calendar into ical.js: all-day events as long as each date's precision", async () => {
    const response = await request(subject.http).get(`/treaties/${RU_IR.id}/calendar.ics`).expect(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parseCalendar(response.text);
    expect(events).toHaveLength(3);
    const signed = events.find((event) => event.uid === `${signatureId}@treaty-timeline`)!;
    expect(signed.start.isDate).toBe(true);
    expect(signed.start.toString()).toBe('2025-01-17');
    expect(signed.end.toString()).toBe('2025-01-18');
    expect(signed.summary).toBe('Signed (Moscow; the Kremlin, Hall of St. Andrew): ' + RU_IR.title);
    expect(signed.url).toMatch(new RegExp(`/treaties/${RU_IR.id}$`));

    const ratified = events.find((event) => event.uid === `${ratificationId}@treaty-timeline`)!;
    expect(ratified.start.toString()).toBe('2025-02-01');
    expect(ratified.end.toString()).toBe('2025-03-01');
    expect(ratified.precision).toBe('month');
    expect(ratified.summary).toContain('(month)');
    expect(ratified.description).toContain(
      'Ратификация — a long quote that makes this line longer than seventy-five octets',
    );
  });

  it('cancels a retracted development under the same UID, so that calendars drop it', async () => {
    const events = parseCalendar(
      (await request(subject.http).get(`/treaties/${RU_IR.id}/calendar.ics`).expect(200)).text,
    );
    const approval = events.find((event) => event.uid === `${approvalId}@treaty-timeline`)!;
    expect(approval.status).toBe('CANCELLED');
    expect(approval.sequence).toBe(1);
    expect(approval.description).toContain('Retracted: Confused with a committee vote');
  });

  it("serves a party's calendar, and 404 for an unknown treaty", async () => {
    const events = parseCalendar((await request(subject.http).get('/parties/IR/calendar.ics').expect(200)).text);
    expect(events).toHaveLength(3);
    expect(parseCalendar((await request(subject.http).get('/parties/CN/calendar.ics').expect(200)).text)).toEqual([]);
    await request(subject.http).get('/treaties/no-such-treaty/calendar.ics').expect(404);
  });
});
