/**
 * As an auditor, on the built example in headless Chromium and using only the site: who approved the
 * current JMI/CX/13, what changed in its last revision, which version of JMI/ZD/13-02 was in force a
 * year ago; the audit page's script agrees with inForceAt; exports; screenshots at two widths.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/history/document-history.ts';
import { inForceAt, inForceStateLabels } from '../../src/history/point-in-time.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { startSiteSession, type SiteSession } from './history-session.ts';

let site: SiteSession;
let dist: string;
let base: string;
const open = (path: string, width?: number) => site.open(path, width);

beforeAll(async () => {
  site = await startSiteSession();
  ({ dist, base } = site);
}, 900_000);

afterAll(async () => {
  await site?.close();
});

/** Sets the audit page's date input as a reader would, and waits for the table to show that date. */
async function chooseDate(page: Page, date: string): Promise<void> {
  await page.getByLabel('日期', { exact: true }).fill(date);
  await page.locator('[data-audit-caption]', { hasText: date }).waitFor({ state: 'attached' });
}

/** The value of a 名称–值 pair (dt/dd) inside `scope`. */
function field(scope: Locator, name: string): Locator {
  return scope.locator(`div:has(> dt:text-is("${name}")) > dd`);
}

/** The build date the site shows as 今天. */
async function siteToday(page: Page): Promise<string> {
  const text = (await page.getByRole('navigation', { name: '预设日期' }).getByRole('link', { name: /今天/ }).textContent()) ?? '';
  return /\d{4}-\d{2}-\d{2}/.exec(text)![0];
}

