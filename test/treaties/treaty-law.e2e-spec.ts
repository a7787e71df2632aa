import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

/**
 * Issue 13's acceptance test: a multilateral convention in force 30 days after the third instrument, with a
 * 180-day notice of withdrawal. Five states sign, three ratify on different days, one accedes later with a
 * reservation, another objects to it, one withdraws. Every date in the table below was computed by hand:
 *   third instrument CZ 2025-05-20 + 30 days                    = 2025-06-19 (11 days of May, 19 of June)
 *   FR's own accession 2025-09-01 + 30 days                     = 2025-10-01 (29 days of September, then 1)
 *   BE's notice 2026-01-10 + 180 days = 21 (Jan) + 28 + 31 + 30 + 31 + 30 (to Jun 30: 171) + 9 = 2026-07-09
 */
const CONVENTION = {
  id: 'convention-on-sample-matters',
  title: 'Convention on Sample Matters',
  parties: ['AT', 'BE', 'CZ', 'DK', 'EE'],
  category: 'other',
  kind: 'multilateral',
  depositary: 'Secretary-General of the United Nations',
  entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
  withdrawalNoticeDays: 180,
  identifiers: { untsNumber: 'I-54321', depositaryReference: 'XXVII-10', wikidataId: 'Q123456' },
};
const developments = `/treaties/${CONVENTION.id}/developments`;
const report = (body: Record<string, unknown>) => ({ source: source({ publishedOn: '2026-07-31' }), ...body });

/**
 * For the tests of one `describe`: the app started (its clock on 2026-08-01), `treaty` registered and each report
 * posted in turn with the file's source; `lastPosition` is the last one's, for a read that must see them all.
 */
function reportedOverHttp(treaty: { id: string }, reports: readonly Record<string, unknown>[]) {
  const onRecord = {} as { subject: TestApp; lastPosition: string };
  beforeAll(async () => {
    onRecord.subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(onRecord.subject.http, '/treaties', treaty).expect(201);
    for (const body of reports) {
      const answer = post(onRecord.subject.http, `/treaties/${treaty.id}/developments`, report(body));
      onRecord.lastPosition = (await answer.expect(201)).body.position;
    }
  });
  afterAll(() => onRecord.subject.close());
  return onRecord;
}

type PartyRow = {
  signedOn: string | null;
  consent: { type: string; on: string } | null;
  inForceOn: string | null;
  inForceOnComputed: boolean;
  withdrawalEffectiveOn: string | null;
  withdrawn: boolean;
};
const signedOnly = (signedOn: string | null): PartyRow => ({
  signedOn,
  consent: null,
  inForceOn: null,
  inForceOnComputed: false,
  withdrawalEffectiveOn: null,
  withdrawn: false,
});
const ratified = (signedOn: string, on: string, inForceOn: string | null): PartyRow => ({
  signedOn,
  consent: { type: 'ratification', on },
  inForceOn,
  inForceOnComputed: inForceOn !== null,
  withdrawalEffectiveOn: null,
  withdrawn: false,
});

/** asOf → treaty-wide status, in force on (computed?), and every party's row. */
const TABLE: [
  string,
  { status: string; enteredIntoForceOn: string | null; computed: boolean },
  Record<string, PartyRow>,
][] = [
  [
    '2025-02-15',
    { status: 'signed', enteredIntoForceOn: null, computed: false },
    {
      AT: signedOnly('2025-01-10'),
      BE: signedOnly('2025-01-10'),
      CZ: signedOnly('2025-01-15'),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly(null),
    },
  ],
  [
    '2025-06-18',
    { status: 'ratification-in-progress', enteredIntoForceOn: null, computed: false },
    {
      AT: ratified('2025-01-10', '2025-03-10', null),
      BE: ratified('2025-01-10', '2025-04-02', null),
      CZ: ratified('2025-01-15', '2025-05-20', null),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly('2025-03-03'),
    },
  ],
  [
    '2025-06-19',
    { status: 'in-force', enteredIntoForceOn: '2025-06-19', computed: true },
    {
      AT: ratified('2025-01-10', '2025-03-10', '2025-06-19'),
      BE: ratified('2025-01-10', '2025-04-02', '2025-06-19'),
      CZ: ratified('2025-01-15', '2025-05-20', '2025-06-19'),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly('2025-03-03'),
    },
  ],
  [
    '2025-09-15',
    { status: 'in-force', enteredIntoForceOn: '2025-06-19', computed: true },
    {
      AT: ratified('2025-01-10', '2025-03-10', '2025-06-19'),
      BE: ratified('2025-01-10', '2025-04-02', '2025-06-19'),
      CZ: ratified('2025-01-15', '2025-05-20', '2025-06-19'),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly('2025-03-03'),
      FR: { ...signedOnly(null), consent: { type: 'accession', on: '2025-09-01' } },
    },
  ],
  [
    '2025-12-01',
    { status: 'in-force', enteredIntoForceOn: '2025-06-19', computed: true },
    {
      AT: ratified('2025-01-10', '2025-03-10', '2025-06-19'),
      BE: ratified('2025-01-10', '2025-04-02', '2025-06-19'),
      CZ: ratified('2025-01-15', '2025-05-20', '2025-06-19'),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly('2025-03-03'),
      FR: {
        ...signedOnly(null),
        consent: { type: 'accession', on: '2025-09-01' },
        inForceOn: '2025-10-01',
        inForceOnComputed: true,
      },
    },
  ],
  [
    '2026-07-08',
    { status: 'in-force', enteredIntoForceOn: '2025-06-19', computed: true },
    {
      AT: ratified('2025-01-10', '2025-03-10', '2025-06-19'),
      BE: { ...ratified('2025-01-10', '2025-04-02', '2025-06-19'), withdrawalEffectiveOn: '2026-07-09' },
      CZ: ratified('2025-01-15', '2025-05-20', '2025-06-19'),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly('2025-03-03'),
      FR: {
        ...signedOnly(null),
        consent: { type: 'accession', on: '2025-09-01' },
        inForceOn: '2025-10-01',
        inForceOnComputed: true,
      },
    },
  ],
  [
    '2026-07-09',
    { status: 'in-force', enteredIntoForceOn: '2025-06-19', computed: true },
    {
      AT: ratified('2025-01-10', '2025-03-10', '2025-06-19'),
      BE: {
        ...ratified('2025-01-10', '2025-04-02', '2025-06-19'),
        withdrawalEffectiveOn: '2026-07-09',
        withdrawn: true,
      },
      CZ: ratified('2025-01-15', '2025-05-20', '2025-06-19'),
      DK: signedOnly('2025-02-01'),
      EE: signedOnly('2025-03-03'),
      FR: {
        ...signedOnly(null),
        consent: { type: 'accession', on: '2025-09-01' },
        inForceOn: '2025-10-01',
        inForceOnComputed: true,
      },
    },
  ],
];

