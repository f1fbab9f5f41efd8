/**
 * 在线填写 in real headless Chromium on the example built for /zlbz/: the record page lays out the form
 * as paper does, fills in JMI/JL/13-01 with the network off, checks required fields, saves the record
 * as a JSON file that the published schema accepts (ajv 2020-12), and prints the filled form.
 */
import { localDate } from '../../src/model/calendar-date.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDefinition } from '../../src/model/record-json-schema.ts';
import { lendReaderFont } from '../helpers/reader-font.ts';
import { recordAjv } from '../helpers/record-ajv.ts';
import { pageSizes, pageTexts } from '../print/pdf-reading.ts';
import { startSiteSession, type SiteSession } from './history-session.ts';

const base = '/zlbz/';
let site: SiteSession;

beforeAll(async () => {
  site = await startSiteSession(base);
}, 900_000);

afterAll(async () => {
  await site?.close();
});

describe('the record page', () => {
  it('shows 质量目标分解表 with its wide table under its label, the header on one line, and the legend', async () => {
    const page = await site.open(`${base}records/jmi-jl-01-01/`);
    const block = page.locator('.form-sheet .table-block');
    expect(await block.locator('.table-label').textContent()).toContain('分解明细');
    const heights = await block.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().height));
    expect(heights).toHaveLength(9);
    const lineHeight = await block.locator('thead th').first().evaluate((th) => parseFloat(getComputedStyle(th).lineHeight));
    for (const h of heights) expect(h).toBeLessThan(lineHeight * 2);
    expect((await block.locator('.choice-legend').textContent())?.replace(/\s+/g, ' ')).toBe('数据来源A 状态数据平台自动采集B 部门填报C 第三方调查');
    await page.close();
  });

  it('links the form’s JSON Schema and lists it in /records/schemas.json', async () => {
    const index = JSON.parse(readFileSync(join(site.dist, 'records/schemas.json'), 'utf8')) as { forms: { number: string; schema: string }[] };
    expect(index.forms).toHaveLength(47);
    expect(index.forms.find((f) => f.number === 'JMI/JL/13-01')?.schema).toBe('/zlbz/records/jmi-jl-13-01/schema.json');
    const page = await site.open(`${base}records/jmi-jl-13-01/`);
    expect(await page.getByRole('link', { name: 'JSON Schema' }).getAttribute('href')).toBe('/zlbz/records/jmi-jl-13-01/schema.json');
    await page.close();
  });
});

