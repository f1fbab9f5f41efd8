/** End-to-end: the built example in real headless Chromium, the link checker and the page budget. */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/site/build/link-check.ts';
import { serveStatic } from '../../src/site/build/static-server.ts';
import { sharedContext } from '../helpers/shared-context.ts';
import { builtSite } from './built-site.ts';

let dist: string;
let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  dist = await builtSite();
  ({ server, url: base } = await serveStatic(dist));
  ({ browser, context } = await sharedContext());
}, 900_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(base + path);
  return page;
}

describe('reading the example site', () => {
  it('reaches JMI/CX/13 from home through the procedure list', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '程序文件' }).click();
    await page.waitForURL('**/procedures/');
    await page.getByRole('link', { name: '文件与资料控制', exact: true }).click();
    await page.waitForURL('**/procedures/jmi-cx-13/');
    expect(await page.locator('h1').textContent()).toBe('文件与资料控制');
    expect(await page.locator('.meta').textContent()).toContain('JMI/CX/13');
    await page.close();
  });

  it('follows a supporting regulation and comes back through its "cited by" list', async () => {
    const page = await open('/procedures/jmi-cx-13/');
    await page.locator('[data-relation="outgoing-regulation"]').getByRole('link', { name: /JMI\/ZD\/13-02/ }).click();
    await page.waitForURL('**/regulations/jmi-zd-13-02/');
    const citedBy = page.locator('[data-relation="incoming-regulation"]');
    expect(await citedBy.locator('h3').textContent()).toBe('作为支持性文件被引用');
    await citedBy.getByRole('link', { name: /JMI\/CX\/13/ }).click();
    await page.waitForURL('**/procedures/jmi-cx-13/');
    await page.close();
  });

  it.each([
    ['作废', '/flows/jmi-lc-13-02/'],
    ['JMI/CX/13', '/procedures/jmi-cx-13/'],
    ['人才培养方案', '/procedures/jmi-cx-04/'],
    ['受控文件管理办法', '/regulations/jmi-zd-13-02/'],
  ])('search for %s puts %s first', async (query, expected) => {
    const page = await open(`/search/?q=${encodeURIComponent(query)}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    // The first result a reader sees: number and title matches, then the full-text results.
    const first = page.locator('#search a.title-result, #search .pagefind-ui__result-link').first();
    expect(await first.getAttribute('href')).toBe(expected);
    await page.close();
  });

  it('does not find obsolete documents in search', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('受控文件')}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith('/regulations/jmi-zd-13-02/'))).toBe(true);
    expect(hrefs.some((h) => h?.startsWith('/regulations/jmi-zd-13-01/'))).toBe(false);
    await page.close();
  });

  it('shows the flowchart as inline SVG with its labels as text', async () => {
    const page = await open('/flows/jmi-lc-13-01/');
    const svg = page.locator('figure.flowchart svg');
    expect(await svg.isVisible()).toBe(true);
    expect((await svg.boundingBox())!.height).toBeGreaterThan(200);
    expect(await svg.locator('text').allTextContents()).toContain('合并至主分支并发布');
    await page.close();
  });

  it('marks the obsolete regulation with a 作废 banner pointing to its successor', async () => {
    const page = await open('/regulations/jmi-zd-13-01/');
    const banner = page.getByRole('alert');
    expect(await banner.textContent()).toContain('作废');
    await banner.getByRole('link').click();
    await page.waitForURL('**/regulations/jmi-zd-13-02/');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('lets a keyboard user skip to the main content', async () => {
    const page = await open('/procedures/jmi-cx-13/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('filters the procedure list by department without reloading', async () => {
    const page = await open('/procedures/');
    const rows = page.locator('.doc-table tbody tr:not([hidden])');
    const all = await rows.count();
    await page.getByLabel('部门').selectOption('zgb');
    const filtered = await rows.allTextContents();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all);
    expect(filtered.every((t) => t.includes('质管办'))).toBe(true);
    await page.close();
  });
});

describe('the built files', () => {
  it('has no broken internal links or fragments', () => {
    const { pages, links, broken } = checkLinks(dist);
    expect(pages).toBeGreaterThan(100);
    expect(links).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('keeps a document page free of scripts and under 60 KB without fonts', () => {
    const html = readFileSync(join(dist, 'procedures/jmi-cx-13/index.html'), 'utf8');
    expect(html).not.toMatch(/<script/);
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => statSync(join(dist, m[1]!)).size);
    const total = Buffer.byteLength(html) + css.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(60 * 1024);
  });
});

describe('screenshots', () => {
  const pages: [string, string][] = [
    ['home', '/'],
    ['procedure', '/procedures/jmi-cx-13/'],
    ['flow', '/flows/jmi-lc-13-01/'],
    ['department', '/departments/zgb/'],
    ['matrix', '/matrices/coverage/zhengai/'],
    ['record', '/records/jmi-jl-13-01/'],
    ['list', '/knowledge/'],
    ['search', `/search/?q=${encodeURIComponent('作废')}`],
  ];
  const out = join(import.meta.dirname, '../../test-output/screenshots');
  it.each([1280, 390])('at %i px wide, every page fits the width and is saved', async (width) => {
    mkdirSync(out, { recursive: true });
    for (const [name, path] of pages) {
      const page = await open(path, width);
      if (name === 'search') await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      await page.evaluate(() => document.fonts.ready);
      // Wide tables scroll inside their own box; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}px`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
      await page.close();
    }
  }, 120_000);
});
