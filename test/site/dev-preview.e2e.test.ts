/**
 * End-to-end: `npm run dev` on a copy of the base fixture, a document page open in headless Chromium;
 * saving the file with an unknown department makes the page show the finding, fixing it removes it.
 * Prints the seconds from save to updated page (not asserted: timing depends on the machine).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { baseDir } from '../helpers/fixture-set.ts';
import { startDev, type DevServer } from '../helpers/dev-server.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const procedure = 'content/procedures/jmi-cx-13.mdx';
let root: string;
let dev: DevServer | undefined;
let base: string;
let browser: Browser;

/** Saves the procedure with one line replaced and returns the time of the save. */
function save(from: string, to: string): number {
  const path = join(root, procedure);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  return performance.now();
}

beforeAll(async () => {
  root = testTempDir('shoukong-dev-preview-');
  cpSync(baseDir, root, { recursive: true });
  dev = await startDev(root, '/procedures/jmi-cx-13/');
  base = dev.base;
  ({ browser } = await launchBrowser());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The findings panel's items of one rule, as "line:column". */
async function placesOf(page: Page, ruleId: string): Promise<string[]> {
  return page.locator(`.dev-panel [data-rule-id="${ruleId}"]`).evaluateAll((items) => items.map((li) => `${li.getAttribute('data-line')}:${li.getAttribute('data-column')}`));
}

describe('npm run dev', () => {
  it('shows a saved finding on the open page within seconds, and drops it once fixed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/procedures/jmi-cx-13/`);
    await expect.poll(() => page.locator('.dev-panel .dev-clean').textContent()).toBe('检查通过：本文件没有问题。');
    expect(await page.locator('h1').textContent()).toBe('文件与资料控制');
    const banner = page.locator('.dev-banner');
    expect(await banner.getByRole('link', { name: '查看全部检查结果' }).getAttribute('href')).toBe('/dev/findings/');
    const errorsBefore = Number(await banner.getAttribute('data-errors'));

    // Break: an unknown department in owners (line 7 of the file, column 10).
    const broken = save('owners: [质管办]', 'owners: [不存在的处]');
    const finding = page.locator('.dev-panel [data-rule-id="org/unknown-department"]');
    await finding.waitFor({ timeout: 30_000 });
    const shownAfter = (performance.now() - broken) / 1000;
    expect(await placesOf(page, 'org/unknown-department')).toEqual(['7:10']);
    expect(await finding.locator('.dev-place').textContent()).toBe(`${procedure}:7:10`);
    expect(await finding.locator('.dev-message').textContent()).toContain('不存在的处');
    expect(Number(await page.locator('.dev-banner').getAttribute('data-errors'))).toBe(errorsBefore + 1);
    mkdirSync(join(projectRoot, 'test-output/screenshots'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'test-output/screenshots/dev-preview-finding.png') });

    // The dev-only page of all findings lists it under the document.
    const all = await context.newPage();
    await all.goto(`${base}/dev/findings/`);
    expect(await all.locator('h1').textContent()).toBe('全部检查结果');
    const section = all.locator('.dev-file', { has: all.getByRole('link', { name: 'JMI/CX/13 文件与资料控制' }) });
    expect(await section.locator('[data-rule-id="org/unknown-department"]').getAttribute('data-line')).toBe('7');
    await all.close();

    // Fix: the finding disappears and the panel says the file is clean again.
    const fixed = save('owners: [不存在的处]', 'owners: [质管办]');
    await page.locator('.dev-panel .dev-clean').waitFor({ timeout: 30_000 });
    const goneAfter = (performance.now() - fixed) / 1000;
    expect(await placesOf(page, 'org/unknown-department')).toEqual([]);

    // The body updates too: a saved heading appears without reloading by hand.
    const edited = save('## 1 目的', '## 1 编制目的');
    await page.getByRole('heading', { name: '1 编制目的' }).waitFor({ timeout: 30_000 });
    const bodyAfter = (performance.now() - edited) / 1000;

    console.log(`npm run dev：保存到页面显示新问题 ${shownAfter.toFixed(2)} 秒，修正后问题消失 ${goneAfter.toFixed(2)} 秒，正文标题更新 ${bodyAfter.toFixed(2)} 秒`);
    writeFileSync(join(projectRoot, 'test-output/dev-preview-seconds.json'), `${JSON.stringify({ shownAfter, goneAfter, bodyAfter }, null, 2)}\n`);

  });
});
