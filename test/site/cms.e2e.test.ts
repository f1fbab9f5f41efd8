/**
 * End-to-end: the web editor (/admin/, Decap CMS) in `npm run dev` against a temporary Git copy of the
 * example. Headless Chromium edits one sentence of JMI/CX/13, answers the 修订摘要 and 修订人 prompts
 * and publishes; the file on disk then differs in exactly that line, the version and effective date,
 * and the appended revision record, and `check --base HEAD` passes.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/browser/launch.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { commitAll } from '../helpers/fixture-set.ts';
import { localDate } from '../../src/model/calendar-date.ts';
import { startDev, type DevServer } from '../helpers/dev-server.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const procedure = 'content/procedures/jmi-cx-13.mdx';
const sentence = '为体系运行、内部审核和诊断与改进提供可靠依据。';
let root: string;
let dev: DevServer | undefined;
let base: string;
let browser: Browser;

beforeAll(async () => {
  root = testTempDir('shoukong-cms-');
  cpSync(join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
  commitAll(root, '示例', '2026-11-20T09:00:00+08:00');
  dev = await startDev(root, '/admin/config.json');
  base = dev.base;
  ({ browser } = await launchBrowser());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
});

describe('web editor (/admin/) in npm run dev', () => {
  it('edits one sentence of JMI/CX/13, adds the revision record and next version, and the change passes check --base HEAD', async () => {
    const before = readFileSync(join(root, procedure), 'utf8');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const prompts: string[] = [];
    page.on('dialog', async (dialog) => {
      prompts.push(dialog.message());
      await dialog.accept(dialog.message().startsWith('修订人') ? '孙晓燕' : '修改目的中“可靠依据”的表述');
    });
    await page.goto(`${base}/admin/`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${base}/admin/#/collections/procedure/entries/jmi-cx-13`);
    const line = page.locator('[data-slate-string]', { hasText: sentence });
    await line.waitFor({ timeout: 60_000 });
    // The preview is the site's own renderer: tables as tables, [[编号]] as links to the document's page.
    const preview = page.frameLocator('iframe').first();
    await preview.locator('.doc-body table').first().waitFor({ timeout: 30_000 });
    expect(await preview.locator('.doc-body a.doc-ref[href="/regulations/jmi-zd-13-02/"]').count()).toBeGreaterThan(0);
    expect(await preview.locator('script').count()).toBe(0);
    // Select 可靠 in the raw Markdown editor and type over it, as an author would.
    await line.click();
    await line.evaluate((span, word) => {
      const text = span.firstChild!;
      const at = text.textContent!.indexOf(word);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + word.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, '可靠');
    await page.waitForTimeout(200); // the editor takes the DOM selection on its next selectionchange event
    await page.keyboard.type('坚实');
    await page.locator('[data-slate-string]', { hasText: '提供坚实依据。' }).waitFor();
    mkdirSync(join(projectRoot, 'test-output/screenshots'), { recursive: true });
    await page.screenshot({ path: join(projectRoot, 'test-output/screenshots/cms-edit.png') });
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    const today = localDate(); // the browser's date, as the editor writes it into the revision record
    await expect.poll(() => readFileSync(join(root, procedure), 'utf8'), { timeout: 30_000 }).toContain(`version: B/2\n`);

    expect(prompts).toEqual([expect.stringContaining('请填写修订摘要'), '修订人（姓名）：']);
    const after = readFileSync(join(root, procedure), 'utf8');
    const expected = before
      .replace('version: B/1\n', 'version: B/2\n')
      .replace('effectiveDate: 2026-11-16\n', `effectiveDate: ${today}\n`)
      .replace('    author: 孙晓燕\nregulations:', `    author: 孙晓燕\n  - version: B/2\n    date: ${today}\n    summary: 修改目的中“可靠依据”的表述\n    author: 孙晓燕\nregulations:`)
      .replace(sentence, '为体系运行、内部审核和诊断与改进提供坚实依据。');
    expect(after).toBe(expected);

    const result = checkCommand(['--root', root, '--base', 'HEAD', '--no-cache', '--today', today], { cwd: root });
    expect(result.stdout).toContain('检查了');
    expect(result.exitCode, result.stdout).toBe(0);
    await page.close();
  }, 180_000);
});
