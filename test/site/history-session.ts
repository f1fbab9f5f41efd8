/** One headless Chromium and a static server over the built example, shared by a test file. */
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../src/browser/launch.ts';
import { serveStatic } from '../../src/site/build/static-server.ts';
import { builtSite } from './built-site.ts';

/** The running session: where dist/ is, its URL, a way to open pages, and the way to stop. */
export interface SiteSession {
  dist: string;
  base: string;
  open(path: string, width?: number): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Builds (or reuses) dist/, serves it and starts Chromium. With a base path ('/zlbz/'): the example
 * built for that base, served under it; `open` then takes paths that include the base.
 */
export async function startSiteSession(sitePath = '/'): Promise<SiteSession> {
  const dist = await builtSite(sitePath);
  const { server, url }: { server: Server; url: string } = await serveStatic(dist, 0, sitePath);
  const { browser }: { browser: Browser } = await launchBrowser();
  // The packaged Chromium runs single-process: closing a browser context ends it, so all pages share one.
  const context: BrowserContext = await browser.newContext();
  await context.newPage();
  return {
    dist,
    base: url,
    async open(path, width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url + path);
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}
