/** One headless Chromium for a whole run, printing with its own paged media in a few reused tabs. */
import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser } from '../browser/launch.ts';
import type { FoundBrowser } from '../browser/find-browser.ts';
import { printFontFiles, printFonts } from './fonts.ts';
import { hostHtml, printCsp, printHostUrl } from './lockdown.ts';

/** Prints HTML pages to PDF bytes; reuse it for every document of a run, then close it. */
export interface PdfRenderer {
  render(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** How the print browser answers a request: the host page, a font file, or not at all. */
export type PrintRequestAnswer = { kind: 'host' } | { kind: 'font'; file: string } | { kind: 'refuse' };

/**
 * The interception's rule: the host page only when navigated to, a font only by its exact URL
 * from the list, and nothing else (no other path of the origin, no other origin, no file://).
 */
export function printRequestAnswer(url: string, navigation: boolean, fonts: ReadonlyMap<string, string>): PrintRequestAnswer {
  if (url === printHostUrl && navigation) return { kind: 'host' };
  const file = fonts.get(url);
  return file ? { kind: 'font', file } : { kind: 'refuse' };
}

/** What startRenderer may be given. */
export interface RendererOptions {
  tabs?: number;
  found?: FoundBrowser;
  /** Told of every request the lockdown refused (tests use it to see an attack was stopped). */
  onBlocked?: (url: string) => void;
  /** Called with each tab when it opens (tests listen there for dialogs and console messages). */
  onPage?: (page: Page) => void;
}

/**
 * Starts the browser with up to `tabs` tabs side by side, each on an empty page of the print origin
 * (lockdown.ts). Each document then replaces the content of that same page, which keeps the
 * decoded fonts in memory from one document to the next.
 *
 * Locked down whichever browser was found: JavaScript off, service workers blocked, and every
 * request intercepted: the host page and the font files are answered from here, everything else
 * (network, other paths, navigations) is refused. Pages are never opened from file://, and the
 * browser is never started with flags that lift web security (launch.ts).
 */
export async function startRenderer(options: RendererOptions = {}): Promise<PdfRenderer> {
  const { browser } = await launchBrowser(options.found);
  const fonts = printFontFiles(printFonts());
  const fontBytes = new Map<string, Buffer>();
  const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, bypassCSP: false });
  await context.route('**/*', (route: Route) => {
    const url = route.request().url();
    const answer = printRequestAnswer(url, route.request().isNavigationRequest(), fonts);
    if (answer.kind === 'host') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': printCsp }, body: hostHtml });
    }
    if (answer.kind === 'font') {
      let bytes = fontBytes.get(url);
      if (!bytes) fontBytes.set(url, (bytes = readFileSync(answer.file)));
      return route.fulfill({ status: 200, contentType: 'font/woff2', body: bytes });
    }
    options.onBlocked?.(url);
    return route.abort('blockedbyclient');
  });
  const openTab = async () => {
    const page = await context.newPage();
    options.onPage?.(page);
    await page.goto(printHostUrl);
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
