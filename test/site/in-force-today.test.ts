/**
 * Issue 24: every output answers "what is in force today" as `audit --at` does. A temporary
 * repository where, on 2026-12-05, the regulation's committed revision A/1 takes effect only on
 * 2027-01-04 and the standard was never in force; built on that day, then again on 2027-01-04 (the
 * daily CI build), with the PDF cache kept between the two builds. The same site also shows the
 * record's group keeper, its one 序号 column and 记录编号 as the PDF does.
 */
import { existsSync, readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyAtTop, inForceToday } from '../../src/history/in-force-today.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildSite, projectRoot } from '../../src/site/build/build-site.ts';
import { loadSite } from '../../src/site/astro/load-site.ts';
import { searchPage } from '../../src/site/search/search-index.ts';
import type { TestRepo } from '../history/git-repo.ts';
import { comingDate, futureRevisionRepo, scenarioToday } from '../helpers/future-revision.ts';
import { pageTexts } from '../print/pdf-reading.ts';

let repo: TestRepo;
/** Pages and PDF texts of the build on 2026-12-05 (read before the rebuild) and of the one on 2027-01-04. */
const before: Record<string, string> = {};
const beforePdf: Record<string, string[]> = {};
const after: Record<string, string> = {};
const afterPdf: Record<string, string[]> = {};
let searchBefore: Record<string, string> = {};

const pages = {
  regulation: 'regulations/jmi-zd-13-01/index.html',
  standard: 'standards/jmi-bz-1-01/index.html',
  regulations: 'regulations/index.html',
  standards: 'standards/index.html',
  register: 'register/index.html',
  registerCsv: 'register/register.csv',
  titles: 'search-titles.json',
  record: 'records/jmi-jl-13-01/index.html',
};
/** The Word copies (dist/docx/): present or not, and their text. */
const docxFiles = { regulation: 'docx/jmi-zd-13-01.docx', standard: 'docx/jmi-bz-1-01.docx' };
const beforeDocx: Record<string, string | undefined> = {};
const afterDocx: Record<string, string | undefined> = {};
const pdfs = { regulation: 'pdf/jmi-zd-13-01.pdf', standard: 'pdf/jmi-bz-1-01.pdf', record: 'pdf/jmi-jl-13-01.pdf', form: 'pdf/forms/jmi-jl-13-01.pdf', book: 'pdf/full-manual.pdf' };

async function build(today: string, pageOut: Record<string, string>, pdfOut: Record<string, string[]>, docxOut: Record<string, string | undefined>): Promise<void> {
  const out = join(repo.root, 'dist');
  const lines: string[] = [];
  const saved = process.env.SHOUKONG_TODAY;
  const result = await buildSite({ contentRoot: repo.root, outDir: out, today, log: (line) => lines.push(line) });
  if (saved === undefined) delete process.env.SHOUKONG_TODAY;
  if (result.exitCode !== 0) throw new Error(`构建失败：\n${lines.join('\n')}`);
  for (const [name, path] of Object.entries(pages)) pageOut[name] = readFileSync(join(out, path), 'utf8');
  for (const [name, path] of Object.entries(pdfs)) pdfOut[name] = await pageTexts(new Uint8Array(readFileSync(join(out, path))));
  for (const [name, path] of Object.entries(docxFiles)) docxOut[name] = existsSync(join(out, path)) ? (await mammoth.extractRawText({ path: join(out, path) })).value : undefined;
}

beforeAll(async () => {
  repo = futureRevisionRepo();
  await build(scenarioToday, before, beforePdf, beforeDocx);
  process.env.SHOUKONG_TODAY = scenarioToday;
  try {
    const site = await loadSite(repo.root, projectRoot);
    searchBefore = Object.fromEntries(['JMI/ZD/13-01', 'JMI/BZ/1-01'].map((n) => [n, searchPage(site.byNumber.get(n)!, site.renderBodyOf(n).html)]));
  } finally {
    delete process.env.SHOUKONG_TODAY;
  }
  await build(comingDate, after, afterPdf, afterDocx);
}, 600_000);

afterAll(() => {
  delete process.env.SHOUKONG_TODAY;
});

/** The table row of one document in a list (its first cell is the number) or the register (data-number). */
const rowOf = (html: string, number: string) =>
  [...html.matchAll(/<tr[^>]*>[^]*?<\/tr>/g)].map((m) => m[0]).find((row) => row.includes(`data-number="${number}"`) || row.includes(`<td class="num">${number}</td>`)) ?? '';