describe('在线填写 JMI/JL/13-01', () => {
  it('fills in offline, refuses a record without its required fields, saves JSON the schema accepts, and prints the filled form', async () => {
    const page = await site.open(`${base}records/jmi-jl-13-01/`);
    // The form prints with the reader's font; the text read back below needs one with Chinese glyphs.
    await lendReaderFont(page);
    await page.context().setOffline(true);
    try {
      await page.getByRole('button', { name: '在线填写' }).click();
      const form = page.getByRole('form', { name: '文件编制（修订）申请表（在线填写）' });
      await form.getByRole('button', { name: '保存为 JSON 文件' }).click();
      const problems = await form.locator('.fill-problems li').allTextContents();
      expect(problems).toContain('“申请部门”为必填项');
      expect(problems).toContain('“申请理由”为必填项');
      expect(await form.getByRole('status').textContent()).toBe(`有 ${problems.length} 处需要修改`);

      await form.getByLabel('申请部门', { exact: true }).fill('教务处');
      await form.getByLabel('申请日期', { exact: true }).fill('2026-12-01');
      await form.getByRole('radiogroup', { name: '申请类别' }).getByLabel('修改').check();
      await form.getByRole('radiogroup', { name: '文件类型' }).getByLabel('程序文件').check();
      await form.getByLabel('文件编号与名称', { exact: true }).fill('JMI/CX/08-1 教学运行管理程序');
      await form.getByRole('group', { name: '申请理由' }).getByLabel('定期评审结论').check();
      await form.getByRole('group', { name: '申请理由' }).getByLabel('业务流程优化').check();
      await form.getByLabel('修改要点 第 1 行 章条号').fill('5.2');
      await form.getByLabel('修改要点 第 1 行 原内容摘要').fill('期末考试安排由教务处统一编排');
      await form.getByLabel('修改要点 第 1 行 修改后内容摘要').fill('由二级学院编排，教务处审核');
      await form.getByLabel('受影响的关联文件 第 1 行 文件编号').fill('JMI/JL/08-1-01');
      await form.getByLabel('受影响的关联文件 第 1 行 是否需同步修改').selectOption('待复核');
      await form.getByLabel('申请部门负责人 签名').fill('王建国');
      await form.getByLabel('申请部门负责人 日期').fill('2026-12-02');
      await form.getByRole('button', { name: '检查' }).click();
      expect(await form.getByRole('status').textContent()).toBe('检查通过：必填项已填写，选项和日期有效');

      const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '保存为 JSON 文件' }).click()]);
      const date = localDate();
      expect(download.suggestedFilename()).toBe(`JMI-JL-13-01_B-0_${date}.json`);
      const record = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(record).toEqual({
        form: 'JMI/JL/13-01',
        version: 'B/0',
        date,
        values: {
          申请部门: '教务处',
          申请日期: '2026-12-01',
          申请类别: '修改',
          文件类型: '程序文件',
          文件编号与名称: 'JMI/CX/08-1 教学运行管理程序',
          申请理由: ['定期评审结论', '业务流程优化'],
          修改要点: [{ 章条号: '5.2', 原内容摘要: '期末考试安排由教务处统一编排', 修改后内容摘要: '由二级学院编排，教务处审核' }],
          受影响的关联文件: [{ 文件编号: 'JMI/JL/08-1-01', 是否需同步修改: '待复核' }],
          申请部门负责人: { 签名: '王建国', 日期: '2026-12-02' },
        },
      });
      const schema = JSON.parse(readFileSync(join(site.dist, 'records/jmi-jl-13-01/schema.json'), 'utf8'));
      const validate = recordAjv().compile(schema);
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);

      // 打印: the page's own button marks the filled form for the print stylesheet.
      await page.evaluate(() => {
        window.print = () => undefined;
      });
      await form.getByRole('button', { name: '打印' }).click();
      await page.emulateMedia({ media: 'print' });
      const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      // Kept under test-output/ for a person to look at.
      writeFileSync(join(site.dist, '../record-fill.pdf'), pdf);
      const text = (await pageTexts(pdf)).join('');
      for (const expected of ['文件编制（修订）申请表', '记录编号：JMI/JL/13-01', '教务处', '期末考试安排由教务处统一编排', '王建国']) expect(text).toContain(expected);
      // Only the form: not the page's heading, its body text or the button that opened the form.
      expect(text).not.toContain('在线填写');
      expect(text).not.toContain('填写说明1.');
      const sizes = await pageSizes(pdf);
      expect(sizes[0]!.width).toBeLessThan(sizes[0]!.height);
    } finally {
      await page.context().setOffline(false);
      await page.close();
    }
  });
});

describe('在线填写 with a hostile template', () => {
  it('builds the form with text only: markup in a label, an option or a note never becomes HTML', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    const fields = [
      { label: hostile, kind: 'choice' as const, options: [hostile, '</script><b>x</b>'], required: true, note: hostile },
      { label: '明细', kind: 'table' as const, columns: [{ label: hostile }] },
    ];
    const definition = fillDefinition({ number: 'JMI/JL/99-01', title: hostile, version: 'A/0', fields });
    const script = readFileSync(join(import.meta.dirname, '../../public/record-fill.js'), 'utf8');
    const page = await site.open(`${base}`);
    await page.setContent(`<!doctype html><meta charset="utf-8"><button id="record-fill-start">在线填写</button><div id="record-fill" hidden></div>
<script type="application/json" id="record-fill-data">${JSON.stringify(definition).replace(/</g, '\\u003c')}</script><script>${script}</script>`);
    await page.getByRole('button', { name: '在线填写' }).click();
    expect(await page.locator('#record-fill img, #record-fill b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('.form-title').textContent()).toBe(hostile);
    expect(await page.locator('#record-fill th').first().textContent()).toBe(`${hostile}*`);
    await page.close();
  });
});