describe('a multilateral treaty as treaty law knows it, over HTTP', () => {
  let subject: TestApp;
  let reservationId: string;
  let lastPosition: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    const write = async (body: Record<string, unknown>) => {
      const response = await post(subject.http, developments, report(body)).expect(201);
      lastPosition = response.body.position;
      return response.body.eventId as string;
    };
    // Out of order on purpose: the record takes reports as they come.
    await write({ type: 'signed', party: 'EE', occurredOn: '2025-03-03' });
    for (const [party, occurredOn] of [
      ['AT', '2025-01-10'],
      ['BE', '2025-01-10'],
      ['CZ', '2025-01-15'],
      ['DK', '2025-02-01'],
    ]) {
      await write({ type: 'signed', party, occurredOn });
    }
    await write({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'CZ', occurredOn: '2025-05-20' });
    await write({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-03-10' });
    await write({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'BE', occurredOn: '2025-04-02' });
    await write({ type: 'consent-to-be-bound', consentType: 'accession', party: 'FR', occurredOn: '2025-09-01' });
    reservationId = await write({
      type: 'reservation',
      party: 'FR',
      occurredOn: '2025-09-01',
      text: 'France does not consider itself bound by article 12',
    });
    await write({ type: 'objection', party: 'AT', againstParty: 'FR', reservationId, occurredOn: '2025-11-15' });
    await write({ type: 'withdrawal-notified', party: 'BE', occurredOn: '2026-01-10' });
  });
  afterAll(() => subject.close());

  it.each(TABLE)('as of %s, treaty-wide and per party, equals the table', async (asOf, treaty, parties) => {
    const { body } = await request(subject.http).get(`/treaties/${CONVENTION.id}?asOf=${asOf}`).expect(200);
    expect({
      status: body.status,
      enteredIntoForceOn: body.enteredIntoForceOn,
      computed: body.enteredIntoForceOnComputed,
    }).toEqual(treaty);
    expect(body.parties).toEqual(Object.keys(parties));
    const rows = Object.fromEntries(
      Object.entries(body.ratification as Record<string, Record<string, unknown>>).map(([party, entry]) => [
        party,
        {
          signedOn: entry.signedOn,
          consent:
            entry.consent === null
              ? null
              : { type: (entry.consent as PartyRow['consent'])!.type, on: (entry.consent as PartyRow['consent'])!.on },
          inForceOn: entry.inForceOn,
          inForceOnComputed: entry.inForceOnComputed,
          withdrawalEffectiveOn: entry.withdrawalEffectiveOn,
          withdrawn: entry.withdrawn,
        },
      ]),
    );
    expect(rows).toEqual(parties);
  });

  it('lists the reservation with the objection to it, and the objection on the objecting party', async () => {
    const { body } = await request(subject.http).get(`/treaties/${CONVENTION.id}?asOf=2025-12-01`).expect(200);
    expect(body.ratification.FR.reservations).toEqual([
      {
        developmentId: reservationId,
        text: 'France does not consider itself bound by article 12',
        madeOn: '2025-09-01',
        madeOnPrecision: 'day',
        // Other states have at least twelve months to object (VCLT art. 20(5)).
        objectionPeriodEndsNotBefore: '2026-09-01',
        withdrawnOn: null,
        objectedToBy: [{ party: 'AT', on: '2025-11-15', developmentId: expect.any(String) }],
      },
    ]);
    expect(body.ratification.AT.objections).toEqual([
      expect.objectContaining({ againstParty: 'FR', reservationId, madeOn: '2025-11-15' }),
    ]);
    expect(body.ratification.FR.original).toBe(false);
    const before = await request(subject.http).get(`/treaties/${CONVENTION.id}?asOf=2025-11-14`).expect(200);
    expect(before.body.ratification.FR.reservations[0].objectedToBy).toEqual([]);
  });

  it('the read model (no asOf) shows every date the record determines, the registration terms included', async () => {
    const { body } = await request(subject.http)
      .get(`/treaties/${CONVENTION.id}?minPosition=${lastPosition}`)
      .expect(200);
    expect(body).toMatchObject({
      status: 'in-force',
      originalParties: CONVENTION.parties,
      kind: 'multilateral',
      depositary: CONVENTION.depositary,
      entryIntoForceClause: CONVENTION.entryIntoForce,
      withdrawalNoticeDays: 180,
      identifiers: CONVENTION.identifiers,
      enteredIntoForceOn: '2025-06-19',
      enteredIntoForceOnComputed: true,
      enteredIntoForceOnByClause: '2025-06-19',
      ratification: {
        BE: {
          withdrawalNotifiedOn: '2026-01-10',
          withdrawalEffectiveOn: '2026-07-09',
          withdrawalEffectiveOnComputed: true,
          withdrawn: true,
        },
        FR: { inForceOn: '2025-10-01', inForceOnComputed: true },
      },
      disagreements: [],
    });
  });

  it.each([
    [
      'PARTY_ALREADY_CONSENTED',
      409,
      { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'AT', occurredOn: '2025-04-01' },
    ],
    ['RESERVATION_NOT_FOUND', 409, { type: 'objection', party: 'CZ', againstParty: 'DK', occurredOn: '2025-12-01' }],
    [
      'OBJECTION_NOT_FOUND',
      409,
      { type: 'objection-withdrawn', party: 'CZ', againstParty: 'FR', occurredOn: '2025-12-01' },
    ],
    ['PARTY_NOT_IN_TREATY', 422, { type: 'withdrawal-notified', party: 'US', occurredOn: '2026-01-10' }],
    // A state that is no party makes no reservation (its ratification would make it one: decision 0067).
    ['PARTY_NOT_IN_TREATY', 422, { type: 'reservation', party: 'US', occurredOn: '2025-04-01' }],
    [
      'EFFECTIVE_BEFORE_NOTIFICATION',
      422,
      { type: 'withdrawal-notified', party: 'CZ', occurredOn: '2026-01-10', effectiveOn: '2025-12-31' },
    ],
    [
      'SUCCESSION_AFTER_NOTIFICATION',
      422,
      {
        type: 'consent-to-be-bound',
        consentType: 'succession',
        party: 'SK',
        occurredOn: '2025-12-01',
        successionOn: '2026-01-01',
      },
    ],
    [
      'FIELD_NOT_APPLICABLE',
      422,
      {
        type: 'consent-to-be-bound',
        consentType: 'accession',
        party: 'SK',
        occurredOn: '2025-12-01',
        successionOn: '2025-01-01',
      },
    ],
  ])('answers %s (%i) as problem+json', async (code, status, body) => {
    const response = await post(subject.http, developments, report(body)).expect(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ code });
  });

  it('answers ACT_BEFORE_RESERVATION (409) to an objection dated before the reservation it names', async () => {
    const body = { type: 'objection', party: 'BE', againstParty: 'FR', reservationId, occurredOn: '2025-08-15' };
    const response = await post(subject.http, developments, report(body)).expect(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'ACT_BEFORE_RESERVATION', field: 'occurredOn' });
  });

  it('refuses a malformed date of succession at the edge', async () => {
    const body = { type: 'consent-to-be-bound', consentType: 'succession', party: 'SK', occurredOn: '2025-12-01' };
    const response = await post(subject.http, developments, report({ ...body, successionOn: '1 May 2025' })).expect(
      400,
    );
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses a malformed identifier or clause at the edge', async () => {
    for (const terms of [
      { identifiers: { wikidataId: 'P31' } },
      { identifiers: { untsNumber: 'UNTS-1' } },
      { entryIntoForce: { instrumentsRequired: 0, daysAfter: 30 } },
      { relations: [{ type: 'inspired-by', treatyId: 'other-treaty' }] },
    ]) {
      const response = await post(subject.http, '/treaties', { ...CONVENTION, id: 'another-convention', ...terms });
      expect([400, 422]).toContain(response.status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('a computed entry into force, confirmed or disagreed with by a report', () => {
  let subject: TestApp;
  const treaty = {
    id: 'two-step-convention',
    title: 'Two-step convention',
    parties: ['AT', 'BE'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 10 },
  };
  const path = `/treaties/${treaty.id}/developments`;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', treaty).expect(201);
    await post(
      subject.http,
      path,
      report({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-03-01' }),
    ).expect(201);
    await post(
      subject.http,
      path,
      report({ type: 'consent-to-be-bound', consentType: 'approval', party: 'BE', occurredOn: '2025-03-05' }),
    ).expect(201);
    await post(
      subject.http,
      path,
      // CZ became independent on 2025-04-01 and notified its succession on 2025-05-01: a party from its independence.
      report({
        type: 'consent-to-be-bound',
        consentType: 'succession',
        party: 'CZ',
        occurredOn: '2025-05-01',
        successionOn: '2025-04-01',
      }),
    ).expect(201);
  });
  afterAll(() => subject.close());

  const status = async (asOf: string) =>
    (await request(subject.http).get(`/treaties/${treaty.id}?asOf=${asOf}`).expect(200)).body;

  it('is marked computed until a report confirms it; a disagreeing report wins and stays visible', async () => {
    expect(await status('2025-12-31')).toMatchObject({
      enteredIntoForceOn: '2025-03-15',
      enteredIntoForceOnComputed: true,
      ratification: {
        CZ: {
          consent: { type: 'succession', successionOn: '2025-04-01' },
          inForceOn: '2025-04-01',
          inForceOnComputed: true,
        },
      },
      disagreements: [],
    });
    await post(subject.http, path, report({ type: 'entered-into-force', occurredOn: '2025-03-15' })).expect(201);
    await post(
      subject.http,
      path,
      report({ type: 'entered-into-force', party: 'CZ', occurredOn: '2025-05-20' }),
    ).expect(201);
    const after = await status('2025-12-31');
    expect(after).toMatchObject({
      enteredIntoForceOn: '2025-03-15',
      enteredIntoForceOnComputed: false,
      enteredIntoForceOnByClause: '2025-03-15',
      ratification: {
        AT: { inForceOn: '2025-03-15', inForceOnComputed: false },
        CZ: { inForceOn: '2025-05-20', inForceOnComputed: false },
      },
    });
    expect(after.disagreements).toEqual([
      expect.objectContaining({ type: 'entered-into-force', party: 'CZ', computedOn: '2025-04-01' }),
    ]);
    // The day before: both bound, not yet in force by either the clause or the report.
    expect(await status('2025-03-14')).toMatchObject({
      enteredIntoForceOn: null,
      enteredIntoForceOnComputed: false,
      status: 'ratified',
    });
  });
});

describe('a state that withdraws, consents again and withdraws again', () => {
  // As the United States and the Paris Agreement: accepted, withdrew, accepted again, notified a second withdrawal.
  const treaty = {
    id: 'rejoined-convention',
    title: 'Rejoined convention',
    parties: ['US', 'FR'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
    withdrawalNoticeDays: 365,
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'US', occurredOn: '2016-09-03' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2016-10-05' },
    { type: 'withdrawal-notified', party: 'US', occurredOn: '2019-11-04', effectiveOn: '2020-11-04' },
    { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'US', occurredOn: '2021-01-20' },
    { type: 'withdrawal-notified', party: 'US', occurredOn: '2025-01-27' },
  ]);

  it('is a party again between its second acceptance and its second withdrawal, with no disagreement', async () => {
    const between = await request(onRecord.subject.http).get(`/treaties/${treaty.id}?asOf=2025-06-01`).expect(200);
    expect(between.body).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2016-11-04',
      ratification: {
        US: {
          consent: { type: 'acceptance', on: '2021-01-20' },
          inForceOn: '2021-02-19',
          withdrawn: false,
          withdrawalNotifiedOn: '2025-01-27',
          withdrawalEffectiveOn: '2026-01-27',
        },
      },
      disagreements: [],
    });
    const now = await request(onRecord.subject.http)
      .get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`)
      .expect(200);
    expect(now.body).toMatchObject({
      ratification: { US: { withdrawn: true, withdrewOn: '2026-01-27' } },
      disagreements: [],
    });
    const timeline = await request(onRecord.subject.http).get(`/treaties/${treaty.id}/timeline`).expect(200);
    expect(timeline.body.items.map((item: { openDisagreements: string[] }) => item.openDisagreements)).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });
});

describe('clauses that count years, or run to the first day of the following month (decision 0063)', () => {
  // As the Rome Statute's entry into force (the first day of the month after the 60th day following the deciding
  // deposit) and the Paris Agreement's withdrawal (one year after the notification): FR's deposit of 2016-10-05 plus
  // 60 days is 2016-12-04, so in force on 2017-01-01; the US notice of 2019-11-04 takes effect on 2020-11-04.
  const treaty = {
    id: 'calendar-clause-convention',
    title: 'Calendar clause convention',
    parties: ['US', 'FR'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 60, firstDayOfFollowingMonth: true },
    withdrawalNotice: { years: 1 },
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'US', occurredOn: '2016-09-03' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2016-10-05' },
    { type: 'withdrawal-notified', party: 'US', occurredOn: '2019-11-04' },
  ]);

  it('computes the entry into force and the withdrawal on the calendar, and shows the clauses as registered', async () => {
    const now = await request(onRecord.subject.http)
      .get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`)
      .expect(200);
    expect(now.body).toMatchObject({
      entryIntoForceClause: { instrumentsRequired: 2, daysAfter: 60, firstDayOfFollowingMonth: true },
      withdrawalNoticeDays: null,
      withdrawalNotice: { years: 1 },
      enteredIntoForceOn: '2017-01-01',
      enteredIntoForceOnComputed: true,
      ratification: {
        US: { withdrawalEffectiveOn: '2020-11-04', withdrawalEffectiveOnComputed: true, withdrawn: true },
      },
    });
    const dayBefore = await request(onRecord.subject.http).get(`/treaties/${treaty.id}?asOf=2020-11-03`).expect(200);
    expect(dayBefore.body).toMatchObject({ ratification: { US: { withdrawn: false } } });
  });

  it('refuses a clause with two periods or none, and a notice written both ways, naming the field', async () => {
    for (const [terms, field, message] of [
      [{ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30, monthsAfter: 1 } }, 'entryIntoForce', 'one period'],
      [{ entryIntoForce: { instrumentsRequired: 2, firstDayOfFollowingMonth: true } }, 'entryIntoForce', 'needs'],
      [{ withdrawalNotice: { months: 13 * 10 } }, 'withdrawalNotice.months', 'not be greater than 120'],
      [{ withdrawalNoticeDays: 365, withdrawalNotice: { years: 1 } }, 'withdrawalNotice', 'not both'],
    ] as const) {
      const response = await post(onRecord.subject.http, '/treaties', { ...treaty, id: 'another-calendar', ...terms });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(response.body.errors).toEqual(
        expect.arrayContaining([{ field, message: expect.stringContaining(message) }]),
      );
    }
  });
});

