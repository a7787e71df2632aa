import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { DEVELOPMENT_TYPES } from '@timeline/treaty';
import { launchChromium } from '../support/chromium';
import { appendCorrectionMadeBefore0042 } from '../support/correction-before-0042';
import { startTestApp, type TestApp } from '../support/test-app';
import { post, source } from '../support/treaty-requests';

/**
 * Issue 13, item 12: the page shows a multilateral treaty as a chart of parties, and statements, negotiations and
 * context in the timeline, set apart from legal acts. The convention is the one of test/treaties/treaty-law: in
 * force 30 days after the third instrument (CZ, 20 May 2025: 19 June 2025, computed), FR accedes on 1 September
 * 2025 (in force for it 1 October 2025, computed) with a reservation AT objects to. Two dates lie ahead of today,
 * whatever today is: GR accedes 5 days ago (in force for it in 25 days) and BE notifies its withdrawal 10 days ago
 * (effective in 170 days); the page marks those "expected" rather than "computed".
 */
const ARTIFACTS = resolve('artifacts');
const MARKUP = '<img src=x onerror="window.__injected=1"><b>bold</b>';
const CONVENTION = {
  id: 'convention-on-sample-matters',
  title: 'Convention on Sample Matters',
  parties: ['AT', 'BE', 'CZ', 'DK', 'EE'],
  category: 'other',
  kind: 'multilateral',
  depositary: 'Secretary-General of the United Nations',
  entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
  withdrawalNoticeDays: 180,
  identifiers: { untsNumber: 'I-54321', wikidataId: 'Q123456' },
};
const PROTOCOL = {
  id: 'protocol-to-the-sample-convention',
  title: 'Optional Protocol to the Convention on Sample Matters',
  parties: ['AT', 'CZ'],
  category: 'other',
  kind: 'multilateral',
  relations: [{ type: 'protocol-to', treatyId: CONVENTION.id }],
};
const RESERVATION = `France does not consider itself bound by article 12 ${MARKUP}`;
const STATEMENT = `The convention changes nothing for us yet ${MARKUP}`;

const DAY_MS = 86_400_000;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const GR_ACCEDED = isoDaysFromNow(-5);
const GR_IN_FORCE = isoDaysFromNow(25);
const BE_NOTIFIED = isoDaysFromNow(-10);
const BE_EFFECTIVE = isoDaysFromNow(170);

interface PageElement {
  readonly textContent: string | null;
  getBoundingClientRect(): { readonly right: number };
  cloneNode(deep: boolean): PageElement;
  querySelectorAll(
    selector: string,
  ): Iterable<{ getAttribute(name: string): string | null; replaceWith(text: string): void }>;
}
declare const document: {
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  querySelector(selector: string): PageElement | null;
};
declare const window: { __injected?: number };

