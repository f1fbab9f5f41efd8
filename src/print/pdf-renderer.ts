/** One headless Chromium for a whole run, printing with its own paged media in a few reused tabs. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser/launch.ts';
import type { FoundBrowser } from '../browser/find-browser.ts';

/** Prints HTML pages to PDF bytes; reuse it for every document of a run, then close it. */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Starts the browser with up to `tabs` tabs side by side, each on an empty page loaded from a file://
 * URL so that the pages written into it may load the font files. Each document then replaces the
 * content of that same page, which keeps the decoded fonts in memory from one document to the next.
 */
export async function startRenderer(options: { tabs?: number; found?: FoundBrowser } = {}): Promise<PdfRenderer> {
  const { browser } = await launchBrowser(options.found);
  const dir = mkdtempSync(join(tmpdir(), 'shoukong-print-'));
  const context = await browser.newContext();
  // Nothing printed may come from the network: only file:// pages and fonts load.
  await context.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  const host = join(dir, 'host.html');
  writeFileSync(host, '<!doctype html><meta charset="utf-8"><title>print</title>');
  const openTab = async () => {
    const page = await context.newPage();
    await page.goto(pathToFileURL(host).href);
    return page;
  };
  // One tab at first; another opens only when a page waits while all are busy, because each new tab
  // decodes the CJK fonts again (about 0.3 s), which a run printing one document should not pay.
  const idle: Page[] = [await openTab()];
  let tabs = 1;
  const waiting: ((page: Page) => void)[] = [];

  const acquire = (): Promise<Page> => {
    const page = idle.pop();
    if (page) return Promise.resolve(page);
    if (tabs < (options.tabs ?? 2)) {
      tabs++;
      return openTab();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (page: Page): void => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };

  return {
    async render(html) {
      const page = await acquire();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        // Untagged: a third faster to print, and pdf-lib merges the whole manual in a fraction of the
        // time (tagged files carry hundreds of structure objects each, which a merge would break anyway).
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: false });
        return new Uint8Array(pdf);
      } finally {
        release(page);
      }
    },
    async close() {
      await closeQuietly(browser);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function closeQuietly(browser: Browser): Promise<void> {
  try {
    await browser.close();
  } catch {
    // Already gone.
  }
}