describe('a bilateral treaty that one party withdraws from', () => {
  let subject: TestApp;
  // In force on the exchange of instruments; a year's notice: IR's notice of 2026-01-10 takes effect on 2027-01-10.
  const treaty = {
    id: 'bilateral-left',
    title: 'Bilateral treaty one party leaves',
    parties: ['RU', 'IR'],
    category: 'other',
    kind: 'bilateral',
    withdrawalNoticeDays: 365,
  };
  const path = `/treaties/${treaty.id}/developments`;
  let lastPosition: string;
  let noticeId: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', treaty).expect(201);
    for (const body of [
      { type: 'consent-to-be-bound', consentType: 'ratification', party: 'RU', occurredOn: '2025-01-20' },
      { type: 'consent-to-be-bound', consentType: 'ratification', party: 'IR', occurredOn: '2025-02-10' },
      { type: 'entered-into-force', occurredOn: '2025-03-01' },
      { type: 'withdrawal-notified', party: 'IR', occurredOn: '2026-01-10' },
    ]) {
      const response = await post(subject.http, path, report(body)).expect(201);
      lastPosition = response.body.position;
      noticeId = response.body.eventId;
    }
  });
  afterAll(() => subject.close());

  const status = async (query: string) =>
    (await request(subject.http).get(`/treaties/${treaty.id}?${query}`).expect(200)).body;

  it('is in force until the withdrawal takes effect, and ends as a whole that day (computed)', async () => {
    expect(await status('asOf=2027-01-09')).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnComputed: false,
      ratification: { IR: { withdrawn: false, withdrawalEffectiveOn: '2027-01-10' } },
    });
    expect(await status('asOf=2027-01-10')).toMatchObject({
      status: 'terminated',
      terminatedOn: '2027-01-10',
      terminatedOnPrecision: 'day',
      terminatedOnComputed: true,
      ratification: { IR: { withdrawn: true, withdrewOn: '2027-01-10' }, RU: { withdrawn: false } },
      disagreements: [],
    });
    // Without asOf, the present (the app's clock: 1 August 2026): the end is still ahead, and says when it comes.
    expect(await status(`minPosition=${lastPosition}`)).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnComputed: false,
      terminatedOnExpected: '2027-01-10',
      nextChangeOn: '2027-01-10',
      ratification: { IR: { withdrawn: false, withdrawalEffectiveOn: '2027-01-10' } },
    });
  });

  it("moves the end when the notice's date of effect is corrected", async () => {
    const correction = (changes: Record<string, unknown>) => ({
      changes,
      reason: 'The depositary notification gives the date of effect',
      source: source({ publishedOn: '2026-07-31' }),
    });
    await post(subject.http, `${path}/${noticeId}/corrections`, correction({ effectiveOn: 'soon' })).expect(400);
    const response = await post(
      subject.http,
      `${path}/${noticeId}/corrections`,
      correction({ effectiveOn: '2026-10-01' }),
    ).expect(201);
    expect(await status(`minPosition=${response.body.position}`)).toMatchObject({
      status: 'in-force',
      terminatedOnExpected: '2026-10-01',
      nextChangeOn: '2026-10-01',
      ratification: { IR: { withdrawalEffectiveOn: '2026-10-01', withdrawalEffectiveOnComputed: false } },
    });
    expect(await status('asOf=2026-10-01')).toMatchObject({ status: 'terminated', terminatedOn: '2026-10-01' });
  });

  it('does not end when the notice is revoked before it takes effect (VCLT art. 68), which the timeline keeps', async () => {
    const revocation = (body: Record<string, unknown>) => ({ type: 'withdrawal-revoked', party: 'IR', ...body });
    const refused = async (body: Record<string, unknown>, status: number, code: string) => {
      const response = await post(subject.http, path, report(revocation(body))).expect(status);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ code });
    };
    await refused({ party: 'RU', occurredOn: '2026-07-20' }, 409, 'WITHDRAWAL_NOTICE_NOT_FOUND');
    await refused({ occurredOn: '2026-01-05' }, 409, 'REVOCATION_BEFORE_NOTICE');
    await post(subject.http, path, revocation({ occurredOn: '2026-07-20' })).expect(400); // a source, as for every report
    const depositary = source({ publisher: 'Depositary', publishedOn: '2026-07-31', url: 'https://example.org/cn' });
    const response = await post(subject.http, path, {
      ...revocation({ occurredOn: '2026-07-20' }),
      source: depositary,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ eventType: 'WithdrawalRevoked' });
    const present = await status(`minPosition=${response.body.position}`);
    expect(present).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnExpected: null,
      nextChangeOn: null,
      ratification: {
        IR: { withdrawn: false, withdrewOn: null, withdrawalNotifiedOn: null, withdrawalEffectiveOn: null },
      },
    });
    expect(present.ratification.IR.steps.map((step: { type: string }) => step.type)).toEqual([
      'consent-to-be-bound',
      'withdrawal-notified',
      'withdrawal-revoked',
    ]);
    expect(await status('asOf=2027-02-01')).toMatchObject({ status: 'in-force', terminatedOn: null });
    const listed = await request(subject.http).get('/treaties?status=in-force').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(treaty.id);
    const timeline = await request(subject.http).get(`/treaties/${treaty.id}/timeline`).expect(200);
    expect(
      timeline.body.items
        .filter((item: { type: string }) => item.type.startsWith('withdrawal-'))
        .map((item: { type: string; sources: { publisher: string }[] }) => [item.type, item.sources[0]?.publisher]),
    ).toEqual([
      ['withdrawal-notified', 'The Moscow Times'],
      ['withdrawal-revoked', 'Depositary'],
    ]);
    // The notice is retracted after its revocation, not before: the record would revoke a notice it does not hold.
    const retraction = { reason: 'Misreported', source: source({ publishedOn: '2026-07-31' }) };
    const retracted = await post(subject.http, `${path}/${noticeId}/retractions`, retraction).expect(409);
    expect(retracted.body).toMatchObject({ code: 'WITHDRAWAL_NOTICE_NOT_FOUND' });
  });
});