describe('A multilateral treaty on the page: the chart of parties, the diplomacy set apart', () => {
  let subject: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];
  const developments = `/treaties/${CONVENTION.id}/developments`;
  const report = (body: Record<string, unknown>) =>
    post(subject.http, developments, { source: source({ publishedOn: isoDaysFromNow(0) }), ...body }).expect(201);

  beforeAll(async () => {
    browser = await launchChromium();
    subject = await startTestApp();
    await subject.app.listen(0, '127.0.0.1');
    baseUrl = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    await post(subject.http, '/treaties', PROTOCOL).expect(201);
    for (const [party, occurredOn] of [
      ['AT', '2025-01-10'],
      ['BE', '2025-01-10'],
      ['CZ', '2025-01-15'],
      ['DK', '2025-02-01'],
      ['EE', '2025-03-03'],
    ]) {
      await report({ type: 'signed', party, occurredOn });
    }
    for (const [party, occurredOn] of [
      ['AT', '2025-03-10'],
      ['BE', '2025-04-02'],
      ['CZ', '2025-05-20'],
    ]) {
      await report({ type: 'consent-to-be-bound', consentType: 'ratification', party, occurredOn });
    }
    await report({ type: 'consent-to-be-bound', consentType: 'accession', party: 'FR', occurredOn: '2025-09-01' });
    const reservation = await report({ type: 'reservation', party: 'FR', occurredOn: '2025-09-01', text: RESERVATION });
    await report({
      type: 'objection',
      party: 'AT',
      againstParty: 'FR',
      reservationId: reservation.body.eventId,
      occurredOn: '2025-11-15',
    });
    await report({ type: 'consent-to-be-bound', consentType: 'accession', party: 'GR', occurredOn: GR_ACCEDED });
    await report({ type: 'withdrawal-notified', party: 'BE', occurredOn: BE_NOTIFIED });
    await report({ type: 'negotiations', stage: 'held', participants: ['AT', 'CZ'], occurredOn: '2024-11' });
    await report({
      type: 'context',
      summary: 'A regional summit discussed the convention',
      parties: ['DK'],
      occurredOn: '2025-05-02',
    });

    mkdirSync(ARTIFACTS, { recursive: true });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(5_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await subject?.close();
  });

  const row = (party: string) => page.locator(`#party-chart tbody tr[data-party="${party}"]`);
  const cell = (party: string, column: string) => row(party).locator(`td[data-column="${column}"]`);
  const text = async (locator: Locator) => (await locator.textContent())?.replace(/\s+/g, ' ').trim();
  /** A chart cell's words, each date as its machine-readable `datetime` (the chart shows short dates: 10 Jan 2025). */
  const cellText = (party: string, column: string) =>
    cell(party, column).evaluate((element: PageElement) => {
      const copy = element.cloneNode(true);
      for (const time of copy.querySelectorAll('time')) time.replaceWith(time.getAttribute('datetime') ?? '');
      return copy.textContent?.replace(/\s+/g, ' ').trim();
    });
  const diplomacyCards = () => page.locator('#developments > li[data-diplomacy]');

  it('charts every party: signature, consent by type and date, in force for it, reservations, withdrawal', async () => {
    await page.goto(`${baseUrl}/?treaty=${CONVENTION.id}`);
    await page.locator('#party-chart').waitFor();
    expect(await page.locator('#overall-status').getAttribute('data-status')).toBe('in-force');
    const table = page.getByRole('table', { name: 'Parties (7) · multilateral' });
    expect(await table.count()).toBe(1);
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual([
      'Party',
      'Signature',
      'Consent to be bound',
      'In force for the party',
      'Reservations and objections',
      'Withdrawal',
    ]);
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(7);
    expect(await page.locator('#party-chart tbody tr').evaluateAll((rows) => rows.length)).toBe(7);

    expect(await text(cell('AT', 'signature'))).toBe('10 Jan 2025');
    expect(await cell('AT', 'signature').locator('time').getAttribute('title')).toBe('10 January 2025');
    expect(await cellText('AT', 'signature')).toBe('2025-01-10');
    expect(await cellText('AT', 'consent')).toBe('Ratification 2025-03-10');
    expect(await cellText('CZ', 'consent')).toBe('Ratification 2025-05-20');
    expect(await cellText('AT', 'reservations')).toBe("Objection to FR's reservation, 2025-11-15");
    // DK signed, never consented: nothing in force for it, said in words as well as with a dash.
    expect(await text(cell('DK', 'consent'))).toBe('— none');
    expect(await text(cell('DK', 'in-force'))).toBe('— none');

    // FR joined by accession, without signing; its reservation is text, however it reads, with AT's objection.
    expect(await text(row('FR').locator('th'))).toBe('FR joined later');
    expect(await text(cell('FR', 'signature'))).toBe('— none');
    expect(await cellText('FR', 'consent')).toBe('Accession 2025-09-01');
    const reservation = cell('FR', 'reservations').locator('li[data-kind="reservation"]');
    expect(await reservation.locator('q').textContent()).toBe(RESERVATION);
    expect(await text(reservation.locator('.sub:not([data-field])'))).toBe('objected to by AT, 15 Nov 2025');
    const period = reservation.locator('[data-field="objection-period"]');
    expect(await text(period)).toBe('open to objection until at least 1 Sept 2026');
    expect(await period.getAttribute('title')).toContain('VCLT art. 20(5)');
    expect(await page.locator('#party-chart img, #party-chart b').count()).toBe(0);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  });

  it('marks dates computed from the clause: "computed" once come, "expected" while ahead, with why', async () => {
    const treatyWide = page.locator('#treaty-status dd[data-field="enteredIntoForceOn"]');
    expect(await text(treatyWide)).toBe('19 June 2025 computed');
    expect(await text(page.locator('#treaty-status dd[data-field="clause"]'))).toBe(
      'in force 30 days after the 3rd instrument of consent; for a later party, 30 days after its own',
    );

    for (const party of ['AT', 'BE', 'CZ']) expect(await cellText(party, 'in-force')).toBe('2025-06-19 computed');
    expect(await cellText('FR', 'in-force')).toBe('2025-10-01 computed');
    const computed = cell('FR', 'in-force').locator('.badge');
    expect(await computed.getAttribute('class')).toBe('badge badge--computed');
    expect(await computed.getAttribute('title')).toBe(
      "Computed from the treaty's clause (in force 30 days after the 3rd instrument of consent; for a later party, 30 days after its own); no report confirms it yet.",
    );

    expect(await cellText('GR', 'consent')).toBe(`Accession ${GR_ACCEDED}`);
    expect(await cellText('GR', 'in-force')).toBe(`${GR_IN_FORCE} expected`);
    expect(await cell('GR', 'in-force').locator('.badge').getAttribute('class')).toBe('badge badge--expected');
    expect(await cellText('BE', 'withdrawal')).toBe(`notified ${BE_NOTIFIED} takes effect ${BE_EFFECTIVE} expected`);
    expect(await cell('BE', 'withdrawal').locator('.badge').getAttribute('title')).toContain(
      'notice period of 180 days',
    );
    // On the axis, an unnumbered dashed ring: not a development, the clause's date.
    expect(await page.locator('#axis svg .computed-mark title').textContent()).toBe(
      "Entry into force computed from the treaty's clause, 19 June 2025; no report yet",
    );
    // BE's withdrawal is still to take effect: the page says when.
    expect(await text(page.locator('#treaty-status .parties > li[data-party="BE"]'))).toContain(
      'withdrawal takes effect on',
    );
    expect(await row('BE').getAttribute('data-withdrawn')).toBeNull();
    // Reported dates carry no badge; the note under the chart says what the badges mean.
    expect(await cell('AT', 'consent').locator('.badge').count()).toBe(0);
    expect(await text(page.locator('#computed-note'))).toContain('not yet confirmed by a report');
  });

  it("reads the present against the server's day, not the browser's clock", async () => {
    // A browser whose clock runs 172 days ahead (or a reader at UTC-12 when the server's day, UTC+14, has turned):
    // the server says BE's withdrawal and GR's entry into force are still ahead, and so must the page.
    const skewed = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const ahead = await skewed.newPage();
      await ahead.clock.setFixedTime(new Date(Date.now() + 172 * DAY_MS));
      await ahead.goto(`${baseUrl}/?treaty=${CONVENTION.id}`);
      const chartCell = (party: string, column: string) =>
        ahead.locator(`#party-chart tbody tr[data-party="${party}"] td[data-column="${column}"]`);
      await chartCell('BE', 'withdrawal').waitFor();
      expect(await chartCell('BE', 'withdrawal').locator('.badge').getAttribute('class')).toBe('badge badge--expected');
      expect(await text(chartCell('BE', 'withdrawal'))).toContain('takes effect');
      expect(await chartCell('GR', 'in-force').locator('.badge').getAttribute('class')).toBe('badge badge--expected');
      expect(await chartCell('FR', 'in-force').locator('.badge').getAttribute('class')).toBe('badge badge--computed');
    } finally {
      await skewed.close();
    }
  });

  it('replays the chart as of a date: nothing in force the day before the computed date', async () => {
    await page.getByLabel('Date', { exact: true }).fill('2025-06-18');
    await page.waitForSelector('#status-as-of:text-is("as of 18 June 2025")');
    expect(await page.locator('#overall-status').getAttribute('data-status')).toBe('ratification-in-progress');
    // Not in force yet: expected on the clause's date, as the treaty is (its instrument is one the count took).
    expect(await text(cell('AT', 'in-force'))).toBe('19 Jun 2025 expected');
    expect(await row('FR').count()).toBe(0);
    expect(await page.locator('#axis svg .computed-mark').count()).toBe(0);

    await page.getByLabel('Date', { exact: true }).fill('2025-06-19');
    await page.waitForSelector('#status-as-of:text-is("as of 19 June 2025")');
    expect(await cellText('AT', 'in-force')).toBe('2025-06-19 computed');
    await page.getByRole('button', { name: 'Today' }).click();
    await page.waitForSelector('#status-as-of:text-is("today")');
  });

  it('shows statements, negotiations and context apart from legal acts, without changing the status', async () => {
    const statusBefore = await text(page.locator('#treaty-status'));
    const legalActs = await page.locator('#developments > li:not([data-diplomacy])').count();
    expect(legalActs).toBe(13);
    await report({ type: 'statement', speaker: 'A foreign minister', quote: STATEMENT, occurredOn: '2025-06-20' });

    const statement = diplomacyCards().filter({ hasText: 'Statement by A foreign minister' });
    await statement.waitFor();
    expect(await diplomacyCards().count()).toBe(3);
    expect(await text(statement.locator('.kind-label'))).toBe('Diplomacy does not change the legal status');
    expect(await statement.locator('blockquote.said').textContent()).toBe(`“${STATEMENT}”`);
    const negotiations = page.locator('#developments > li[data-diplomacy][data-type="negotiations"]');
    expect(await negotiations.locator('h4 .number').textContent()).toBe('1'); // November 2024: the first of all
    expect(await text(negotiations.locator('h4'))).toContain('Negotiations held');
    expect(await text(negotiations.locator('.date'))).toBe('November 2024 (known only to the month)');
    expect(await negotiations.locator('.details dd').first().textContent()).toBe('AT, CZ');
    const context = page.locator('#developments > li[data-diplomacy][data-type="context"]');
    expect(await context.locator('.said').textContent()).toBe('A regional summit discussed the convention');
    expect(await page.locator('#developments > li:not([data-diplomacy])').count()).toBe(legalActs);
    expect(await text(page.locator('#treaty-status'))).toBe(statusBefore);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();

    // On the axis: a lane of their own, drawn as diamonds where legal acts are circles. The legal acts set the
    // axis's span: the talks of November 2024 fall before it, and the caption says they are in the list only.
    const marks = page.locator('#axis svg .mark--diplomacy');
    expect(await marks.count()).toBe(2);
    expect(await marks.locator('path.diamond').count()).toBe(2);
    expect(await page.locator('#axis-note').textContent()).toBe(
      'One statement, negotiation or context event falls outside this span: it is in the list below.',
    );
    expect(await marks.locator('circle').count()).toBe(0);
    expect(await page.locator('#axis svg .mark:not(.mark--diplomacy) circle.dot').count()).toBe(legalActs);
    expect(await page.locator('#axis svg .lane-label.lane--diplomacy').textContent()).toBe('Diplomacy');
    expect(await page.locator('#legend .swatch--diplomacy').count()).toBe(1);

    await page.screenshot({ path: join(ARTIFACTS, 'treaty-law-page.png'), fullPage: true });
    await page.locator('#party-chart').screenshot({ path: join(ARTIFACTS, 'treaty-law-party-chart.png') });
  });

  it('hides and shows the diplomacy with a keyboard-operable toggle; the status stays as it was', async () => {
    const statusBefore = await text(page.locator('#treaty-status'));
    const toggle = page.getByRole('checkbox', { name: 'Show diplomacy' });
    expect(await toggle.isChecked()).toBe(true);
    expect(await text(page.locator('#diplomacy-toggle-hint'))).toBe(
      'statements, negotiations and context (3), which never change the status',
    );
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#axis svg .mark--diplomacy') === null);
    expect(await toggle.isChecked()).toBe(false);
    for (const card of await diplomacyCards().all()) expect(await card.isVisible()).toBe(false);
    expect(await page.locator('#developments > li:not([data-diplomacy])').first().isVisible()).toBe(true);
    expect(await page.locator('#axis svg .mark').count()).toBe(13);
    expect(await page.locator('#axis-note').isVisible()).toBe(false);
    expect(await text(page.locator('#treaty-status'))).toBe(statusBefore);
    await page.waitForFunction(() => document.querySelector('#announcer')?.textContent?.includes('hidden') ?? false);

    await page.keyboard.press('Space');
    await page.locator('#axis svg .mark--diplomacy').first().waitFor();
    expect(await page.locator('#axis svg .mark').count()).toBe(15);
    expect(await diplomacyCards().first().isVisible()).toBe(true);
  });

  it('shows a relation on both treaties, as links that open the other', async () => {
    const incoming = page.locator('#treaty-status .relations li[data-relation="has-protocol"]');
    expect(await text(incoming)).toBe(`Has a protocol: ${PROTOCOL.title}`);
    await incoming.getByRole('link').click();
    await page.waitForFunction(
      (title) => document.querySelector('#treaty-title')?.textContent === title,
      PROTOCOL.title,
    );
    expect(new URL(page.url()).searchParams.get('treaty')).toBe(PROTOCOL.id);
    const outgoing = page.locator('#treaty-status .relations li[data-relation="protocol-to"]');
    expect(await text(outgoing)).toBe(`Protocol to: ${CONVENTION.title}`);
    expect(await outgoing.getByRole('link').getAttribute('href')).toBe(`/?treaty=${CONVENTION.id}`);
    // A treaty with no consent yet still has its chart: one row per party, nothing to show but dashes.
    expect(await row('AT').count()).toBe(1);
    expect(await page.locator('#diplomacy-toggle').isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it("names a chamber's reading, and shows a reservation formulated at signature as confirmed or not", async () => {
    const onProtocol = (body: Record<string, unknown>) =>
      post(subject.http, `/treaties/${PROTOCOL.id}/developments`, {
        source: source({ publishedOn: isoDaysFromNow(0) }),
        ...body,
      }).expect(201);
    await onProtocol({ type: 'signed', occurredOn: '2025-02-01' });
    const formulated = await onProtocol({ type: 'reservation', party: 'AT', occurredOn: '2025-02-01', text: 'On 3' });
    await onProtocol({ type: 'reservation', party: 'CZ', occurredOn: '2025-02-01', text: 'On 4' });
    await onProtocol({
      type: 'legislative-approval',
      party: 'AT',
      body: 'Nationalrat',
      stage: 'first-reading',
      occurredOn: '2025-05-14',
    });
    for (const party of ['AT', 'CZ']) {
      await onProtocol({ type: 'consent-to-be-bound', consentType: 'ratification', party, occurredOn: '2025-07-01' });
    }
    await onProtocol({
      type: 'reservation',
      party: 'AT',
      occurredOn: '2025-07-01',
      confirmsReservationId: formulated.body.eventId,
    });

    await page.goto(`${baseUrl}/?treaty=${PROTOCOL.id}`);
    await page.locator('#party-chart tbody tr[data-party="CZ"]').waitFor();
    expect(await cellText('AT', 'reservations')).toBe(
      'Reservation, formulated 2025-02-01, confirmed 2025-07-01 On 3 open to objection until at least 2026-07-01',
    );
    expect(await cellText('CZ', 'reservations')).toBe(
      'Reservation, formulated 2025-02-01 not confirmed on consent On 4',
    );
    const reading = page.locator('#developments > li[data-type="legislative-approval"]');
    expect(await text(reading.locator('h4'))).toContain('Legislative approval: Nationalrat, first reading');
    const confirmation = page.locator('#developments > li[data-type="reservation"]').last();
    expect(await text(confirmation.locator('h4'))).toContain('Reservation confirmed on consent');
    expect(pageErrors).toEqual([]);
  });

  it("lists a state's chamber approval of joining apart from the parties, as not a party (decision 0070)", async () => {
    const joined = { ...PROTOCOL, id: 'convention-joined-later', title: 'Convention joined later', relations: [] };
    await post(subject.http, '/treaties', joined).expect(201);
    await post(subject.http, `/treaties/${joined.id}/developments`, {
      source: source({ publishedOn: isoDaysFromNow(0) }),
      type: 'legislative-approval',
      party: 'NO',
      body: 'Storting',
      occurredOn: '2025-06-10',
    }).expect(201);

    await page.goto(`${baseUrl}/?treaty=${joined.id}`);
    const norway = page.locator('#treaty-status li[data-joining="NO"]');
    await norway.waitFor();
    expect(await text(norway)).toMatch(/^NO not a party/);
    expect(await text(norway.locator('.steps > li'))).toBe('Legislative approval: Storting, 10 June 2025');
    expect(await page.locator('#treaty-status .parties > li[data-party="NO"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('fits 375 pixels: the chart scrolls on its own, keyboard-focusable, the page does not', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    try {
      const small = await phone.newPage();
      await small.goto(`${baseUrl}/?treaty=${CONVENTION.id}`);
      await small.locator('#party-chart').waitFor();
      await small.locator('#axis svg .mark--diplomacy').first().waitFor();
      const widths = await small.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        chart: document.querySelector('.table-scroll')?.getBoundingClientRect().right ?? Infinity,
        axis: document.querySelector('#axis svg')?.getBoundingClientRect().right ?? Infinity,
      }));
      expect(widths.viewport).toBe(375);
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(widths.chart).toBeLessThanOrEqual(widths.viewport);
      expect(widths.axis).toBeLessThanOrEqual(widths.viewport);
      const region = small.getByRole('region', { name: 'Parties (7) · multilateral' });
      expect(await region.getAttribute('tabindex')).toBe('0');
      await small.screenshot({ path: join(ARTIFACTS, 'treaty-law-page-375px.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('shows a treaty named but not on record as no link, marked, until it is registered (decision 0045)', async () => {
    const missing = { id: 'sample-convention-amendment', title: 'Amendment to the Sample Convention' };
    const naming = {
      id: 'sample-convention-annex',
      title: 'Annex to the Sample Convention',
      parties: ['AT', 'CZ'],
      category: 'other',
      relations: [{ type: 'builds-on', treatyId: missing.id }],
    };
    await post(subject.http, '/treaties', naming).expect(201);
    await post(subject.http, `/treaties/${naming.id}/developments`, {
      type: 'statement',
      speaker: 'A depositary official',
      quote: 'The annex follows the amendment.',
      occurredOn: '2025-06-02',
      treaties: [missing.id],
      source: source({ publishedOn: '2025-06-02' }),
    }).expect(201);
    await page.goto(`${baseUrl}/?treaty=${naming.id}`);
    const marked = page.locator(`[data-treaty-not-on-record="${missing.id}"]`);
    await marked.first().waitFor();
    // In the relations and in the statement's details: never a link to a treaty that answers 404.
    expect(await marked.count()).toBe(2);
    expect(await text(marked.first())).toBe(`${missing.id} (not on record)`);
    expect(await page.locator(`a[data-treaty-link="${missing.id}"]`).count()).toBe(0);
    // Registered: the live update brings the namer's new views, and the links are links again.
    await post(subject.http, '/treaties', { ...missing, parties: ['AT', 'CZ'], category: 'other' }).expect(201);
    await page.locator(`a[data-treaty-link="${missing.id}"]`).nth(1).waitFor();
    expect(await marked.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('lists an act recorded twice, which a correction before decision 0042 could leave, until one is retracted', async () => {
    const treaty = { id: 'page-recorded-twice', title: 'Treaty recorded twice', parties: ['RU', 'IR'] };
    const path = `/treaties/${treaty.id}/developments`;
    await post(subject.http, '/treaties', { ...treaty, category: 'other' }).expect(201);
    const vote = (occurredOn: string, publisher: string) =>
      post(subject.http, path, {
        type: 'legislative-approval',
        party: 'RU',
        body: 'Federation Council',
        occurredOn,
        source: source({ publisher, publishedOn: '2025-04-18' }),
      }).expect(201);
    await vote('2025-04-16', 'TASS');
    const wrong = (await vote('2025-04-17', 'RIA Novosti')).body.eventId as string;
    const position = await appendCorrectionMadeBefore0042(subject, treaty.id, wrong, '2025-04-16');
    await request(subject.http).get(`/treaties/${treaty.id}?minPosition=${position}`).expect(200);

    await page.goto(`${baseUrl}/?treaty=${treaty.id}`);
    const listed = page.locator('#recorded-twice');
    await listed.waitFor();
    expect(await text(listed.locator('h4'))).toBe('Recorded more than once');
    expect(await text(listed.locator('li'))).toBe(
      'Legislative approval (RU): one act, on record as 2 developments; an editor has yet to retract the ones recorded in error.',
    );
    await post(subject.http, `${path}/${wrong}/retractions`, {
      reason: 'The same vote as TASS reported',
      source: source({ publishedOn: '2025-04-19' }),
    }).expect(201);
    await page.reload();
    await page.locator('#party-chart tbody tr[data-party="RU"]').waitFor();
    expect(await page.locator('#recorded-twice').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('shows a withdrawal known only to its month as the days it may have taken effect on (decision 0115)', async () => {
    // Notified "2025-07" under 180 days' notice: in effect on one day from 2025-12-28 to 2026-01-27, whichever day of
    // July it was given, and certainly by the last (long past today). The two days share no year: none is shown.
    const treaty = {
      id: 'page-coarse-withdrawal',
      title: 'Convention withdrawn from in a month',
      parties: ['AT', 'BE', 'CZ'],
      category: 'other',
      kind: 'multilateral',
      entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
      withdrawalNoticeDays: 180,
    };
    const path = `/treaties/${treaty.id}/developments`;
    const act = (body: Record<string, unknown>) =>
      post(subject.http, path, { source: source({ publishedOn: '2025-08-01' }), ...body }).expect(201);
    await post(subject.http, '/treaties', treaty).expect(201);
    await act({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-01-10' });
    await act({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'BE', occurredOn: '2025-02-01' });
    await act({ type: 'withdrawal-notified', party: 'AT', occurredOn: '2025-07' });
    // Notified "2025-04": in effect on one day from 2025-09-28 to 2025-10-27, shown as the year both share ("2025").
    await act({ type: 'withdrawal-notified', party: 'BE', occurredOn: '2025-04' });
    // CZ notified in July too, and a later report says the day it left: the report is shown, not the span.
    await act({ type: 'consent-to-be-bound', consentType: 'ratification', party: 'CZ', occurredOn: '2025-03-01' });
    await act({ type: 'withdrawal-notified', party: 'CZ', occurredOn: '2025-07' });
    await act({ type: 'withdrawn', party: 'CZ', occurredOn: '2025-12-30' });

    await page.goto(`${baseUrl}/?treaty=${treaty.id}`);
    await row('AT').waitFor();
    expect(await row('AT').getAttribute('data-withdrawn')).toBe('');
    expect(await cellText('AT', 'withdrawal')).toBe(
      'notified 2025-07 (known only to the month) took effect between 2025-12-28 and 2026-01-27 computed',
    );
    expect(await text(page.locator('#treaty-status .parties > li[data-party="AT"]'))).toContain(
      'withdrew between 28 December 2025 and 27 January 2026',
    );
    expect(await cellText('BE', 'withdrawal')).toBe(
      'notified 2025-04 (known only to the month) took effect between 2025-09-28 and 2025-10-27 computed',
    );
    expect(await cellText('CZ', 'withdrawal')).toBe(
      'notified 2025-07 (known only to the month) took effect 2025-12-30',
    );
    expect(await text(page.locator('#treaty-status .parties > li[data-party="CZ"]'))).toContain(
      'withdrew on 30 December 2025',
    );
    expect(await row('CZ').getAttribute('data-withdrawn')).toBe('');
    // Greyed from the last day the effect may fall on, not from the end of the year it is shown as.
    await page.getByLabel('Date', { exact: true }).fill('2025-11-01');
    await page.waitForSelector('#status-as-of:text-is("as of 1 November 2025")');
    expect(await row('BE').getAttribute('data-withdrawn')).toBe('');
    expect(await row('AT').getAttribute('data-withdrawn')).toBeNull();
    await page.getByRole('button', { name: 'Today' }).click();
    await page.waitForSelector('#status-as-of:text-is("today")');
    expect(pageErrors).toEqual([]);
  });

  it('names every type of development in words, never by its token', async () => {
    await page.goto(`${baseUrl}/`);
    const unnamed = await page.evaluate(async (types: readonly string[]) => {
      const served = '/page/labels.js'; // the browser's import, not the test's: by a name TypeScript does not resolve
      const labels = (await import(served)) as { developmentLabel(type: string): string };
      return types.filter((type) => labels.developmentLabel(type) === type);
    }, DEVELOPMENT_TYPES);
    expect(unnamed).toEqual([]);
  });
});
