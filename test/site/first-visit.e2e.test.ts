/**
 * The first visit in real Chromium with an empty cache: every byte a document page makes the
 * browser download stays under 150 KB, and no screen page asks for a font (screens use the reader's
 * installed Chinese fonts; only the PDFs embed @fontsource).
 */
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstVisit, isFontRequest, resourceKind } from '../../src/site/build/first-visit.ts';
import { serveStatic } from '../../src/site/build/static-server.ts';
import { sharedContext } from '../helpers/shared-context.ts';
import { testTempDir } from '../helpers/temp-dir.ts';
import { builtSite } from './built-site.ts';

const budget = 150 * 1024;
let browser: Browser;
let context: BrowserContext;
const servers: Server[] = [];

async function serve(dir: string): Promise<string> {
  const { server, url } = await serveStatic(dir);
  servers.push(server);
  return url;
}

beforeAll(async () => {
  // Every visit shares one context (see sharedContext); firstVisit empties the cache before each.
  ({ browser, context } = await sharedContext());
}, 900_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

describe('the byte counter', () => {
  it('tells fonts, styles, scripts and pages apart', () => {
    expect(isFontRequest('other', 'http://127.0.0.1/_astro/noto-sans-sc-400.Ba7e.woff2')).toBe(true);
    expect(isFontRequest('fetch', 'http://127.0.0.1/f.ttf?v=2')).toBe(true);
    expect(isFontRequest('font', 'http://127.0.0.1/f')).toBe(true);
    expect(isFontRequest('script', 'http://127.0.0.1/woff2.js')).toBe(false);
    expect(resourceKind('stylesheet', 'http://127.0.0.1/a.css')).toBe('css');
    expect(resourceKind('fetch', 'http://127.0.0.1/x', 'text/javascript')).toBe('js');
    expect(resourceKind('document', 'http://127.0.0.1/')).toBe('html');
    expect(resourceKind('fetch', 'http://127.0.0.1/pf_meta', 'application/octet-stream')).toBe('other');
  });

  it('sees a web font a page loads, with its exact size', async () => {
    const dir = testTempDir('shoukong-first-visit-');
    const font = createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2');
    copyFileSync(font, join(dir, 'web.woff2'));
    const html = '<!doctype html><meta charset="utf-8"><style>@font-face{font-family:W;src:url(/web.woff2) format("woff2")}p{font-family:W}</style><p>Hello</p>';
    writeFileSync(join(dir, 'index.html'), html);
    const visit = await firstVisit(context, `${await serve(dir)}/`);
    expect(visit.fontRequests).toEqual([expect.stringMatching(/\/web\.woff2$/)]);
    expect(visit.byKind.font).toBe(statSync(font).size);
    expect(visit.byKind.html).toBe(Buffer.byteLength(html));
    expect(visit.total).toBe(statSync(font).size + Buffer.byteLength(html));
  });
});

describe('the example site, first visit with an empty cache', () => {
  let origin: string;
  beforeAll(async () => {
    origin = await serve(await builtSite());
  }, 900_000);

  it.each([
    ['a procedure', '/procedures/jmi-cx-13/'],
    ['a flow with its flowchart', '/flows/jmi-lc-13-01/'],
    ['a record form with online filling', '/records/jmi-jl-13-01/'],
  ])('%s (%s) loads under 150 KB in all, fonts included, and requests no font', async (_, path) => {
    const visit = await firstVisit(context, origin + path);
    const listing = visit.responses.map((r) => `${r.kind} ${r.bytes} ${r.url}`).join('\n');
    expect(visit.responses.filter((r) => r.kind === 'html').map((r) => r.url)).toEqual([origin + path]);
    expect(visit.byKind.css, listing).toBeGreaterThan(0);
    expect(visit.fontRequests, listing).toEqual([]);
    expect(visit.byKind.font, listing).toBe(0);
    expect(visit.total, listing).toBeLessThan(budget);
  });

  it.each([
    ['home', '/'],
    ['a list', '/procedures/'],
    ['a department', '/departments/zgb/'],
    ['a matrix', '/matrices/coverage/zhengai/'],
    ['search', `/search/?q=${encodeURIComponent('作废')}`],
    ['not found', '/no-such-page/'],
  ])('%s (%s) requests no font', async (_, path) => {
    const visit = await firstVisit(context, origin + path);
    expect(visit.fontRequests).toEqual([]);
    expect(visit.byKind.font).toBe(0);
  });

  it('draws Chinese text with a font installed on the machine, in regular and bold', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/procedures/jmi-cx-13/`);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const used = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts;
    };
    for (const selector of ['h1', '.doc-body p']) {
      const fonts = await used(selector);
      expect(fonts.length, selector).toBeGreaterThan(0);
      // A local font (isCustomFont false): nothing was downloaded to draw it.
      expect(fonts.every((f) => !f.isCustomFont), `${selector}: ${JSON.stringify(fonts)}`).toBe(true);
    }
    await page.close();
  });
});