describe('a withdrawal of "its reservation" known only to the month', () => {
  const treaty = {
    id: 'reservations-withdrawn-by-month',
    title: 'Convention whose reservations are withdrawn by month',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2025-03-01' },
    { type: 'reservation', party: 'FR', occurredOn: '2025-03-01', text: 'Article 5 does not apply' },
    // "In November France withdrew its reservation", and on 20 November it made a new one.
    { type: 'reservation-withdrawn', party: 'FR', occurredOn: '2025-11' },
    { type: 'reservation', party: 'FR', occurredOn: '2025-11-20', text: 'Article 7 does not apply' },
  ]);

  it('withdraws the reservation made before that month, not the one made in it', async () => {
    const status = await request(onRecord.subject.http)
      .get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`)
      .expect(200);
    expect(
      status.body.ratification.FR.reservations.map((r: { text: string; withdrawnOn: string | null }) => [
        r.text,
        r.withdrawnOn,
      ]),
    ).toEqual([
      ['Article 5 does not apply', '2025-11'],
      ['Article 7 does not apply', null],
    ]);
  });
});

describe('a state acceding to a treaty in force that has no entry-into-force clause', () => {
  // VCLT art. 24(3): in force for the acceding state on the date of its own consent.
  const treaty = {
    id: 'no-clause-convention',
    title: 'Convention with no entry-into-force clause',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2020-03-01' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'DE', occurredOn: '2020-04-01' },
    { type: 'entered-into-force', occurredOn: '2020-04-01' },
    { type: 'consent-to-be-bound', consentType: 'accession', party: 'PL', occurredOn: '2021-02-01' },
  ]);

  it('is in force for it from its accession (computed), and not before', async () => {
    const now = await request(onRecord.subject.http)
      .get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`)
      .expect(200);
    expect(now.body.ratification).toMatchObject({
      FR: { inForceOn: '2020-04-01', inForceOnComputed: false },
      PL: { consent: { type: 'accession', on: '2021-02-01' }, inForceOn: '2021-02-01', inForceOnComputed: true },
    });
    const before = await request(onRecord.subject.http).get(`/treaties/${treaty.id}?asOf=2021-01-31`).expect(200);
    expect(before.body.ratification.PL).toBeUndefined();
  });
});

