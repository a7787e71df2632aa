import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestApp, type TestApp } from '../support/test-app';
import { post, source } from '../support/treaty-requests';

const ARTIFACTS = resolve('artifacts');
const TREATY = 'ru-ir-comprehensive-strategic-partnership';
const TITLE =
  'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran';
const MARKUP = '<img src=x onerror="window.__injected=1"><b>bold</b>';

// The functions given to page.evaluate run in the browser. The project compiles without the DOM library, so the
// little of the browser they touch is declared here, for this file only.
interface PageElement {
  readonly id: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly right: number };
}
declare const document: {
  readonly activeElement: PageElement | null;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
};
declare const window: { __injected?: number; __sameDocument?: boolean };
declare function getComputedStyle(element: PageElement): {
  readonly outlineStyle: string;
  readonly outlineWidth: string;
};

describe('The live timeline page at /, in headless Chromium', () => {
  let subject: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    subject = await startTestApp({ loadDemoData: true });
    await subject.app.listen(0, '127.0.0.1');
    baseUrl = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    // Text from the API must reach the page as text: a title made of markup shows as the characters it is.
    await post(subject.http, '/treaties', {
      id: 'markup-in-the-title',
      title: MARKUP,
      parties: ['RU', 'BY'],
      category: 'other',
    }).expect(201);
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

  const treatyLink = (target: Page) => target.locator(`#treaties a[data-treaty-id="${TREATY}"]`);
  // A legal act's card: the statements and context of the demo data quote the same words ("signed", "State Duma").
  const card = (text: string) => page.locator('#developments > li:not([data-diplomacy])', { hasText: text });

  it('lists every treaty with its status, escaped, in labelled landmarks', async () => {
    await page.goto(baseUrl);
    await treatyLink(page).waitFor();
    expect(await treatyLink(page).locator('.status').getAttribute('data-status')).toBe('ratification-in-progress');
    expect(await treatyLink(page).textContent()).toContain('ratification in progress');
    expect(await page.locator('#treaties > li').count()).toBe(6);

    const markup = page.locator('#treaties a[data-treaty-id="markup-in-the-title"] .treaty-name');
    expect(await markup.textContent()).toBe(MARKUP);
    expect(await page.locator('#treaties img, #treaties b').count()).toBe(0);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();

    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Treaty Timeline');
    expect(await page.getByRole('heading', { level: 2, name: 'Treaties' }).count()).toBe(1);
  });

  it("opens a treaty's timeline: its status, each development on a date axis with its sources", async () => {
    await treatyLink(page).click();
    await page.waitForFunction((title) => document.getElementById('treaty-title')?.textContent === title, TITLE);
    expect(new URL(page.url()).searchParams.get('treaty')).toBe(TREATY);
    expect(await treatyLink(page).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('#overall-status').getAttribute('data-status')).toBe('ratification-in-progress');
    expect(await page.locator('#treaty-status [data-party="RU"] > .status').textContent()).toBe('in progress');

    // The demo data now also holds the articles' statements, negotiations and context (issue 13): 19 of them,
    // set apart from the treaty's 4 legal acts.
    expect(await page.locator('#developments > li').count()).toBe(23);
    expect(await page.locator('#developments > li:not([data-diplomacy])').count()).toBe(4);
    expect(await page.locator('#axis svg .mark:not(.mark--diplomacy)').count()).toBe(4);
    expect(await page.locator('#axis svg .mark--signature').count()).toBe(1);
    const signature = card('Signed');
    expect(await signature.getAttribute('data-kind')).toBe('signature');
    const signed = await signature.textContent();
    expect(signed).toContain('17 January 2025');
    expect(signed).toContain('Kremlin, Moscow');
    expect(signed).toContain('Sources (5)');
    expect(signed).toContain('signed a major cooperation treaty on Friday in the Kremlin');
    const approximate = await card('Federal Assembly').textContent();
    expect(approximate).toContain('April 2025 (known only to the month)');
    expect(await page.locator('#axis svg .mark:not(.mark--diplomacy) .period').count()).toBe(1);
  });

  it('updates without a reload when an editor posts a development', async () => {
    await page.evaluate(() => (window.__sameDocument = true));
    await page.waitForSelector('#live-state[data-state="open"]');
    const quote = '<script>window.__injected=2</script> the President signed the ratification law';
    await post(subject.http, `/treaties/${TREATY}/developments`, {
      type: 'ratification-completed',
      party: 'RU',
      occurredOn: '2025-04-21',
      source: source({
        publisher: 'Page Test Gazette',
        url: 'https://example.org/ratified',
        publishedOn: '2025-04-21',
        quote,
      }),
    }).expect(201);

    await card('Page Test Gazette').waitFor();
    await page.waitForSelector('#treaty-status [data-party="RU"] > .status[data-status="completed"]');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.startsWith('Updated.'));
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    const posted = card('Page Test Gazette');
    expect(await posted.locator('h4').textContent()).toContain('Ratification completed');
    expect(await posted.locator('blockquote').textContent()).toBe(`“${quote}”`);
    expect(await posted.locator('a').getAttribute('href')).toBe('https://example.org/ratified');
    expect(await page.locator('#developments > li').count()).toBe(24);
    expect(await page.locator('#axis svg .mark:not(.mark--diplomacy)').count()).toBe(5);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();

    await page.screenshot({ path: join(ARTIFACTS, 'timeline-page.png'), fullPage: true });
  });

  it('replays the status as of any date with the slider and the date field', async () => {
    const slider = page.getByRole('slider', { name: 'Show the treaty as it stood on' });
    await slider.focus();
    await page.keyboard.press('Home'); // the start of the slider: a month before the signature
    await page.waitForSelector('#overall-status[data-status="registered"]');
    expect(await page.locator('#status-as-of').textContent()).toBe('as of 17 December 2024');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2024-12-17');
    expect(await slider.getAttribute('aria-valuetext')).toBe('17 December 2024');
    expect(await page.locator('#developments > li[data-pending]:not([data-diplomacy])').count()).toBe(5);
    expect(await page.locator('#axis svg .as-of-line').count()).toBe(1);
    await page.waitForFunction(
      () => document.getElementById('announcer')?.textContent === 'As of 17 December 2024: registered.',
    );

    // The Duma voted on 8 April; the Federal Assembly's approval, known only to the month, counts from 30 April.
    await page.getByLabel('Date', { exact: true }).fill('2025-04-10');
    await page.waitForSelector('#status-as-of:text-is("as of 10 April 2025")');
    expect(await page.locator('#overall-status').getAttribute('data-status')).toBe('ratification-in-progress');
    expect(await card('Federal Assembly').getAttribute('data-pending')).toBe('');
    expect(await card('State Duma').getAttribute('data-pending')).toBeNull();

    await page.getByRole('button', { name: 'Today' }).click();
    await page.waitForSelector('#status-as-of:text-is("today")');
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();
    expect(await page.locator('#developments > li[data-pending]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('fits a 375-pixel-wide phone screen without horizontal scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    try {
      const small = await phone.newPage();
      await small.goto(`${baseUrl}/?treaty=${TREATY}`);
      await small.locator('#developments > li').first().waitFor();
      await small.locator('#axis svg').waitFor();
      const widths = await small.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        axis: document.querySelector('#axis svg')?.getBoundingClientRect().right ?? Infinity,
      }));
      expect(widths.viewport).toBe(375);
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      expect(widths.axis).toBeLessThanOrEqual(widths.viewport);
      await small.screenshot({ path: join(ARTIFACTS, 'timeline-page-375px.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('is keyboard operable: Tab reaches the treaty list with a visible focus, Enter opens a treaty', async () => {
    const keyboard = await context.newPage();
    try {
      await keyboard.goto(baseUrl);
      await treatyLink(keyboard).waitFor();
      let focused: string | null = null;
      for (let presses = 0; presses < 20 && focused !== TREATY; presses++) {
        await keyboard.keyboard.press('Tab');
        focused = await keyboard.evaluate(() => document.activeElement?.getAttribute('data-treaty-id') ?? null);
      }
      expect(focused).toBe(TREATY);
      const outline = await keyboard.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: style.outlineWidth };
      });
      expect(outline).toEqual({ style: 'solid', width: '3px' });

      await keyboard.keyboard.press('Enter');
      await keyboard.waitForFunction(() => document.activeElement?.id === 'treaty-title');
      expect(await keyboard.locator('#treaty-title').textContent()).toBe(TITLE);
      expect(await keyboard.locator('#developments > li:not([data-diplomacy])').count()).toBe(5);
    } finally {
      await keyboard.close();
    }
  });

  it('says how a party is bound when the record names no act of consent', async () => {
    // The demo's free-trade agreement "took effect": neither side's consent is on record, and both are bound.
    await page.goto(`${baseUrl}/?treaty=eaeu-ir-free-trade-agreement`);
    await page.locator('#party-chart').waitFor();
    const party = page.locator('#treaty-status .parties > li[data-party="IR"]');
    expect(await party.locator('> .status').getAttribute('data-status')).toBe('completed');
    expect(await party.textContent()).toContain('bound by the entry into force; no act of consent on record');
    expect(await page.locator('#party-chart tbody tr[data-party="EAEU"] td[data-column="consent"]').textContent()).toBe(
      'implied: in force for it, no act on record',
    );
  });
});
