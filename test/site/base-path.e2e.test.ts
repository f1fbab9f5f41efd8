/**
 * The example built with `npm run build -- --base /zlbz/ --no-pdf`, as published at
 * https://www.example.edu.cn/zlbz/: every internal link stays under /zlbz/, and a reader in headless
 * Chromium gets from the home page to JMI/CX/13, searches and picks a date on the audit page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/site/build/link-check.ts';
import { baseOfBuiltSite } from '../../src/site/build/static-server.ts';
import { startSiteSession, type SiteSession } from './history-session.ts';

const base = '/zlbz/';
let site: SiteSession;
let dist: string;

beforeAll(async () => {
  site = await startSiteSession(base);
  dist = site.dist;
}, 900_000);

afterAll(async () => {
  await site?.close();
});

const open = (path: string) => site.open(path);
const files = (ext: string) => readdirSync(dist, { recursive: true }).map(String).filter((f) => f.endsWith(ext));

describe('the example built with --base /zlbz/', () => {
  it('is recognised as built for /zlbz/', () => {
    expect(baseOfBuiltSite(dist)).toBe(base);
  });

  it('has no broken internal links and none that leave /zlbz/', () => {
    const { pages, links, broken } = checkLinks(dist, base);
    expect(pages).toBeGreaterThan(100);
    expect(links).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('emits no root-relative address without the prefix in pages, styles, scripts or data', () => {
    const escaping: string[] = [];
    for (const file of files('.html')) {
      const html = readFileSync(join(dist, file), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src|action|data-base)="(\/[^"]*)"/g)) if (!m[1]!.startsWith(base) && !m[1]!.startsWith('//')) escaping.push(`${file}: ${m[0].trim()}`);
      for (const m of html.matchAll(/url\((\/[^)]*)\)/g)) if (!m[1]!.startsWith(base)) escaping.push(`${file}: ${m[0]}`);
    }
    for (const file of files('.css')) for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/url\((\/[^)]*)\)/g)) if (!m[1]!.startsWith(base)) escaping.push(`${file}: ${m[0]}`);
    expect(escaping).toEqual([]);
    const titles = JSON.parse(readFileSync(join(dist, 'search-titles.json'), 'utf8')) as { h: string }[];
    expect(titles.length).toBeGreaterThan(100);
    expect(titles.filter((t) => !t.h.startsWith(`${base}`))).toEqual([]);
  });

  it('reaches JMI/CX/13 from the home page through the procedure list', async () => {
    const page = await open(base);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '程序文件' }).click();
    await page.waitForURL(`**${base}procedures/`);
    await page.getByRole('link', { name: '文件与资料控制', exact: true }).click();
    await page.waitForURL(`**${base}procedures/jmi-cx-13/`);
    expect(await page.locator('h1').textContent()).toBe('文件与资料控制');
    // Links inside the rendered body are under the base too.
    const bodyLinks = await page.locator('.doc-body a.doc-ref').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(bodyLinks.length).toBeGreaterThan(0);
    expect(bodyLinks.filter((h) => !h?.startsWith(base))).toEqual([]);
    await page.close();
  });

  it('searches 作废 from the header search box and opens a result under /zlbz/', async () => {
    const page = await open(`${base}procedures/jmi-cx-13/`);
    await page.getByRole('search').getByRole('searchbox').fill('作废');
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(`**${base}search/?q=*`);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toMatch(new RegExp(`^${base}`));
    const titleHrefs = await page.locator('#search a.title-result').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(titleHrefs.filter((h) => !h?.startsWith(base))).toEqual([]);
    await result.click();
    await page.waitForURL(`**${base}*/*/`);
    expect(await page.locator('.doc-head h1').count()).toBe(1);
    await page.close();
  });

  it('links the documents of another date under /zlbz/ on the audit page (public/audit.js)', async () => {
    const page = await open(`${base}audit/`);
    await page.getByLabel('日期', { exact: true }).fill('2024-01-01');
    await page.locator('[data-audit-caption]', { hasText: '2024-01-01' }).waitFor({ state: 'attached' });
    const hrefs = await page.locator('[data-audit-table] tbody a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !h?.startsWith(base))).toEqual([]);
    await page.close();
  });
});
