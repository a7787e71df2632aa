import sparticuzChromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * Names another Chromium to test with (a system one, a newer build); unset, the one that `npm install` brings is
 * used, so a fresh clone needs no browser from the system.
 */
export const CHROMIUM_PATH_VARIABLE = 'TIMELINE_CHROMIUM_PATH';

/**
 * Flags that @sparticuz/chromium passes for serverless sandboxes and that do not fit here: the first two would
 * weaken what the page tests prove (the page must hold under the browser's usual same-origin and mixed-content
 * rules); in a single process, closing one browser context closes the whole browser.
 */
const UNWANTED_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

const COMMON_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * A headless Chromium for the page tests. The default comes from the `@sparticuz/chromium` package: a compressed
 * build inside its npm package, unpacked to the temporary folder on first use (about 1.6 s), so it needs no
 * download and no system package. Fails, never skips: a skipped page test proves nothing.
 */
export async function launchChromium(): Promise<Browser> {
  const chosen = process.env[CHROMIUM_PATH_VARIABLE]?.trim();
  if (chosen) {
    return chromium.launch({ executablePath: chosen, headless: true, args: COMMON_FLAGS });
  }
  const executablePath = await sparticuzChromium.executablePath();
  const args = sparticuzChromium.args.filter((flag) => !UNWANTED_FLAGS.has(flag));
  return chromium.launch({ executablePath, headless: true, args: [...new Set([...args, ...COMMON_FLAGS])] });
}