describe('an auditor on the example site', () => {
  it('finds who approved the current JMI/CX/13 and what changed in its last revision', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '程序文件' }).click();
    await page.getByRole('link', { name: '文件与资料控制', exact: true }).click();
    await page.waitForURL('**/procedures/jmi-cx-13/');
    const meta = page.locator('.doc-head .meta');
    expect(await field(meta, '版本').textContent()).toBe('B/1');
    expect(await field(meta, '批准').textContent()).toBe('周志远');
    expect(await page.locator('.doc-last-change').textContent()).toMatch(/最近变更：\d{4}-\d{2}-\d{2} · .+ · [0-9a-f]{7}/);

    await page.getByRole('link', { name: /^版本历史/ }).click();
    await page.waitForURL('**/history/jmi-cx-13/');
    const latest = page.locator('section.history-version').first();
    expect(await latest.getAttribute('id')).toBe('v-b-1');
    expect(await field(latest, '批准').textContent()).toBe('周志远');
    expect(await field(latest, '修订内容').textContent()).toContain('待复核引用');
    // Frontmatter changes: version B/0 → B/1, read as field, before, after.
    const versionRow = latest.locator('table.history-fields tr', { hasText: '版本' });
    expect(await versionRow.locator('td').allTextContents()).toEqual(['修改前：B/0', '修改后：B/1']);
    // Body changes: the new 引用复核 item is an added line with a ＋ marker; the old item 4 is removed.
    const added = latest.locator('.history-diff li.diff-add', { hasText: '引用复核' });
    expect(await added.count()).toBe(1);
    expect(await added.locator('.diff-mark').textContent()).toBe('＋');
    expect(await added.locator('ins').textContent()).toContain('4. 引用复核。被引用文件换版或作废后');
    expect(await latest.locator('.history-diff li.diff-del', { hasText: '4. 统计分析' }).locator('.diff-mark').textContent()).toBe('－');
    // Unchanged stretches are folded into gaps.
    expect(await latest.locator('.history-diff li.diff-gap').first().textContent()).toMatch(/（\d+ 行未改动）/);
    // The older versions are there too, those before Git marked as such.
    expect(await page.locator('section.history-version h2').allTextContents()).toEqual([
      expect.stringContaining('版本 B/1'),
      expect.stringContaining('版本 B/0'),
      expect.stringMatching(/版本 A\/1\s*（早于版本库历史，仅有修订记录）/),
      expect.stringMatching(/版本 A\/0\s*（早于版本库历史，仅有修订记录）/),
    ]);
    await page.close();
  });

  it('finds which version of JMI/ZD/13-02 was in force a year ago and today, by setting the date', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '某日在用版本' }).click();
    await page.waitForURL('**/audit/');
    const row = page.locator('tr[data-number="JMI/ZD/13-02"]');
    await chooseDate(page, '2025-11-22');
    expect(await row.locator('td').allTextContents()).toEqual(['JMI/ZD/13-02', '受控文件管理办法', 'A/0', '现行', '2024-09-01', '赵德胜', expect.stringMatching(/^Git 历史 · [0-9a-f]{7}$/), '']);
    await chooseDate(page, await siteToday(page));
    expect(await row.locator('td').nth(2).textContent()).toBe('A/1');
    // Before it existed it was not yet in force, and its predecessor was.
    await chooseDate(page, '2024-08-31');
    expect(await row.locator('td').nth(3).textContent()).toBe('尚未生效');
    expect(await page.locator('tr[data-number="JMI/ZD/13-01"] td').nth(3).textContent()).toBe('现行');
    expect(page.url()).toContain('?date=2024-08-31');
    // The version links to its place on the history page.
    await chooseDate(page, '2025-11-22');
    await row.getByRole('link', { name: 'A/0' }).click();
    await page.waitForURL('**/history/jmi-zd-13-02/#v-a-0');
    expect(await field(page.locator('#v-a-0'), '批准').textContent()).toBe('赵德胜');
    await page.close();
  });

  it('gets the same answer in the browser as inForceAt on several dates', async () => {
    const history = readRepositoryHistory(projectRoot);
    const page = await open('/audit/');
    const dates = ['2019-09-01', '2021-01-01', '2024-08-31', '2024-09-01', '2025-11-22', await siteToday(page)];
    for (const date of dates) {
      await chooseDate(page, date);
      const shown = await page.locator('table[data-audit-table] tbody tr').evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent)),
      );
      const expected = inForceAt(history, date).map((r) => [r.number, r.title, r.version ?? '—', inForceStateLabels[r.state], r.effectiveDate ?? '—', r.approvedBy ?? '—']);
      expect(shown, date).toEqual(expected);
    }
    await page.close();
  });

  it('reads the register: current version, approver, last change, and exports it as CSV', async () => {
    const page = await open('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '登记表' }).click();
    await page.waitForURL('**/register/');
    const cells = await page.locator('tr[data-number="JMI/CX/13"] td').allTextContents();
    expect(cells.slice(0, 7)).toEqual(['JMI/CX/13', '文件与资料控制', '程序文件', 'B/1', '现行', '2026-11-16', '周志远']);
    // The evidence of approval (issue 18): JMI/CX/13 B/1 was approved on GitLab merge request !42.
    expect(cells[7]).toBe('合并请求 !42 批准 2026-11-10（周志远）');
    expect(cells[8]).toMatch(/^\d{4}-\d{2}-\d{2}.+ · [0-9a-f]{7}$/);
    const obsolete = await page.locator('tr[data-number="JMI/ZD/13-01"] td').allTextContents();
    expect(obsolete[4]).toBe('作废');
    expect(obsolete[10]).toContain('由 JMI/ZD/13-02 替代');
    const bytes = Buffer.from(await (await fetch(`${base}/register/register.csv`)).arrayBuffer());
    // UTF-8 with a byte order mark, so Excel shows the Chinese.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF文件编号,文件名称,类型,层级,版本,状态,生效日期,批准')).toBe(true);
    expect(csv).toMatch(/\r\nJMI\/CX\/13,文件与资料控制,程序文件,[^,]+,B\/1,现行,2026-11-16,周志远,/);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('serves preset dates as static tables with CSV and JSON exports', async () => {
    const html = readFileSync(join(dist, 'audit/2026-01-01/index.html'), 'utf8');
    expect(html).toMatch(/data-number="JMI\/ZD\/13-02"[^]*?<a href="\/history\/jmi-zd-13-02\/#v-a-0">A\/0<\/a>/);
    const json = JSON.parse(await (await fetch(`${base}/audit/2026-01-01.json`)).text()) as { date: string; documents: { number: string; version: string }[] };
    expect(json.date).toBe('2026-01-01');
    expect(json.documents.find((d) => d.number === 'JMI/ZD/13-02')?.version).toBe('A/0');
    const csv = await (await fetch(`${base}/audit/2026-01-01.csv`)).text();
    expect(csv).toMatch(/\r\nJMI\/ZD\/13-02,受控文件管理办法,制度,现行,A\/0,2024-09-01,赵德胜,Git 历史,/);
  });

  it('keeps history pages free of scripts and the audit page to its one small script', () => {
    const history = readFileSync(join(dist, 'history/jmi-cx-13/index.html'), 'utf8');
    expect(history).not.toMatch(/<script/);
    const audit = readFileSync(join(dist, 'audit/index.html'), 'utf8');
    expect([...audit.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="application/json" id="audit-data">', '<script src="/audit.js" defer>']);
    expect(readFileSync(join(dist, 'audit.js')).length).toBeLessThan(5 * 1024);
  });
});

describe('screenshots', () => {
  // The audit and register tables are long: their screenshots keep the top 2,400 px.
  const pages: [string, string, boolean][] = [
    ['history', '/history/jmi-cx-13/', false],
    ['audit', '/audit/?date=2025-11-22', true],
    ['register', '/register/', true],
  ];
  const out = join(projectRoot, 'test-output/screenshots');
  it.each([1280, 390])('at %i px wide, the content fits the width and is saved', async (width) => {
    mkdirSync(out, { recursive: true });
    for (const [name, path, long] of pages) {
      const page = await open(path, width);
      await page.evaluate(() => document.fonts.ready);
      // Wide tables scroll inside their own box; nothing in the main content sticks out sideways.
      const overflow = await page.evaluate((w) => [...document.querySelectorAll('main *')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > w + 1).map((e) => e.tagName + '.' + e.className), width);
      expect(overflow, `${path} at ${width}px`).toEqual([]);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true, ...(long ? { clip: { x: 0, y: 0, width, height: Math.min(height, 2400) } } : {}) });
      await page.close();
    }
  }, 120_000);
});