describe('a state that applied a treaty provisionally and then said it would not become a party', () => {
  // As Russia and the Energy Charter Treaty: provisional application from signature, ended with the notice that
  // Russia would not become a party, 60 days after it (VCLT art. 25(2)).
  const treaty = {
    id: 'charter-applied-provisionally',
    title: 'Charter applied provisionally',
    parties: ['RU', 'DE', 'FR'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 90 },
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'signed', occurredOn: '1994-12-17' },
    { type: 'provisional-application-started', party: 'RU', occurredOn: '1994-12-17' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'DE', occurredOn: '1997-12-16' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '1998-01-16' },
    { type: 'withdrawal-notified', party: 'RU', occurredOn: '2009-08-20', effectiveOn: '2009-10-19' },
  ]);

  it('no longer applies it once the withdrawal has taken effect', async () => {
    const now = await request(onRecord.subject.http)
      .get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`)
      .expect(200);
    expect(now.body.ratification.RU).toMatchObject({
      withdrawn: true,
      withdrewOn: '2009-10-19',
      provisionalApplication: { startedOn: '1994-12-17', endedOn: '2009-10-19', endedOnComputed: true },
    });
    const before = await request(onRecord.subject.http).get(`/treaties/${treaty.id}?asOf=2009-10-18`).expect(200);
    expect(before.body.ratification.RU.provisionalApplication).toMatchObject({ endedOn: null });
  });
});

describe('a withdrawal of objections known only to the month', () => {
  let subject: TestApp;
  const treaty = {
    id: 'objections-withdrawn-by-month',
    title: 'Convention whose objections are withdrawn by month',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
  };
  const path = `/treaties/${treaty.id}/developments`;
  let lastPosition: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', treaty).expect(201);
    const reserve = { type: 'reservation', party: 'FR', occurredOn: '2025-03-01', text: 'Article 5 does not apply' };
    const reservationId = (await post(subject.http, path, report(reserve)).expect(201)).body.eventId;
    for (const body of [
      { type: 'objection', party: 'DE', againstParty: 'FR', occurredOn: '2025-04-01', reservationId },
      // "In December Germany withdrew its objection", and on 20 December objected again.
      { type: 'objection-withdrawn', party: 'DE', againstParty: 'FR', occurredOn: '2025-12' },
      { type: 'objection', party: 'DE', againstParty: 'FR', occurredOn: '2025-12-20' },
    ]) {
      lastPosition = (await post(subject.http, path, report(body)).expect(201)).body.position;
    }
  });
  afterAll(() => subject.close());

  it('withdraws the objection made before that month, not the one made in it', async () => {
    const status = await request(subject.http).get(`/treaties/${treaty.id}?minPosition=${lastPosition}`).expect(200);
    expect(
      status.body.ratification.DE.objections.map((o: { madeOn: string; withdrawnOn: string | null }) => [
        o.madeOn,
        o.withdrawnOn,
      ]),
    ).toEqual([
      ['2025-04-01', '2025-12'],
      ['2025-12-20', null],
    ]);
    expect(status.body.ratification.FR.reservations[0].objectedToBy).toEqual([
      expect.objectContaining({ party: 'DE', on: '2025-12-20' }),
    ]);
  });
});

describe('a state that objects, withdraws its objection and objects again', () => {
  let subject: TestApp;
  const treaty = {
    id: 'objection-made-again',
    title: 'Convention objected to twice',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
  };
  const path = `/treaties/${treaty.id}/developments`;
  let lastPosition: string;
  let secondObjectionId: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', treaty).expect(201);
    for (const body of [
      { type: 'reservation', party: 'FR', occurredOn: '2020-03-01', text: 'Article 5 does not apply' },
      { type: 'objection', party: 'DE', againstParty: 'FR', occurredOn: '2020-06-01' },
      { type: 'objection-withdrawn', party: 'DE', againstParty: 'FR', occurredOn: '2021-03-01' },
      { type: 'objection', party: 'DE', againstParty: 'FR', occurredOn: '2023-02-01' },
    ]) {
      const response = await post(subject.http, path, report(body)).expect(201);
      lastPosition = response.body.position;
      secondObjectionId = response.body.eventId;
    }
  });
  afterAll(() => subject.close());

  it('has made two objections, the first withdrawn, with no disagreement between them', async () => {
    const status = await request(subject.http).get(`/treaties/${treaty.id}?minPosition=${lastPosition}`).expect(200);
    expect(status.body.disagreements).toEqual([]);
    expect(
      status.body.ratification.DE.objections.map((o: { madeOn: string; withdrawnOn: string | null }) => [
        o.madeOn,
        o.withdrawnOn,
      ]),
    ).toEqual([
      ['2020-06-01', '2021-03-01'],
      ['2023-02-01', null],
    ]);
    expect(status.body.ratification.FR.reservations[0].objectedToBy).toEqual([
      expect.objectContaining({ party: 'DE', on: '2023-02-01' }),
    ]);
    // Recorded as a new act, not as a second report of the first objection with another date.
    const second = await request(subject.http).get(`/treaties/${treaty.id}/developments/${secondObjectionId}`);
    expect(second.body.development).toMatchObject({ type: 'objection', occurredOn: '2023-02-01' });
    expect(second.body.development.disagreesWith ?? []).toEqual([]);
    const timeline = await request(subject.http).get(`/treaties/${treaty.id}/timeline`).expect(200);
    expect(timeline.body.items.map((item: { openDisagreements: string[] }) => item.openDisagreements)).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });
});

describe('a signatory that says it will not become a party', () => {
  // As the United States and the Rome Statute: signed in 2000, notified on 6 May 2002 that it did not intend to
  // become a party. The Statute's year of notice is for States Parties leaving it, not for a signatory.
  const treaty = {
    id: 'statute-unsigned',
    title: 'Statute a signatory walks away from',
    parties: ['US', 'FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 60 },
    withdrawalNoticeDays: 365,
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'signed', party: 'US', occurredOn: '2000-12-31' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2000-06-09' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'DE', occurredOn: '2000-12-11' },
    { type: 'withdrawal-notified', party: 'US', occurredOn: '2002-05-06' },
    { type: 'withdrawal-notified', party: 'FR', occurredOn: '2002-05-06' },
  ]);

  it('is released on its notice, while a party leaving gives the year of notice', async () => {
    await request(onRecord.subject.http).get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    const status = await request(onRecord.subject.http).get(`/treaties/${treaty.id}?asOf=2002-05-06`).expect(200);
    expect(status.body.ratification).toMatchObject({
      US: { consent: null, withdrawalEffectiveOn: '2002-05-06', withdrawalEffectiveOnComputed: true, withdrawn: true },
      FR: { withdrawalEffectiveOn: '2003-05-06', withdrawalEffectiveOnComputed: true, withdrawn: false },
    });
  });
});

describe("a bilateral treaty in force before one party's reported consent", () => {
  // Reported: Russia ratified, the treaty entered into force on 1 June 2025, Iran ratified on 1 August 2025. A
  // bilateral treaty is in force between its two parties or not at all: the record contradicts itself, and every
  // asOf from the entry into force says so, as the present does.
  const treaty = {
    id: 'bilateral-consent-after-entry',
    title: 'Bilateral treaty whose second consent is reported after its entry into force',
    parties: ['RU', 'IR'],
    category: 'other',
    kind: 'bilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'RU', occurredOn: '2025-04-21' },
    { type: 'entered-into-force', occurredOn: '2025-06-01' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'IR', occurredOn: '2025-08-01' },
  ]);

  it('shows Iran in force from the reported date and the disagreement, in the present and on a day between', async () => {
    const present = await request(onRecord.subject.http)
      .get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`)
      .expect(200);
    const between = await request(onRecord.subject.http).get(`/treaties/${treaty.id}?asOf=2025-07-01`).expect(200);
    const timeline = await request(onRecord.subject.http).get(`/treaties/${treaty.id}/timeline`).expect(200);
    const ids = timeline.body.items.map((item: { developmentId: string }) => item.developmentId);
    const disagreement = { type: 'entered-into-force', party: 'IR', body: null, developmentIds: [ids[1], ids[2]] };
    for (const view of [present.body, between.body]) {
      expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-06-01' });
      expect(view.ratification.IR).toMatchObject({ status: 'completed', inForceOn: '2025-06-01' });
      expect(view.disagreements).toEqual([disagreement]);
    }
    expect(present.body.ratification.IR).toMatchObject({ consent: { on: '2025-08-01' }, inForceOnComputed: false });
    expect(between.body.ratification.IR).toMatchObject({ consent: null, consentImplied: true });
  });
});

