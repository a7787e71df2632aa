import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ICAL from 'ical.js';
import request from 'supertest';
import { TreatyStatusQueries } from '@timeline/projections';
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
      computed: component.getFirstPropertyValue('x-treaty-timeline-computed'),
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
    // Its development's permalink.
    expect(signed.url).toMatch(new RegExp(`/treaties/${RU_IR.id}/developments/${signatureId}$`));
    const linked = await request(subject.http)
      .get(new URL(String(signed.url)).pathname)
      .expect(200);
    expect(linked.body.development).toMatchObject({ developmentId: signatureId, type: 'signed' });

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

  it('answers a calendar with no event with one component that clients ignore, as RFC 5545 wants one', async () => {
    const treaty = 'calendar-with-nothing-dated';
    await post(subject.http, '/treaties', {
      id: treaty,
      title: 'A treaty with no development on record yet',
      parties: ['LU', 'MT'],
      category: 'other',
    }).expect(201);
    // A treaty's, a party's whose treaties have no event, and a party's that is in no treaty.
    for (const path of [`/treaties/${treaty}/calendar.ics`, '/parties/LU/calendar.ics', '/parties/CN/calendar.ics']) {
      const text = (await request(subject.http).get(path).expect(200)).text;
      // `icalbody = calprops component` and `component = 1*(...)` (3.6): at least one, here experimental (x-comp),
      // which applications MUST ignore when they do not know it; never an event that did not happen.
      const components = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents().map((component) => component.name);
      expect({ path, components }).toEqual({ path, components: ['x-treaty-timeline-no-events'] });
      expect(parseCalendar(text)).toEqual([]);
    }
  });

  it('shows entry into force computed from the clause as tentative events, treaty-wide and for each party', async () => {
    const treaty = 'computed-entry-into-force';
    await post(subject.http, '/treaties', {
      id: treaty,
      title: 'A convention in force 30 days after the second instrument',
      parties: ['AT', 'BE', 'CZ'],
      category: 'other',
      kind: 'multilateral',
      entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
    }).expect(201);
    const consent = (party: string, occurredOn: string) =>
      post(subject.http, `/treaties/${treaty}/developments`, {
        type: 'consent-to-be-bound',
        consentType: 'ratification',
        party,
        occurredOn,
        source: source({ publishedOn: '2025-05-30' }),
      }).expect(201);
    await post(subject.http, `/treaties/${treaty}/developments`, signature({ occurredOn: '2025-01-10' })).expect(201);
    await consent('AT', '2025-03-10');
    await consent('BE', '2025-04-02');
    await consent('CZ', '2025-05-20');

    const events = parseCalendar(
      (await request(subject.http).get(`/treaties/${treaty}/calendar.ics`).expect(200)).text,
    );
    const expected = events.filter((event) => event.computed === 'TRUE');
    // In force 30 days after the second instrument (2 April → 2 May) for AT and BE; CZ, later, its own plus 30.
    expect(expected.map((event) => [event.uid, event.start.toString(), event.status]).sort()).toEqual([
      [`${treaty}.entry-into-force.AT@treaty-timeline`, '2025-05-02', 'TENTATIVE'],
      [`${treaty}.entry-into-force.BE@treaty-timeline`, '2025-05-02', 'TENTATIVE'],
      [`${treaty}.entry-into-force.CZ@treaty-timeline`, '2025-06-19', 'TENTATIVE'],
      [`${treaty}.entry-into-force@treaty-timeline`, '2025-05-02', 'TENTATIVE'],
    ]);
    expect(expected.every((event) => event.summary.startsWith('Entry into force (computed)'))).toBe(true);

    const czech = parseCalendar((await request(subject.http).get('/parties/CZ/calendar.ics').expect(200)).text);
    expect(czech.filter((event) => event.computed === 'TRUE').map((event) => event.uid)).toEqual([
      `${treaty}.entry-into-force.CZ@treaty-timeline`,
    ]);
  });

  it('answers a calendar with computed dates with the same bytes until the record changes, so If-None-Match holds', async () => {
    const treaty = 'calendar-that-holds-still';
    await post(subject.http, '/treaties', {
      id: treaty,
      title: 'A convention in force 30 days after the second instrument, polled by calendars',
      parties: ['DK', 'EE'],
      category: 'other',
      kind: 'multilateral',
      entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
    }).expect(201);
    for (const party of ['DK', 'EE']) {
      await post(subject.http, `/treaties/${treaty}/developments`, {
        type: 'consent-to-be-bound',
        consentType: 'ratification',
        party,
        occurredOn: party === 'DK' ? '2025-03-10' : '2025-04-02',
        source: source({ publishedOn: '2025-05-30' }),
      }).expect(201);
    }
    // One host for every request: links in the calendar name it, and each request here comes on a port of its own.
    const get = (path: string) => request(subject.http).get(path).set('Host', 'timeline.example');
    for (const path of [`/treaties/${treaty}/calendar.ics`, '/parties/EE/calendar.ics']) {
      const first = await get(path).expect(200);
      expect(parseCalendar(first.text).some((event) => event.computed === 'TRUE')).toBe(true);
      // A computed event is stamped with the record's last change, as a development's event is with its own.
      const blocks = first.text.split('BEGIN:VEVENT').slice(1);
      const field = (block: string, name: string) => new RegExp(`\\r\\n${name}:(\\S+)\\r\\n`).exec(block)?.[1];
      const lastChange = blocks
        .map((block) => field(block, 'LAST-MODIFIED') ?? '')
        .sort()
        .at(-1);
      const computed = blocks.filter((block) => block.includes('X-TREATY-TIMELINE-COMPUTED:TRUE'));
      expect(computed.map((block) => field(block, 'DTSTAMP'))).toEqual(computed.map(() => lastChange));
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the second a stamp of "now" would show
      const again = await get(path).expect(200);
      expect(again.text).toBe(first.text);
      await get(path).set('If-None-Match', first.headers.etag!).expect(304);
    }
  });

  it("shows a withdrawal's computed effect, and the end of a bilateral treaty with it, as tentative events", async () => {
    const treaty = 'bilateral-with-notice';
    await post(subject.http, '/treaties', {
      id: treaty,
      title: 'A bilateral agreement with a year of notice',
      parties: ['RU', 'IR'],
      category: 'other',
      kind: 'bilateral',
      withdrawalNoticeDays: 365,
    }).expect(201);
    for (const body of [
      { type: 'consent-to-be-bound', consentType: 'ratification', party: 'RU', occurredOn: '2024-01-20' },
      { type: 'consent-to-be-bound', consentType: 'ratification', party: 'IR', occurredOn: '2024-02-10' },
      { type: 'entered-into-force', occurredOn: '2024-03-01' },
      { type: 'withdrawal-notified', party: 'IR', occurredOn: '2025-01-10' },
    ]) {
      await post(subject.http, `/treaties/${treaty}/developments`, { ...body, source: source() }).expect(201);
    }
    const computed = (text: string) =>
      parseCalendar(text)
        .filter((event) => event.computed === 'TRUE')
        .map((event) => [event.uid, event.start.toString(), event.summary, event.description]);
    const calendar = (await request(subject.http).get(`/treaties/${treaty}/calendar.ics`).expect(200)).text;
    expect(computed(calendar)).toEqual([
      [
        `${treaty}.withdrawal.IR@treaty-timeline`,
        '2026-01-10',
        'Withdrawal taking effect (computed) for IR: A bilateral agreement with a year of notice',
        "Computed from the notification of withdrawal and the treaty's notice period; no source has reported it yet.",
      ],
      [
        `${treaty}.termination@treaty-timeline`,
        '2026-01-10',
        'End (computed): A bilateral agreement with a year of notice',
        "Computed from a party's withdrawal taking effect: a bilateral treaty ends with it; no source has reported it yet.",
      ],
    ]);
    // A party's calendar has its own withdrawal, not the treaty's end.
    const iran = (await request(subject.http).get('/parties/IR/calendar.ics').expect(200)).text;
    expect(computed(iran).map(([uid]) => uid)).toEqual([`${treaty}.withdrawal.IR@treaty-timeline`]);
  });

  it("cancels the reported day of effect of a notice revoked before it, on the treaty's and the party's calendar", async () => {
    const treaty = 'statute-with-revoked-notice';
    await post(subject.http, '/treaties', {
      id: treaty,
      title: 'A statute one party nearly left',
      parties: ['GM', 'SN'],
      category: 'other',
      kind: 'multilateral',
      withdrawalNoticeDays: 365,
    }).expect(201);
    const path = `/treaties/${treaty}/developments`;
    await post(subject.http, path, {
      type: 'consent-to-be-bound',
      consentType: 'accession',
      party: 'GM',
      occurredOn: '2002-06-28',
      source: source(),
    }).expect(201);
    const notice = { type: 'withdrawal-notified', party: 'GM', occurredOn: '2024-11-10', effectiveOn: '2025-11-10' };
    const { eventId } = (await post(subject.http, path, { ...notice, source: source() }).expect(201)).body;
    const effect = async (calendar: string) =>
      parseCalendar((await request(subject.http).get(calendar).expect(200)).text)
        .filter((event) => event.uid === `${eventId}.effect@treaty-timeline`)
        .map((event) => [event.status, event.sequence]);
    expect(await effect(`/treaties/${treaty}/calendar.ics`)).toEqual([['CONFIRMED', 0]]);
    const revocation = { type: 'withdrawal-revoked', party: 'GM', occurredOn: '2025-02-10', source: source() };
    await post(subject.http, path, revocation).expect(201);
    expect(await effect(`/treaties/${treaty}/calendar.ics`)).toEqual([['CANCELLED', 1]]);
    expect(await effect('/parties/GM/calendar.ics')).toEqual([['CANCELLED', 1]]);
  });

  it('writes a quote with a carriage return alone, commas, semicolons and backslashes as one TEXT value', async () => {
    const treaty = {
      id: 'calendar-text-values',
      title: 'موافقت‌نامه همکاری جامع راهبردی بین جمهوری اسلامی ایران و فدراسیون روسیه 🤝',
      parties: ['AM', 'AZ'],
      category: 'partnership',
    };
    await post(subject.http, '/treaties', treaty).expect(201);
    const quote = 'Line one\rLine two; a, b \\ c\r\nEND:VEVENT';
    await post(
      subject.http,
      `/treaties/${treaty.id}/developments`,
      signature({ place: 'Yerevan, Armenia', source: source({ publishedOn: '2025-01-17', quote }) }),
    ).expect(201);
    const calendar = (await request(subject.http).get(`/treaties/${treaty.id}/calendar.ics`).expect(200)).text;
    // Only CRLF ends a content line, and no line is longer than 75 octets, Persian and emoji folded whole.
    expect(calendar).not.toMatch(/\r(?!\n)/);
    expect(calendar.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(Buffer.from(calendar).toString('utf8')).toBe(calendar);
    const [event] = parseCalendar(calendar);
    expect(event!.summary).toBe(`Signed (Yerevan, Armenia): ${treaty.title}`);
    expect(event!.description).toContain(`“${quote.replace(/\r\n|\r/g, '\n')}”`);
  });

  it("names a party's calendar before rendering it: 304 with no treaty read, a new tag only when what it shows moves", async () => {
    const calendar = '/parties/LI/calendar.ics';
    const get = (etag?: string) => {
      const pending = request(subject.http).get(calendar).set('Host', 'timeline.example');
      return etag === undefined ? pending : pending.set('If-None-Match', etag);
    };
    const consent = (party: string, occurredOn: string) => ({
      type: 'consent-to-be-bound',
      consentType: 'ratification',
      party,
      occurredOn,
      source: source({ publishedOn: '2025-05-20' }),
    });
    const register = (id: string, parties: string[]) =>
      post(subject.http, '/treaties', {
        id,
        title: `A convention of ${parties.join(' and ')}, for the calendar's tag`,
        parties,
        category: 'other',
        kind: 'multilateral',
      }).expect(201);
    await register('calendar-tag-convention', ['LI', 'SM']);
    await register('calendar-tag-elsewhere', ['AD', 'MC']);
    const first = await get().expect(200);
    expect(first.headers.etag).toMatch(/^W\//);

    // A 304 renders no treaty's timeline: it is answered from what the read model says changed.
    const answeredUnrendered = async (etag: string) => {
      const rendering = jest.spyOn(TreatyStatusQueries.prototype, 'timeline');
      try {
        await get(etag).expect(304);
        expect(rendering).not.toHaveBeenCalled();
      } finally {
        rendering.mockRestore();
      }
    };
    await answeredUnrendered(first.headers.etag!);
    // Another party's treaty moves: this calendar does not.
    await post(subject.http, '/treaties/calendar-tag-elsewhere/developments', consent('AD', '2025-05-02')).expect(201);
    await answeredUnrendered(first.headers.etag!);

    await post(subject.http, '/treaties/calendar-tag-convention/developments', consent('LI', '2025-05-05')).expect(201);
    const changed = await get(first.headers.etag).expect(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(parseCalendar(changed.text).map((event) => event.summary)).toHaveLength(1);

    // LI joins the other convention by ratifying it (decision 0067): its calendar shows that treaty's developments.
    const joined = (
      await post(subject.http, '/treaties/calendar-tag-elsewhere/developments', consent('LI', '2025-05-09')).expect(201)
    ).body.eventId as string;
    const withBoth = await get(changed.headers.etag).expect(200);
    expect(parseCalendar(withBoth.text)).toHaveLength(3);

    // The report is retracted: LI leaves it, and its calendar is again what it was, with the tag it had.
    await post(subject.http, `/treaties/calendar-tag-elsewhere/developments/${joined}/retractions`, {
      reason: 'Another state ratified',
      source: source({ publishedOn: '2025-05-25' }),
    }).expect(201);
    const left = await get(withBoth.headers.etag).expect(200);
    expect(left.headers.etag).toBe(changed.headers.etag);
    expect(left.text).toBe(changed.text);
    await get(changed.headers.etag).expect(304);
  });
});
