import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { INPUT_LIMITS, PARTIAL_DATE_PATTERN, TREATY_ID_PATTERN } from '@timeline/treaty';
import { KEYS } from '../support/api-keys';
import { launchChromium } from '../support/chromium';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, signature, source, storedEvents } from '../support/treaty-requests';

const ARTIFACTS = resolve('artifacts');
const TREATY = 'fr-de-desk-test-treaty';
const ARTICLE =
  'Berlin, 12 May 2025. The Bundestag on Friday approved the Franco-German desk treaty, officials said. ' +
  'France signed it in March.';

// The functions given to page.evaluate run in the browser; the project compiles without the DOM library.
declare const sessionStorage: { getItem(key: string): string | null };
declare const localStorage: { readonly length: number };
declare const document: { readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number } };

describe("The editors' desk at /desk, in headless Chromium", () => {
  let subject: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];
  const extractionRequests: unknown[] = [];

  const field = (form: string, name: string) => page.locator(`#${form}-form-${name.replace(/\./g, '-')}`);
  const events = () => storedEvents(subject, TREATY);
  const card = (text: string) => page.locator('#view-developments > li', { hasText: text });
  /** The desk opened afresh with the editor's key, an article pasted under "From an article" (not yet read). */
  const pasteArticle = async (text: string, publishedOn: string, publisher: string) => {
    await page.goto(`${baseUrl}/desk`);
    await page.waitForSelector('body[data-ready="true"]');
    if ((await page.locator('#key-state').getAttribute('data-state')) !== 'set') {
      await page.getByLabel('Editor API key').fill(KEYS.editor);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await page.waitForSelector('#key-state[data-state="set"]');
    }
    await page.getByRole('tab', { name: 'From an article' }).click();
    await field('extract', 'text').fill(text);
    await field('extract', 'publishedOn').fill(publishedOn);
    await field('extract', 'publisher').fill(publisher);
  };
  /** The form's source: an article of `publishedOn`, which must not come before the act it reports. */
  const fillSource = async (form: string, quote: string, publishedOn = '2025-05-12') => {
    await field(form, 'source.publisher').fill('Desk Test Gazette');
    await field(form, 'source.publishedOn').fill(publishedOn);
    await field(form, 'source.quote').fill(quote);
  };

  beforeAll(async () => {
    browser = await launchChromium();
    subject = await startTestApp();
    await subject.app.listen(0, '127.0.0.1');
    baseUrl = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    mkdirSync(ARTIFACTS, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(5_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('status of 4')) pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await subject?.close();
  });

  it("shows each field's rule from the API's OpenAPI document and keeps the key in sessionStorage only", async () => {
    await page.goto(`${baseUrl}/desk`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('tab', { name: 'Register' }).click();
    // One form at a time: the tab's.
    for (const other of ['report', 'correct', 'retract', 'extract']) {
      expect(await page.locator(`#${other}-form`).isHidden()).toBe(true);
    }
    expect(await page.getByRole('tab', { name: 'Register' }).getAttribute('aria-selected')).toBe('true');
    // The tabs follow the arrow keys, as a tab list does.
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#tab-report[aria-selected="true"]');
    expect(await page.locator('#register-form').isHidden()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#tab-register[aria-selected="true"]');
    // The rules come from /docs-json: the register schema's title limit and id pattern, and its category enum.
    expect(await page.locator('#register-form-title-rule').textContent()).toBe('required · at most 300 characters');
    expect(await page.locator('#register-form-id-rule').textContent()).toContain('matches ^[a-z0-9][a-z0-9-]{2,80}$');
    expect(await field('register', 'category').locator('option').allTextContents()).toEqual([
      'partnership',
      'trade',
      'security',
      'other',
    ]);
    expect(await field('register', 'title').getAttribute('aria-describedby')).toContain('register-form-title-rule');

    await page.getByLabel('Editor API key').fill(KEYS.editor);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.waitForSelector('#key-state[data-state="set"]');
    expect(await page.evaluate(() => sessionStorage.getItem('treaty-timeline.desk.api-key'))).toBe(KEYS.editor);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.getByLabel('Editor API key').inputValue()).toBe('');
  });

  it('registers a treaty: the preview appends nothing, the submission appends it', async () => {
    await field('register', 'id').fill(TREATY);
    await field('register', 'title').fill('Franco-German desk treaty');
    await field('register', 'parties').fill('FR, DE');
    await field('register', 'category').selectOption('other');
    await page.locator('#register-form [data-action="preview"]').click();
    await page.waitForSelector('#treaty[data-mode="preview"] #overall-status[data-status="registered"]');
    expect(await events()).toHaveLength(0);

    await page.locator('#register-form [data-action="submit"]').click();
    await page.waitForSelector('#outcome:not([hidden])');
    expect(await page.locator('#outcome').textContent()).toBe('Recorded: TreatyRegistered, revision 0.');
    expect(await events()).toHaveLength(1);
    expect(await page.locator('#treaty-select').inputValue()).toBe(TREATY);
    expect(await page.locator('#read-state').textContent()).toContain('If-Match "0"');
  });

  it("shows the API's validation problems beside the fields they name", async () => {
    await page.getByRole('tab', { name: 'Report' }).click();
    await field('report', 'type').selectOption('signed');
    await field('report', 'occurredOn').fill('2025-03');
    await field('report', 'source.publishedOn').fill('2025-05-12');
    await page.locator('#report-form [data-action="submit"]').click();
    const error = page.locator('#report-form-source-publisher-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('publisher');
    expect(await field('report', 'source.publisher').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-form-error').textContent()).toContain('VALIDATION_FAILED');
    expect(await events()).toHaveLength(1);
  });

  it('reports a development: preview first, then a double click posts it once', async () => {
    await fillSource('report', 'France signed it in March.');
    await field('report', 'signatories').fill('Emmanuel Macron, Olaf Scholz');
    await page.locator('#report-form [data-action="preview"]').click();
    await page.waitForSelector('#treaty[data-mode="preview"] #overall-status[data-status="signed"]');
    expect(await page.locator('#view-developments > li[data-preview="true"]').count()).toBe(1);
    expect(await page.locator('#view-note').textContent()).toContain('Nothing has been written');
    expect(await events()).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, 'desk-preview.png'), fullPage: true });

    await page.locator('#report-form [data-action="submit"]').dblclick();
    await page.waitForSelector('#outcome:text-is("Recorded: TreatySigned, revision 1.")');
    await page.waitForSelector('#treaty[data-mode="read"] #overall-status[data-status="signed"]');
    expect(await events()).toHaveLength(2);
    expect((await events())[1]?.data).toMatchObject({ signatories: ['Emmanuel Macron', 'Olaf Scholz'] });
    const idempotency = (await events())[1]?.metadata.idempotency as { key?: string } | undefined;
    expect(idempotency?.key).toMatch(/^desk-[0-9a-f-]{36}$/);
    await page.screenshot({ path: join(ARTIFACTS, 'desk-report.png'), fullPage: true });
  });

  it('on 412 shows what another editor wrote since the read, and lets the editor decide again', async () => {
    await field('report', 'type').selectOption('legislative-approval');
    await field('report', 'occurredOn').fill('2025-05-09');
    await field('report', 'party').fill('DE');
    await field('report', 'body').fill('Bundestag');
    await fillSource('report', 'The Bundestag on Friday approved the Franco-German desk treaty');
    // Between the editor's read and the submission, someone else writes.
    await post(subject.http, `/treaties/${TREATY}/developments`, {
      type: 'legislative-approval',
      party: 'FR',
      body: 'Assemblée nationale',
      occurredOn: '2025-05-06',
      source: source({ publisher: 'Other Editor Wire', publishedOn: '2025-05-07' }),
    }).expect(201);

    await page.locator('#report-form [data-action="submit"]').click();
    await page.waitForSelector('#conflict:not([hidden])');
    const conflict = await page.locator('#conflict').textContent();
    expect(conflict).toContain('You decided on revision 1; the treaty is now at revision 2');
    expect(conflict).toContain('Assemblée nationale');
    expect(await page.locator('#view-developments > li[data-changed="true"]').count()).toBe(1);
    expect(await events()).toHaveLength(3);
    expect(await field('report', 'body').inputValue()).toBe('Bundestag');
    await page.screenshot({ path: join(ARTIFACTS, 'desk-conflict.png'), fullPage: true });

    await page.locator('#report-form [data-action="submit"]').click();
    await page.waitForSelector('#outcome:text-is("Recorded: LegislativeApprovalGiven, revision 3.")');
    expect(await events()).toHaveLength(4);
    expect(await page.locator('#conflict').isHidden()).toBe(true);
  });

  it('corrects a development', async () => {
    await page.getByRole('tab', { name: 'Correct' }).click();
    const signed = (await events())[1]!.id;
    await field('correct', 'developmentId').selectOption(signed);
    await field('correct', 'changes.place').fill('Aachen');
    await field('correct', 'reason').fill('The article names the place');
    await fillSource('correct', 'France signed it in March.');
    await page.locator('#correct-form [data-action="preview"]').click();
    await page.waitForSelector('#treaty[data-mode="preview"] .development[data-preview="true"]');
    expect(await page.locator('.development[data-preview="true"]').textContent()).toContain('Aachen');
    await page.locator('#correct-form [data-action="submit"]').click();
    await page.waitForSelector('#outcome:text-is("Recorded: DevelopmentCorrected, revision 4.")');
    expect((await events())[4]).toMatchObject({ type: 'DevelopmentCorrected', data: { developmentId: signed } });
    expect(await card('Signed').textContent()).toContain('Aachen');
  });

  it('retracts a development', async () => {
    await page.getByRole('tab', { name: 'Retract' }).click();
    const otherEditors = (await events())[2]!.id;
    await field('retract', 'developmentId').selectOption(otherEditors);
    await field('retract', 'reason').fill('Confused with a committee vote');
    await fillSource('retract', 'The Bundestag on Friday approved');
    await page.locator('#retract-form [data-action="submit"]').click();
    await page.waitForSelector('#outcome:text-is("Recorded: DevelopmentRetracted, revision 5.")');
    expect(await card('Assemblée nationale').getAttribute('data-retracted')).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'desk-retraction.png'), fullPage: true });
  });

  it('pastes an article, highlights the proposals, and an accepted one appears on the timeline page live', async () => {
    // The page against the route's contract, with an answer chosen to cover overlap-free marks and a rejection.
    const quote = 'The Bundestag on Friday approved the Franco-German desk treaty, officials said.';
    const quoteStart = ARTICLE.indexOf(quote);
    const proposal = {
      treatyId: TREATY,
      parties: ['DE'],
      type: 'ratification-completed',
      party: 'DE',
      occurredOn: '2025-05-09',
      precision: 'day',
      dateReasoning: '"on Friday" before the publication date 2025-05-12 (Monday) → 2025-05-09',
      quote,
      quoteStart,
      quoteEnd: quoteStart + quote.length,
      confidence: 0.8,
      alreadyRecorded: null,
    };
    const rejected = { ...proposal, type: 'signed', party: undefined, quote: 'France signed it in March.' };
    rejected.quoteStart = ARTICLE.indexOf(rejected.quote);
    rejected.quoteEnd = rejected.quoteStart + rejected.quote.length;
    await page.route('**/extractions', async (route) => {
      extractionRequests.push({
        body: route.request().postDataJSON() as unknown,
        auth: route.request().headers()['authorization'],
      });
      await route.fulfill({ status: 200, json: { proposals: [proposal, rejected] } });
    });

    const timeline = await page.context().newPage();
    await timeline.goto(`${baseUrl}/?treaty=${TREATY}`);
    await timeline.waitForSelector('#live-state[data-state="open"]');
    expect(await timeline.locator('#developments > li').count()).toBe(3);

    await page.getByRole('tab', { name: 'From an article' }).click();
    await field('extract', 'text').fill(ARTICLE);
    await field('extract', 'publishedOn').fill('2025-05-12');
    await field('extract', 'publisher').fill('Desk Test Gazette');
    await field('extract', 'url').fill('https://example.org/bundestag');
    await page.locator('#extract-form [data-action="submit"]').click();
    await page.waitForSelector('#article-text mark');
    expect(extractionRequests).toEqual([
      {
        body: {
          text: ARTICLE,
          publishedOn: '2025-05-12',
          publisher: 'Desk Test Gazette',
          url: 'https://example.org/bundestag',
        },
        auth: `Bearer ${KEYS.editor}`,
      },
    ]);
    expect(await page.locator('#article-text mark').allTextContents()).toEqual([`[1]${quote}`, `[2]${rejected.quote}`]);
    expect(await page.locator('#article-text').textContent()).toBe(
      ARTICLE.replace(quote, `[1]${quote}`).replace(rejected.quote, `[2]${rejected.quote}`),
    );

    const second = page.locator('.proposal[data-number="2"]');
    await second.getByRole('button', { name: 'Reject' }).click();
    expect(await second.getAttribute('data-state')).toBe('rejected');
    const first = page.locator('.proposal[data-number="1"]');
    // What was typed for another report is not posted with the proposal.
    await page.getByRole('tab', { name: 'Report' }).click();
    await field('report', 'text').fill('Left over from an earlier report');
    await field('report', 'votes.for').fill('3');
    await page.getByRole('tab', { name: 'From an article' }).click();
    // Edit: the report form, filled from the proposal and the paste form, for the editor to change.
    await first.getByRole('button', { name: 'Edit' }).click();
    await page.waitForSelector('#tab-report[aria-selected="true"]');
    expect(await field('report', 'text').inputValue()).toBe('');
    expect(await field('report', 'votes.for').inputValue()).toBe('');
    expect(await field('report', 'type').inputValue()).toBe('ratification-completed');
    expect(await field('report', 'occurredOn').inputValue()).toBe('2025-05-09');
    expect(await field('report', 'source.quote').inputValue()).toBe(quote);
    expect(await field('report', 'source.url').inputValue()).toBe('https://example.org/bundestag');
    expect(await events()).toHaveLength(6);
    await page.getByRole('tab', { name: 'From an article' }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-extraction.png'), fullPage: true });
    await first.getByRole('button', { name: 'Accept' }).click();
    await page.waitForSelector('.proposal[data-number="1"][data-state="accepted"]');

    const stored = (await events()).at(-1)!;
    expect(stored).toMatchObject({
      type: 'RatificationCompleted',
      data: {
        party: 'DE',
        occurredOn: '2025-05-09',
        source: {
          publisher: 'Desk Test Gazette',
          publishedOn: '2025-05-12',
          url: 'https://example.org/bundestag',
          quote,
        },
      },
    });
    expect(await events()).toHaveLength(7);
    // The timeline page, open all along, shows it without a reload.
    await timeline.locator('#developments > li', { hasText: 'officials said' }).waitFor();
    expect(await timeline.locator('#developments > li').count()).toBe(4);
    await timeline.screenshot({ path: join(ARTIFACTS, 'desk-timeline-after-accept.png'), fullPage: true });
    await timeline.close();
    await page.unroute('**/extractions');
    expect(pageErrors).toEqual([]);
  });

  it('runs the real extraction: an article about a registered treaty, a proposal accepted, live on the timeline', async () => {
    await post(subject.http, '/treaties', RU_IR).expect(201);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    const text =
      'Russia’s upper house, the Federation Council, on Wednesday approved the strategic partnership treaty with Iran by 160 votes to 1.\n' +
      'Lawmakers in Russia’s lower-house State Duma ratified the 20-year strategic partnership treaty with Iran on\n' +
      'April 8, the Kremlin said.';
    const timeline = await page.context().newPage();
    await timeline.goto(`${baseUrl}/?treaty=${RU_IR.id}`);
    await timeline.waitForSelector('#live-state[data-state="open"]');
    expect(await timeline.locator('#developments > li').count()).toBe(1);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('tab', { name: 'From an article' }).click();
    // With the route merged, its request schema gives the paste form its rules too.
    expect(await page.locator('#extract-form-text-rule').textContent()).toMatch(/^required · at most \d+ characters$/);
    await field('extract', 'text').fill(text);
    await field('extract', 'publishedOn').fill('2025-04-16');
    await field('extract', 'publisher').fill('Test Wire');
    await page.locator('#extract-form [data-action="submit"]').click();
    const council = page.locator('.proposal', { hasText: 'Federation Council' });
    await council.waitFor();
    expect(await council.textContent()).toContain('2025-04-16 (to the day)');
    const marked = (await page.locator('#article-text mark').allTextContents()).join(' ');
    expect(marked).toContain('the Federation Council, on Wednesday approved');
    // The article shows as pasted: the marks add only their numbers.
    expect((await page.locator('#article-text').textContent())?.replace(/\[\d+\]/g, '')).toBe(text);
    const before = (await storedEvents(subject, RU_IR.id)).length;
    await council.getByRole('button', { name: 'Accept' }).click();
    await page.waitForSelector('.proposal[data-state="accepted"]');
    const stored = (await storedEvents(subject, RU_IR.id)).at(-1)!;
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before + 1);
    expect(stored).toMatchObject({
      type: 'LegislativeApprovalGiven',
      data: {
        party: 'RU',
        body: 'Federation Council',
        occurredOn: '2025-04-16',
        // The counts the sentence writes, proposed and posted with the vote.
        votes: { for: 160, against: 1 },
        source: { publisher: 'Test Wire' },
      },
    });
    const quote = (stored.data as { source: { quote: string } }).source.quote;
    expect(text).toContain(quote);
    await timeline.locator('#developments > li', { hasText: 'Federation Council' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'desk-extraction-real.png'), fullPage: true });
    await timeline.close();
    expect(pageErrors).toEqual([]);
  });

  it('accepts a proposal on record as its corroboration, without the vote count the record lacks, and once', async () => {
    expect([201, 409]).toContain((await post(subject.http, '/treaties', RU_IR)).status);
    const vote = { type: 'legislative-approval', party: 'RU', body: 'State Duma', occurredOn: '2025-04-08' };
    const recorded = await post(subject.http, `/treaties/${RU_IR.id}/developments`, {
      ...vote,
      source: { publisher: 'IRNA', publishedOn: '2025-04-08' },
    }).expect(201);
    const text = 'The State Duma ratified the partnership treaty with Iran on Tuesday by 400 votes to 2.';
    await pasteArticle(text, '2025-04-09', 'Desk Wire');
    const duma = page.locator('.proposal', { hasText: 'State Duma' });
    await page.locator('#extract-form [data-action="submit"]').click();
    await duma.waitFor();
    expect(await duma.locator('.on-record').textContent()).toBe(
      'already: accepting adds this source, without what the record does not hold: votes 400 for, 2 against (on record: none). To record it, correct the development',
    );
    await duma.getByRole('button', { name: 'Accept' }).click();
    // Posted as proposed, the vote count would have been refused (DETAILS_NOT_ON_RECORD).
    await page.waitForSelector('.proposal[data-state="accepted"]');
    const corroboration = (await storedEvents(subject, RU_IR.id)).at(-1)!;
    expect(corroboration).toMatchObject({
      type: 'DevelopmentCorroborated',
      data: { developmentId: recorded.body.eventId, source: { publisher: 'Desk Wire', quote: text } },
    });
    expect(corroboration.data).not.toHaveProperty('votes');

    // The same article read again: its source is on record, and a report again would be refused as a repeat.
    await page.locator('#extract-form [data-action="submit"]').click();
    await page.waitForSelector('.proposal[data-state="on-record"]');
    expect(await duma.locator('.on-record').textContent()).toBe('already, from this article: nothing to add');
    expect(await duma.getByRole('button', { name: 'Accept' }).isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("accepts a statement proposed from an article: the speaker's state is posted among the parties it concerns", async () => {
    // The treaty may be registered already by the test before: either answer leaves it registered.
    expect([201, 409]).toContain((await post(subject.http, '/treaties', RU_IR)).status);
    const text = '“The treaty opens a new chapter,” Iranian Foreign Minister Abbas Araghchi said on Tuesday.';
    await pasteArticle(text, '2025-04-08', 'Test Wire');
    await page.locator('#extract-form [data-action="submit"]').click();
    const statement = page.locator('.proposal[data-type="statement"]', { hasText: 'Abbas Araghchi' });
    await statement.waitFor();
    const before = (await storedEvents(subject, RU_IR.id)).length;
    await statement.getByRole('button', { name: 'Accept' }).click();
    // The extraction names the speaker's state as the proposal's `party`, which a statement does not take: posted
    // as such, the API refused every statement proposal (FIELD_NOT_APPLICABLE) and the editor had to clear it.
    await page.waitForSelector('.proposal[data-type="statement"][data-state="accepted"]');
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before + 1);
    expect((await storedEvents(subject, RU_IR.id)).at(-1)).toMatchObject({
      type: 'StatementMade',
      data: {
        speaker: 'Abbas Araghchi',
        parties: ['IR'],
        occurredOn: '2025-04-08',
        source: { publisher: 'Test Wire' },
      },
    });
    expect(pageErrors).toEqual([]);
  });

  it('reports a reservation confirmed on consent, naming the one it confirms from the treaty as read', async () => {
    const treaty = { id: 'fr-de-desk-reservations', title: 'Desk reservations treaty', parties: ['FR', 'DE'] };
    const developments = `/treaties/${treaty.id}/developments`;
    await post(subject.http, '/treaties', { ...treaty, category: 'other' }).expect(201);
    await post(
      subject.http,
      developments,
      signature({ occurredOn: '2025-03-10', source: source({ publishedOn: '2025-03-11' }) }),
    ).expect(201);
    const atSignature = async (party: string, text: string) =>
      (
        await post(subject.http, developments, {
          type: 'reservation',
          party,
          occurredOn: '2025-03-10',
          text,
          source: source({ publishedOn: '2025-03-11' }),
        }).expect(201)
      ).body.eventId as string;
    const french = await atSignature('FR', 'Article 5 does not apply to French Polynesia');
    const german = await atSignature('DE', 'Article 7 is read as a declaration');

    await page.goto(`${baseUrl}/desk?treaty=${treaty.id}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#key-state[data-state="set"]');
    await page.getByRole('tab', { name: 'Report' }).click();
    const confirms = field('report', 'confirmsReservationId');
    // The rule is the API's (its schema: optional, a uuid); the choices, the reservations on record.
    expect(await page.locator('#report-form-confirmsReservationId-rule').textContent()).toBe(
      'optional · uuid · from the treaty as you read it',
    );
    await page.waitForSelector(`#report-form-confirmsReservationId option[value="${german}"]`, { state: 'attached' });
    expect(await confirms.locator('option').allTextContents()).toEqual([
      'None: a reservation of its own',
      '2025-03-10 · FR · Article 5 does not apply to French Polynesia',
      '2025-03-10 · DE · Article 7 is read as a declaration',
    ]);
    const ownEvents = () => storedEvents(subject, treaty.id);
    const before = (await ownEvents()).length;

    // Another party's reservation: the API refuses it, and the desk says so beside the field.
    await field('report', 'type').selectOption('reservation');
    await field('report', 'occurredOn').fill('2025-06-30');
    await field('report', 'party').fill('FR');
    await confirms.selectOption(german);
    await fillSource('report', 'France confirmed its reservation on ratification.', '2025-07-01');
    await page.locator('#report-form [data-action="submit"]').click();
    const error = page.locator('#report-form-confirmsReservationId-error');
    await error.waitFor();
    expect(await confirms.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#report-form-error').textContent()).toContain('RESERVATION_NOT_FOUND');
    expect(await ownEvents()).toHaveLength(before);

    await confirms.selectOption(french);
    await page.locator('#report-form [data-action="submit"]').click();
    await page.waitForSelector(`#outcome:text-is("Recorded: ReservationMade, revision ${before}.")`);
    expect((await ownEvents()).at(-1)).toMatchObject({
      type: 'ReservationMade',
      data: { party: 'FR', occurredOn: '2025-06-30', confirmsReservationId: french },
    });
    // A confirmation confirms none itself: it is not offered, and the form starts again from none.
    await page.waitForSelector('#treaty[data-mode="read"]');
    expect(await confirms.inputValue()).toBe('');
    expect(await confirms.locator('option').allTextContents()).toHaveLength(3);

    // Left empty, the field is not posted: a reservation of its own.
    await field('report', 'type').selectOption('reservation');
    await field('report', 'occurredOn').fill('2025-06-30');
    await field('report', 'party').fill('DE');
    await fillSource('report', 'Germany made a reservation of its own on ratification.', '2025-07-01');
    await page.locator('#report-form [data-action="submit"]').click();
    await page.waitForSelector(`#outcome:text-is("Recorded: ReservationMade, revision ${before + 1}.")`);
    expect((await ownEvents()).at(-1)?.data).not.toHaveProperty('confirmsReservationId');
    expect(pageErrors).toEqual([]);
  });

  /** Registers a treaty of France and Germany over HTTP and opens it on the desk's report form. */
  const openOnDesk = async (id: string, title: string) => {
    await post(subject.http, '/treaties', { id, title, parties: ['FR', 'DE'], category: 'other' }).expect(201);
    await page.goto(`${baseUrl}/desk?treaty=${id}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#key-state[data-state="set"]');
    await page.getByRole('tab', { name: 'Report' }).click();
    return () => storedEvents(subject, id);
  };
  const submit = async (form: string, revision: number, eventType: string) => {
    await page.locator(`#${form}-form [data-action="submit"]`).click();
    await page.waitForSelector(`#outcome:text-is("Recorded: ${eventType}, revision ${revision}.")`);
    await page.waitForSelector('#treaty[data-mode="read"]');
  };

  it('reports an objection: the reservation it concerns from the treaty as read, the reserving party, its wording', async () => {
    const treaty = 'fr-de-desk-objections';
    await post(subject.http, '/treaties', {
      id: treaty,
      title: 'Desk objections treaty',
      parties: ['FR', 'DE'],
      category: 'other',
    }).expect(201);
    const reserve = async (body: Record<string, unknown>) =>
      (
        await post(subject.http, `/treaties/${treaty}/developments`, {
          type: 'reservation',
          party: 'DE',
          source: source({ publishedOn: '2025-07-01' }),
          ...body,
        }).expect(201)
      ).body.eventId as string;
    const formulated = await reserve({ occurredOn: '2025-03-10', text: 'Article 5 does not apply to Heligoland' });
    const confirmed = await reserve({ occurredOn: '2025-06-30', confirmsReservationId: formulated });
    await page.goto(`${baseUrl}/desk?treaty=${treaty}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('tab', { name: 'Report' }).click();
    const ownEvents = () => storedEvents(subject, treaty);
    const concerned = field('report', 'reservationId');
    expect(await page.locator('#report-form-reservationId-rule').textContent()).toBe(
      'optional · uuid · from the treaty as you read it',
    );
    expect(await page.locator('#report-form-againstParty-rule').textContent()).toContain('optional');
    expect(await page.locator('#report-form-text-rule').textContent()).toMatch(/^optional · at most \d+ characters$/);
    // An objection may name a confirmation too: it concerns the reservation confirmed (decision 0023).
    await page.waitForSelector(`#report-form-reservationId option[value="${confirmed}"]`, { state: 'attached' });
    expect(await concerned.locator('option').allTextContents()).toEqual([
      "None named: all the party's reservations",
      '2025-03-10 · DE · Article 5 does not apply to Heligoland',
      '2025-06-30 · DE · (confirmed on consent)',
    ]);
    expect(await field('report', 'confirmsReservationId').locator('option').allTextContents()).toHaveLength(2);

    await field('report', 'type').selectOption('objection');
    await field('report', 'occurredOn').fill('2025-07-15');
    await field('report', 'party').fill('FR');
    await field('report', 'againstParty').fill('Germany');
    await concerned.selectOption(formulated);
    await field('report', 'text').fill('France objects to the reservation on Heligoland');
    await fillSource('report', 'France objected to the German reservation.', '2025-07-16');
    // Not a party code: the API's refusal shows beside the field.
    await page.locator('#report-form [data-action="submit"]').click();
    const refused = page.locator('#report-form-againstParty-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('againstParty must be a code');
    expect(await field('report', 'againstParty').getAttribute('aria-invalid')).toBe('true');
    // The reservation chosen is not Italy's: the domain's refusal names the field too.
    await field('report', 'againstParty').fill('IT');
    await page.locator('#report-form [data-action="submit"]').click();
    await page.waitForSelector('#report-form-error:has-text("RESERVATION_NOT_FOUND")');
    expect(await page.locator('#report-form-reservationId-error').isVisible()).toBe(true);
    expect(await ownEvents()).toHaveLength(3);

    await field('report', 'againstParty').fill('DE');
    await submit('report', 3, 'ObjectionMade');
    expect((await ownEvents()).at(-1)?.data).toMatchObject({
      party: 'FR',
      occurredOn: '2025-07-15',
      againstParty: 'DE',
      reservationId: formulated,
      text: 'France objects to the reservation on Heligoland',
    });
    // The choice is not kept once recorded; left empty, it is not posted (the objection concerns them all).
    expect(await concerned.inputValue()).toBe('');
    await field('report', 'type').selectOption('objection');
    await field('report', 'occurredOn').fill('2025-07-16');
    await field('report', 'party').fill('FR');
    await field('report', 'againstParty').fill('DE');
    await fillSource('report', 'France objected to every German reservation.', '2025-07-17');
    await submit('report', 4, 'ObjectionMade');
    const all = (await ownEvents()).at(-1)?.data;
    expect(all).toMatchObject({ party: 'FR', againstParty: 'DE' });
    expect(all).not.toHaveProperty('reservationId');
    expect(all).not.toHaveProperty('text');
    expect(pageErrors).toEqual([]);
  });

  it("reports a withdrawal's date of effect and a succession's date, and corrects them", async () => {
    const ownEvents = await openOnDesk('fr-de-desk-dates', 'Desk dates treaty');
    expect(await page.locator('#report-form-effectiveOn-rule').textContent()).toBe(
      `optional · matches ${PARTIAL_DATE_PATTERN.source}`,
    );
    await field('report', 'type').selectOption('withdrawal-notified');
    await field('report', 'occurredOn').fill('2025-04-01');
    await field('report', 'party').fill('FR');
    await field('report', 'effectiveOn').fill('2025-03');
    await fillSource('report', 'France notified its withdrawal, effective in a year.');
    await page.locator('#report-form [data-action="submit"]').click();
    await page.waitForSelector('#report-form-error:has-text("EFFECTIVE_BEFORE_NOTIFICATION")');
    expect(await page.locator('#report-form-effectiveOn-error').textContent()).toContain('before the notification');
    expect(await field('report', 'effectiveOn').getAttribute('aria-invalid')).toBe('true');
    await field('report', 'effectiveOn').fill('2026-04-01');
    await submit('report', 1, 'WithdrawalNotified');
    const withdrawal = (await ownEvents()).at(-1)!;
    expect(withdrawal.data).toMatchObject({ party: 'FR', occurredOn: '2025-04-01', effectiveOn: '2026-04-01' });

    await field('report', 'type').selectOption('consent-to-be-bound');
    await field('report', 'occurredOn').fill('1993-05-28');
    await field('report', 'party').fill('SK');
    await field('report', 'consentType').selectOption('succession');
    await field('report', 'successionOn').fill('1993-01-01');
    await fillSource('report', 'Slovakia notified its succession.');
    await submit('report', 2, 'ConsentToBeBoundExpressed');
    const succession = (await ownEvents()).at(-1)!;
    expect(succession.data).toMatchObject({ party: 'SK', consentType: 'succession', successionOn: '1993-01-01' });

    await page.getByRole('tab', { name: 'Correct' }).click();
    await field('correct', 'developmentId').selectOption(withdrawal.data.developmentId as string);
    await field('correct', 'changes.effectiveOn').fill('2026-03-31');
    await field('correct', 'reason').fill('The depositary gives the last day of March');
    await fillSource('correct', 'The withdrawal takes effect on 31 March.');
    await submit('correct', 3, 'DevelopmentCorrected');
    expect((await ownEvents()).at(-1)?.data).toMatchObject({ changes: { effectiveOn: '2026-03-31' } });

    await field('correct', 'developmentId').selectOption(succession.data.developmentId as string);
    await field('correct', 'changes.successionOn').fill('1993-01');
    await field('correct', 'reason').fill('The source gives the month only');
    await fillSource('correct', 'Slovakia succeeded in January 1993.');
    await submit('correct', 4, 'DevelopmentCorrected');
    expect((await ownEvents()).at(-1)?.data.changes).toEqual({ successionOn: '1993-01' });
    expect(pageErrors).toEqual([]);
  });

  it("reports a chamber's vote counts as numbers, each only when filled, and corrects them", async () => {
    const ownEvents = await openOnDesk('fr-de-desk-votes', 'Desk votes treaty');
    expect(await page.locator('#report-form-votes-for-rule').textContent()).toMatch(
      /^optional · a whole number · at least 0 · at most \d+$/,
    );
    await field('report', 'type').selectOption('legislative-approval');
    await field('report', 'occurredOn').fill('2025-05-09');
    await field('report', 'party').fill('DE');
    await field('report', 'body').fill('Bundestag');
    await field('report', 'votes.for').fill('412');
    await field('report', 'votes.against').fill('0');
    await fillSource('report', 'The Bundestag approved it by 412 votes to none.');
    await submit('report', 1, 'LegislativeApprovalGiven');
    const approval = (await ownEvents()).at(-1)!;
    // Zero is a count, posted as a number; the abstentions, left empty, are not posted.
    expect(approval.data.votes).toEqual({ for: 412, against: 0 });

    await page.getByRole('tab', { name: 'Correct' }).click();
    await field('correct', 'developmentId').selectOption(approval.data.developmentId as string);
    await field('correct', 'changes.votes.for').fill('410.5');
    await field('correct', 'reason').fill('The record of the sitting gives other counts');
    await fillSource('correct', 'The Bundestag approved it by 410 votes to 2, with 1 abstention.');
    await page.locator('#correct-form [data-action="submit"]').click();
    const refused = page.locator('#correct-form-changes-votes-for-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('integer');
    await field('correct', 'changes.votes.for').fill('410');
    await field('correct', 'changes.votes.against').fill('2');
    await field('correct', 'changes.votes.abstained').fill('1');
    await submit('correct', 2, 'DevelopmentCorrected');
    expect((await ownEvents()).at(-1)?.data.changes).toEqual({ votes: { for: 410, against: 2, abstained: 1 } });
    expect(pageErrors).toEqual([]);
  });

  it('removes a recorded value with the box under a field the API lets a correction clear: it posts null', async () => {
    const ownEvents = await openOnDesk('fr-de-desk-clearing', 'Desk clearing treaty');
    const developments = `/treaties/fr-de-desk-clearing/developments`;
    const signing = await post(subject.http, developments, {
      type: 'signed',
      occurredOn: '2025-01-22',
      place: 'Aachen',
      source: source({ publishedOn: '2025-01-23' }),
    }).expect(201);
    const approval = await post(subject.http, developments, {
      type: 'legislative-approval',
      party: 'DE',
      body: 'Bundestag',
      occurredOn: '2025-05-09',
      votes: { for: 412, against: 2, abstained: 1 },
      source: source({ publishedOn: '2025-05-10' }),
    }).expect(201);
    await page.getByRole('tab', { name: 'Correct' }).click();
    await page.locator('#reload').click();
    await page.waitForSelector(`#correct-form-developmentId option[value="${approval.body.eventId}"]`, {
      state: 'attached',
    });
    // Only the fields the schema marks nullable have one; a date or a party can be replaced, not removed.
    expect(await page.locator('#correct-form input[data-clears]').count()).toBe(8);
    expect(await page.locator('#correct-form-changes-occurredOn-clear').count()).toBe(0);
    const removePlace = page.getByLabel('Remove the recorded place', { exact: true });
    expect(await removePlace.getAttribute('aria-controls')).toBe('correct-form-changes-place');

    await field('correct', 'developmentId').selectOption(signing.body.eventId as string);
    await field('correct', 'changes.place').fill('Aix');
    await removePlace.check();
    expect(await field('correct', 'changes.place').isDisabled()).toBe(true);
    expect(await field('correct', 'changes.place').inputValue()).toBe('');
    await page.locator('#correct-form').screenshot({ path: join(ARTIFACTS, 'desk-remove-recorded-value.png') });
    await field('correct', 'reason').fill('The treaty was signed in Paris; no place is sure');
    await fillSource('correct', 'Where it was signed is disputed.');
    await submit('correct', 3, 'DevelopmentCorrected');
    expect((await ownEvents()).at(-1)?.data.changes).toEqual({ place: null });
    // Once recorded the form starts again: the box cleared, the field enabled.
    expect(await removePlace.isChecked()).toBe(false);
    expect(await field('correct', 'changes.place').isDisabled()).toBe(false);

    await field('correct', 'developmentId').selectOption(approval.body.eventId as string);
    await field('correct', 'changes.votes.for').fill('411');
    await page.getByLabel('Remove the recorded abstentions', { exact: true }).check();
    await field('correct', 'reason').fill('The record of the sitting gives no abstentions');
    await fillSource('correct', 'The Bundestag approved it by 411 votes to 2.');
    await submit('correct', 4, 'DevelopmentCorrected');
    // The counts not named stay: the correction records the tally as it now stands (decision 0029).
    expect((await ownEvents()).at(-1)?.data.changes).toEqual({ votes: { for: 411, against: 2 } });
    expect(pageErrors).toEqual([]);
  });

  it('reports a statement naming other treaties and parties, posted as lists', async () => {
    const ownEvents = await openOnDesk('fr-de-desk-statements', 'Desk statements treaty');
    // The schema states that they are optional lists of treaty ids; the form reads them as lists from it.
    expect(await page.locator('#report-form-treaties-rule').textContent()).toBe(
      `optional · at most ${INPUT_LIMITS.links} · each matches ${TREATY_ID_PATTERN.source}`,
    );
    expect(await field('report', 'parties').getAttribute('data-list')).toBe('true');
    await field('report', 'type').selectOption('statement');
    await field('report', 'occurredOn').fill('2025-05-10');
    await field('report', 'speaker').fill('Jean-Noël Barrot');
    await field('report', 'quote').fill('Both treaties stand together.');
    await field('report', 'treaties').fill(`${TREATY}, fr-de-desk-votes`);
    await field('report', 'parties').fill('FR,  DE ,');
    await fillSource('report', 'Jean-Noël Barrot: "Both treaties stand together."');
    await submit('report', 1, 'StatementMade');
    expect((await ownEvents()).at(-1)?.data).toMatchObject({
      speaker: 'Jean-Noël Barrot',
      treaties: [TREATY, 'fr-de-desk-votes'],
      parties: ['FR', 'DE'],
    });

    await field('report', 'type').selectOption('negotiations');
    await field('report', 'occurredOn').fill('2025-05-11');
    await field('report', 'stage').selectOption('held');
    await field('report', 'participants').fill('FR, DE');
    await field('report', 'treaties').fill(TREATY);
    await fillSource('report', 'France and Germany held talks on both treaties.');
    await submit('report', 2, 'NegotiationsReported');
    const talks = (await ownEvents()).at(-1)?.data;
    expect(talks).toMatchObject({ participants: ['FR', 'DE'], treaties: [TREATY] });
    expect(talks).not.toHaveProperty('parties');
    expect(pageErrors).toEqual([]);
  });

  it('fits a 375-pixel-wide phone screen without horizontal scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    try {
      const small = await phone.newPage();
      await small.goto(`${baseUrl}/desk?treaty=${TREATY}`);
      await small.waitForSelector('body[data-ready="true"]');
      await small.locator('#view-developments > li').first().waitFor();
      const widths = await small.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(widths.viewport).toBe(375);
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      await small.screenshot({ path: join(ARTIFACTS, 'desk-375px.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