describe('an objection to reservations that were all withdrawn', () => {
  // Germany objected to "France's reservations" (both made on ratification); on 1 May 2023 France withdrew "its
  // reservations". From then the treaty applies in full between the two (VCLT art. 22(3)(a)): the objection, which
  // Germany never withdrew, has nothing left to act on.
  const treaty = {
    id: 'objection-left-moot',
    title: 'Convention whose reservations are all withdrawn',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2020-03-01' },
    { type: 'reservation', party: 'FR', occurredOn: '2020-03-01', text: 'Article 5 does not apply' },
    { type: 'reservation', party: 'FR', occurredOn: '2020-03-01', text: 'Article 9 does not apply' },
    { type: 'objection', party: 'DE', againstParty: 'FR', occurredOn: '2020-09-01' },
    { type: 'reservation-withdrawn', party: 'FR', occurredOn: '2023-05-01' },
  ]);

  it('is moot from the last withdrawal, not withdrawn', async () => {
    const status = (query: string) => request(onRecord.subject.http).get(`/treaties/${treaty.id}?${query}`).expect(200);
    const now = await status(`minPosition=${onRecord.lastPosition}`);
    expect(now.body.ratification.DE.objections).toEqual([
      expect.objectContaining({ againstParty: 'FR', withdrawnOn: null, mootOn: '2023-05-01' }),
    ]);
    const before = await status('asOf=2023-04-30');
    expect(before.body.ratification.DE.objections[0]).toMatchObject({ withdrawnOn: null });
    expect(before.body.ratification.DE.objections[0].mootOn).toBeUndefined();
  });
});

describe('an original party ratifying a treaty without a clause after its reported entry into force', () => {
  const treaty = {
    id: 'no-clause-late-original',
    title: 'Convention an original party ratifies late',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'entered-into-force', occurredOn: '2020-01-01' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'DE', occurredOn: '2023-05-01' },
  ]);

  it('is bound from its ratification in the present, and not bound on a day before it', async () => {
    const status = (query: string) => request(onRecord.subject.http).get(`/treaties/${treaty.id}?${query}`).expect(200);
    const now = await status(`minPosition=${onRecord.lastPosition}`);
    expect(now.body.ratification.DE).toMatchObject({ inForceOn: '2023-05-01', inForceOnComputed: true });
    const before = await status('asOf=2022-01-01');
    expect(before.body.ratification.DE).toMatchObject({ status: 'pending', consentImplied: false, inForceOn: null });
    expect(before.body.ratification.FR).toMatchObject({ consentImplied: true, inForceOn: '2020-01-01' });
  });
});

describe('an entry into force reported later than the clause computes it', () => {
  // The clause gives 2025-03-15 (BE's approval + 10 days); the depositary reports 2025-03-20. The report wins in the
  // present, so on 2025-03-17 the treaty was not in force by it, and the two disagree on that day as in the present.
  const treaty = {
    id: 'clause-overruled-by-report',
    title: 'Convention reported in force later than its clause says',
    parties: ['AT', 'BE'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 10 },
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-03-01' },
    { type: 'consent-to-be-bound', consentType: 'approval', party: 'BE', occurredOn: '2025-03-05' },
    { type: 'entered-into-force', occurredOn: '2025-03-20' },
  ]);

  it('is not in force on a day between the two, and the disagreement shows there as in the present', async () => {
    const status = (query: string) => request(onRecord.subject.http).get(`/treaties/${treaty.id}?${query}`).expect(200);
    const now = await status(`minPosition=${onRecord.lastPosition}`);
    const between = await status('asOf=2025-03-17');
    expect(now.body).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-03-20' });
    expect(between.body).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: null,
      enteredIntoForceOnComputed: false,
    });
    for (const view of [now.body, between.body]) {
      expect(view.disagreements).toEqual([
        expect.objectContaining({ type: 'entered-into-force', party: null, computedOn: '2025-03-15' }),
      ]);
    }
  });
});