/** 受控 in a printed copy: the mark on the title block and 受控文件 in the footer. */
const stamps = (pdfText: string) => (pdfText.match(/受控/g) ?? []).length;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('the decision, from Git history', () => {
  it('keeps A/0 in force with A/1 coming, and the never-effective standard pending, until the date', () => {
    const set = loadDocumentSet(repo.root);
    const history = historyAtTop(repo.root);
    const today = inForceToday(set, history, scenarioToday);
    const of = (number: string) => today.set.documents.find((d) => d.data.number === number)!;
    expect(today.decisionOf(of('JMI/ZD/13-01'))).toMatchObject({ state: 'in-force', label: '现行', controlled: true, coming: { version: 'A/1', effectiveDate: comingDate, label: '已批准，待生效（2027-01-04 起）' } });
    expect(of('JMI/ZD/13-01').data.version).toBe('A/0');
    expect(today.textOf(of('JMI/ZD/13-01'))).not.toContain('第二条');
    expect(today.decisionOf(of('JMI/BZ/1-01'))).toEqual({ state: 'pending', label: '已批准，待生效（2027-01-04 起）', controlled: false });
    const onTheDay = inForceToday(set, history, comingDate);
    expect(onTheDay.set).toBe(set);
    expect(onTheDay.decisionOf(of('JMI/ZD/13-01'))).toEqual({ state: 'in-force', label: '现行', controlled: true });
    expect(onTheDay.decisionOf(of('JMI/BZ/1-01'))).toEqual({ state: 'in-force', label: '现行', controlled: true });
  });
});

describe(`built on ${scenarioToday}`, () => {
  it('shows the regulation in force (A/0) on its page, with a notice and a link to the coming A/1', () => {
    const page = text(before.regulation!);
    expect(page).toContain('新版本待生效新版本 A/1 已批准，待生效（2027-01-04 起）。在此之前现行的是本页所示的 A/0 版');
    expect(before.regulation).toContain('href="/history/jmi-zd-13-01/#v-a-1"');
    expect(page).toMatch(/版本\s*A\/0/);
    expect(page).toMatch(/生效日期\s*2024-09-01/);
    expect(page).not.toContain('第二条 电子文件与纸质文件具有同等效力');
    expect(before.regulation).toContain('下载 PDF（受控打印版）');
  });

  it('shows the never-effective standard as 已批准，待生效, not 现行', () => {
    expect(before.standard).toContain('<span class="status status-pending">已批准，待生效（2027-01-04 起）</span>');
    expect(text(before.standard!)).toContain('尚未生效本文件已批准，待生效（2027-01-04 起），此前从未生效');
    expect(before.standard).not.toContain('status-in-force');
    expect(before.standard).toContain('下载 PDF（待生效，非受控）');
  });

  it('badges the lists the same way', () => {
    const regulation = rowOf(before.regulations!, 'JMI/ZD/13-01');
    expect(regulation).toContain('<span class="status status-in-force">现行</span>');
    expect(text(regulation)).toContain('A/0');
    expect(text(regulation)).toContain('2024-09-01');
    expect(rowOf(before.standards!, 'JMI/BZ/1-01')).toContain('<span class="status status-pending">已批准，待生效（2027-01-04 起）</span>');
  });

  it('lists A/0 as in force on the register, with the coming version, and the standard as pending', () => {
    const regulation = text(rowOf(before.register!, 'JMI/ZD/13-01'));
    expect(regulation).toMatch(/A\/0 现行 2024-09-01/);
    expect(regulation).toContain('新版本 A/1 已批准，待生效（2027-01-04 起）');
    expect(text(rowOf(before.register!, 'JMI/BZ/1-01'))).toContain('已批准，待生效（2027-01-04 起） 2027-01-04');
    expect(before.registerCsv).toMatch(/\r\nJMI\/ZD\/13-01,文件管理办法,制度,知识库,A\/0,现行,2024-09-01,[^\r]*,A\/1 已批准，待生效（2027-01-04 起）,content\/regulations\/jmi-zd-13-01\.mdx\r\n/);
  });

  it('gives search the version in force and the pending state', () => {
    expect(searchBefore['JMI/ZD/13-01']).toContain('第一条 为规范文件管理，制定本办法。');
    expect(searchBefore['JMI/ZD/13-01']).not.toContain('状态：');
    expect(searchBefore['JMI/ZD/13-01']).not.toContain('第二条');
    expect(searchBefore['JMI/BZ/1-01']).toContain('<p>状态：已批准，待生效（2027-01-04 起）</p>');
    const titles = JSON.parse(before.titles!) as { n: string; k: string }[];
    expect(titles.find((t) => t.n === 'JMI/ZD/13-01')?.k).toBe('制度');
    expect(titles.find((t) => t.n === 'JMI/BZ/1-01')?.k).toBe('标准 · 已批准，待生效（2027-01-04 起）');
  });

  it('prints A/0 stamped 受控, the standard without the stamp, and leaves it out of the whole manual', () => {
    const regulation = beforePdf.regulation!.join('');
    expect(stamps(regulation)).toBe(2);
    expect(regulation).toMatch(/受控$/);
    expect(regulation).toContain('版本A/0');
    expect(regulation).toContain('状态现行生效日期2024-09-01');
    expect(regulation).not.toContain('第二条');
    expect(regulation).toContain('版本A/0受控文件');
    const standard = beforePdf.standard!.join('');
    expect(standard).not.toContain('受控');
    expect(standard).toContain('本文件已批准，待生效（2027-01-04起），在生效日期之前不得作为工作依据');
    expect(standard).toContain('状态已批准，待生效（2027-01-04起）生效日期2027-01-04');
    expect(standard).toContain('版本A/0待生效');
    expect(beforePdf.book!.join('')).not.toContain('办学基本条件标准');
  });

  it('copies A/0 into the Word version, and gives the never-effective standard no Word copy or link', () => {
    expect(beforeDocx.regulation).toContain('A/0');
    expect(beforeDocx.regulation).toContain('现行');
    expect(beforeDocx.regulation).not.toContain('第二条');
    expect(before.regulation).toContain('下载 Word 版（.docx）');
    expect(beforeDocx.standard).toBeUndefined();
    expect(before.standard).not.toContain('下载 Word 版');
  });
});

