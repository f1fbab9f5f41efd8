/** One headless Chromium and one browser context for a whole test file. */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchBrowser } from '../../src/browser/launch.ts';

/**
 * Starts the browser with one context holding one open tab. The packaged Chromium runs
 * single-process: closing a browser context ends it, so every page of the file shares this one
 * (and the open tab keeps it alive between pages). Close the browser in afterAll.
 */
export async function sharedContext(options: BrowserContextOptions = {}): Promise<{ browser: Browser; context: BrowserContext }> {
  const { browser } = await launchBrowser();
  const context = await browser.newContext(options);
  await context.newPage();
  return { browser, context };
}