describe('a withdrawal reported to have taken effect later than the notice period gives', () => {
  // Notified on 1 February 2022, with 180 days' notice: 31 July. A source reports it took effect on 15 August. The
  // convention is in force, so France's consent binds it and its notice runs the period (decision 0043).
  const treaty = {
    id: 'withdrawal-effect-reported-later',
    title: 'Convention a party leaves later than its notice period says',
    parties: ['FR', 'DE'],
    category: 'other',
    kind: 'multilateral',
    withdrawalNoticeDays: 180,
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'FR', occurredOn: '2020-01-01' },
    { type: 'entered-into-force', occurredOn: '2020-03-01' },
    { type: 'withdrawal-notified', party: 'FR', occurredOn: '2022-02-01' },
    { type: 'withdrawn', party: 'FR', occurredOn: '2022-08-15' },
  ]);

  it('is not gone on a day between, and the disagreement shows there as in the present', async () => {
    const status = (query: string) => request(onRecord.subject.http).get(`/treaties/${treaty.id}?${query}`).expect(200);
    const now = await status(`minPosition=${onRecord.lastPosition}`);
    const between = await status('asOf=2022-08-01');
    expect(now.body.ratification.FR).toMatchObject({ withdrawn: true, withdrewOn: '2022-08-15' });
    expect(between.body.ratification.FR).toMatchObject({ withdrawn: false, withdrawalEffectiveOn: '2022-07-31' });
    for (const view of [now.body, between.body]) {
      expect(view.disagreements).toEqual([
        expect.objectContaining({ type: 'withdrawn', party: 'FR', computedOn: '2022-07-31' }),
      ]);
    }
  });
});

describe('an instrument withdrawn before the clause counted it', () => {
  // Two instruments needed. Austria ratified on 5 January and notified its withdrawal on 1 February; Belgium ratified
  // on 27 February. Austria's instrument no longer stood when Belgium's came: one instrument, no entry into force.
  const treaty = {
    id: 'instrument-withdrawn-before-entry',
    title: 'Convention one ratification of which is withdrawn before it enters into force',
    parties: ['AT', 'BE', 'CZ'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
    withdrawalNoticeDays: 365,
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-01-05' },
    { type: 'withdrawal-notified', party: 'AT', occurredOn: '2025-02-01' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'BE', occurredOn: '2025-02-27' },
  ]);

  it('is not counted: the treaty is not in force, in the view and in the listing, and the state is released', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(now.body).toMatchObject({
      status: 'ratification-in-progress',
      enteredIntoForceOn: null,
      enteredIntoForceOnByClause: null,
    });
    expect(now.body.ratification.AT).toMatchObject({ withdrawn: true, withdrewOn: '2025-02-01', inForceOn: null });
    const inForce = await http.get('/treaties?status=in-force').expect(200);
    expect(inForce.body.items.map((item: { id: string }) => item.id)).not.toContain(treaty.id);
  });
});

describe('a bilateral treaty one signatory says it will not become a party to', () => {
  // Both signed on 17 January 2025; Iran notified on 1 March that it did not intend to become a party (VCLT art. 18).
  // The treaty never entered into force, so it cannot be terminated: it will not enter into force.
  const treaty = {
    id: 'bilateral-opted-out',
    title: 'Bilateral treaty one signatory walks away from',
    parties: ['RU', 'IR'],
    category: 'other',
    kind: 'bilateral',
    withdrawalNoticeDays: 365,
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'signed', occurredOn: '2025-01-17' },
    { type: 'withdrawal-notified', party: 'IR', occurredOn: '2025-03-01' },
  ]);

  it('is listed as will-not-enter-into-force, not terminated', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(now.body).toMatchObject({
      status: 'will-not-enter-into-force',
      terminatedOn: null,
      enteredIntoForceOn: null,
    });
    expect(now.body.ratification.IR).toMatchObject({ withdrawn: true, withdrewOn: '2025-03-01' });
    const listed = async (status: string) =>
      (await http.get(`/treaties?status=${status}`).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await listed('will-not-enter-into-force')).toContain(treaty.id);
    expect(await listed('terminated')).not.toContain(treaty.id);
  });
});

describe('a bilateral treaty under a clause, ratified at home by both states', () => {
  // In force 30 days after the second instrument. Both parliaments ratified (Russia 21 April, Iran 10 June 2025);
  // the instruments were exchanged on 2 September: that is the day consent was established (VCLT art. 16), so the
  // clause gives 2 October, never 10 July (decision 0101).
  const treaty = {
    id: 'clause-counts-the-exchange',
    title: 'Bilateral treaty whose ratifications are exchanged months after the second',
    parties: ['RU', 'IR'],
    category: 'partnership',
    kind: 'bilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'signed', occurredOn: '2025-01-17' },
    { type: 'ratification-completed', party: 'RU', occurredOn: '2025-04-21' },
    { type: 'ratification-completed', party: 'IR', occurredOn: '2025-06-10' },
    { type: 'instruments-exchanged', occurredOn: '2025-09-02' },
  ]);

  it('enters into force by the clause from the exchange, and was not in force before it', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(now.body).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-10-02' });
    const before = await http.get(`/treaties/${treaty.id}?asOf=2025-09-01`).expect(200);
    expect(before.body).toMatchObject({ status: 'ratified', enteredIntoForceOn: null });
    expect(before.body.ratification.RU).toMatchObject({ inForceOn: null });
  });
});

describe('a multilateral treaty without a clause one original state walks away from', () => {
  // Without a clause every negotiating state's consent is needed (VCLT art. 24(2)): Austria only signed and said it
  // would not become a party, so Belgium's ratification completes nothing (decision 0102).
  const treaty = {
    id: 'multilateral-walked-away',
    title: 'Convention an original signatory walks away from',
    parties: ['AT', 'BE'],
    category: 'other',
    kind: 'multilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'signed', occurredOn: '2020-01-02' },
    { type: 'withdrawal-notified', party: 'AT', occurredOn: '2020-02-01' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'BE', occurredOn: '2020-03-01' },
  ]);

  it('will not enter into force, in the view and in the listing, and is not listed as ratified', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(now.body).toMatchObject({ status: 'will-not-enter-into-force', enteredIntoForceOn: null });
    const listed = async (status: string) =>
      (await http.get(`/treaties?status=${status}`).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await listed('will-not-enter-into-force')).toContain(treaty.id);
    expect(await listed('ratified')).not.toContain(treaty.id);
  });
});

describe('acts treaty law does not expect, reported all the same', () => {
  // In force 30 days after the second instrument: 29 March 2025. Austria's reservation of June comes after its
  // ratification; Belgium's provisional application is reported to start after the treaty was in force for it.
  const treaty = {
    id: 'unexpected-acts-flagged',
    title: 'Convention some of whose reports are unusual',
    parties: ['AT', 'BE', 'CZ'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-01-05' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'BE', occurredOn: '2025-02-27' },
    { type: 'reservation', party: 'AT', occurredOn: '2025-06-01', text: 'Article 5 does not apply' },
    { type: 'provisional-application-started', party: 'BE', occurredOn: '2025-05-01' },
  ]);

  it('are accepted as reported and listed among the warnings, with the reports they are measured against', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    const timeline = await http.get(`/treaties/${treaty.id}/timeline`).expect(200);
    const ids = timeline.body.items.map((item: { developmentId: string }) => item.developmentId);
    expect(now.body.warnings).toEqual([
      { code: 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE', party: 'BE', developmentIds: [ids[2]] },
      { code: 'LATE_RESERVATION', party: 'AT', developmentIds: [ids[3], ids[0]] },
    ]);
    expect(now.body.ratification.AT.reservations).toHaveLength(1);
  });
});