describe(`built again on ${comingDate} (the daily build), with the PDF cache of the day before`, () => {
  it('shows and prints A/1 as in force, and the standard as 现行 and 受控', () => {
    expect(text(after.regulation!)).toContain('第二条 电子文件与纸质文件具有同等效力');
    expect(after.regulation).not.toContain('新版本待生效');
    expect(rowOf(after.standards!, 'JMI/BZ/1-01')).toContain('<span class="status status-in-force">现行</span>');
    expect(text(rowOf(after.register!, 'JMI/ZD/13-01'))).toMatch(/A\/1 现行 2027-01-04/);
    expect(afterPdf.regulation!.join('')).toContain('第二条电子文件与纸质文件具有同等效力');
    expect(afterPdf.regulation!.join('')).toContain('版本A/1受控文件');
    const standard = afterPdf.standard!.join('');
    expect(stamps(standard)).toBe(2);
    expect(standard).toMatch(/受控$/);
    expect(standard).toContain('版本A/0受控文件');
    expect(afterPdf.book!.join('')).toContain('办学基本条件标准');
    expect(afterDocx.regulation).toContain('第二条');
    expect(afterDocx.standard).toContain('办学基本条件标准');
  });
});

describe('a record kept by a group, with a table that declares its own 序号 (web and print agree)', () => {
  it('shows the group 教学单位 as 保管部门, as the PDF prints it', () => {
    expect(before.record).toMatch(/<dt>保管部门<\/dt><dd>教学单位<\/dd>/);
    expect(beforePdf.record!.join('')).toContain('保管部门教学单位');
  });

  it('has one 序号 column on the web form and on the printed form', () => {
    const table = /<table class="inner-rows">[^]*?<\/table>/.exec(before.record!)?.[0] ?? '';
    expect([...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(['序号', '章条号', '修改内容']);
    expect(beforePdf.form!.join('')).toContain('修改要点序号章条号修改内容123');
    expect(beforePdf.form!.join('').match(/序号/g)).toHaveLength(1);
  });

  it('calls the form number 记录编号 on both', () => {
    expect(before.record).toContain('<span>记录编号：JMI/JL/13-01</span>');
    expect(before.record).not.toContain('表单编号');
    expect(beforePdf.form!.join('')).toContain('记录编号：JMI/JL/13-01');
  });
});