describe('a bilateral treaty one party suspends (decision 0066)', () => {
  // New START: in force since 5 February 2011; Russia suspended it on 21 February 2023, the United States did not.
  const treaty = {
    id: 'new-start',
    title: 'Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms',
    parties: ['US', 'RU'],
    category: 'security',
    kind: 'bilateral',
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'signed', occurredOn: '2010-04-08' },
    { type: 'entered-into-force', occurredOn: '2011-02-05' },
    { type: 'suspended', party: 'RU', occurredOn: '2023-02-21' },
  ]);

  it('is suspended, in the view and in the listing by status, and was in force the day before', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(now.body).toMatchObject({ status: 'suspended', suspendedOn: '2023-02-21' });
    expect(now.body.ratification.RU).toMatchObject({ suspended: true, suspendedOn: '2023-02-21' });
    expect(now.body.ratification.US).toMatchObject({ suspended: false });
    const before = await http.get(`/treaties/${treaty.id}?asOf=2023-02-20`).expect(200);
    expect(before.body.status).toBe('in-force');
    const ids = async (status: string) =>
      (await http.get(`/treaties?status=${status}`).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await ids('suspended')).toContain(treaty.id);
    expect(await ids('in-force')).not.toContain(treaty.id);
  });
});

describe('a convention its members ratify or accept without signing it (decision 0067)', () => {
  // As UNESCO's conventions are: adopted with no state as an original party, then Egypt ratifies, France accepts and
  // Italy ratifies, none signing.
  const treaty = {
    id: 'heritage-convention',
    title: 'Convention concerning the Protection of the World Cultural and Natural Heritage',
    parties: [],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
  };
  const onRecord = reportedOverHttp(treaty, [
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'EG', occurredOn: '2025-02-07' },
    { type: 'consent-to-be-bound', consentType: 'acceptance', party: 'FR', occurredOn: '2025-06-27' },
    { type: 'consent-to-be-bound', consentType: 'ratification', party: 'IT', occurredOn: '2025-07-23' },
  ]);

  it('makes each a party, counts its instrument, and lists the treaty under it', async () => {
    const http = request(onRecord.subject.http);
    const now = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(now.body).toMatchObject({
      parties: ['EG', 'FR', 'IT'],
      status: 'in-force',
      enteredIntoForceOn: '2025-08-22',
    });
    expect(now.body.ratification.FR).toMatchObject({ consent: { type: 'acceptance', on: '2025-06-27' } });
    const listed = await http.get('/treaties?party=FR').expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(treaty.id);
    const rows = (await http.get('/exports/treaties.csv').expect(200)).text.split('\r\n');
    expect(rows.find((row) => row.startsWith(`${treaty.id},`))).toContain('EG FR IT');
  });

  it('is registered with no original party only as a multilateral treaty', async () => {
    const http = onRecord.subject.http;
    const refused = await post(http, '/treaties', { ...treaty, id: 'no-party-bilateral', kind: 'bilateral' }).expect(
      400,
    );
    expect(refused.body.errors).toContainEqual({
      field: 'parties',
      message: 'parties must name at least two parties (a treaty registered multilateral may name none)',
    });
    const { kind: _kind, ...ofUnknownKind } = { ...treaty, id: 'no-party-unknown' };
    await post(http, '/treaties', ofUnknownKind).expect(400);
  });

  it('still refuses a ratification by a state not on record when the treaty is not registered multilateral', async () => {
    const http = onRecord.subject.http;
    await post(http, '/treaties', {
      id: 'unknown-kind',
      title: 'Treaty of unknown kind',
      parties: ['RU', 'IR'],
      category: 'other',
    }).expect(201);
    const refused = await post(
      http,
      '/treaties/unknown-kind/developments',
      report({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'IQ', occurredOn: '2025-02-07' }),
    ).expect(422);
    expect(refused.body).toMatchObject({ code: 'PARTY_NOT_IN_TREATY' });
  });
});

describe("a chamber's approval of joining before the state's consent (decision 0070)", () => {
  // The State Duma approves Russia's accession to a convention; the instrument of accession is deposited later.
  const treaty = {
    id: 'accession-approved-first',
    title: 'Convention on Sample Matters',
    parties: ['AT', 'BE'],
    category: 'other',
    kind: 'multilateral',
  };
  const approval = { type: 'legislative-approval', party: 'RU', body: 'State Duma', occurredOn: '2025-04-10' };
  const onRecord = reportedOverHttp(treaty, [approval]);

  it('is on record for a state not yet a party, which it does not make one; its consent starts its path with it', async () => {
    const http = request(onRecord.subject.http);
    const before = await http.get(`/treaties/${treaty.id}?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(before.body.parties).toEqual(['AT', 'BE']);
    expect(before.body.ratification.RU).toBeUndefined();
    expect(before.body.joining).toEqual({
      RU: [expect.objectContaining({ type: 'legislative-approval', body: 'State Duma', occurredOn: '2025-04-10' })],
    });
    const timeline = await http.get(`/treaties/${treaty.id}/timeline?minPosition=${onRecord.lastPosition}`).expect(200);
    expect(timeline.body.items).toContainEqual(expect.objectContaining({ type: 'legislative-approval', party: 'RU' }));
    const listed = async () =>
      (await http.get('/treaties?party=RU').expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await listed()).not.toContain(treaty.id);

    const accession = await post(
      onRecord.subject.http,
      `/treaties/${treaty.id}/developments`,
      report({ type: 'consent-to-be-bound', consentType: 'accession', party: 'RU', occurredOn: '2025-05-20' }),
    ).expect(201);
    const after = await http.get(`/treaties/${treaty.id}?minPosition=${accession.body.position}`).expect(200);
    expect(after.body.parties).toEqual(['AT', 'BE', 'RU']);
    expect(after.body.ratification.RU.steps.map((step: { type: string }) => step.type)).toEqual([
      'legislative-approval',
      'consent-to-be-bound',
    ]);
    expect(after.body.joining).toEqual({});
    expect(await listed()).toContain(treaty.id);
  });

  it('is refused on a treaty not registered multilateral, with what would let the state join', async () => {
    const http = onRecord.subject.http;
    const { kind: _kind, ...ofUnknownKind } = { ...treaty, id: 'approval-unknown-kind' };
    await post(http, '/treaties', ofUnknownKind).expect(201);
    const refused = await post(http, '/treaties/approval-unknown-kind/developments', report(approval)).expect(422);
    expect(refused.body).toMatchObject({ code: 'PARTY_NOT_IN_TREATY' });
    expect(refused.body.detail).toContain('on a treaty registered multilateral');
  });
});
