import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldKeys, formLayout, layoutTables, pageWidths, tableWidth } from '../../src/model/form-layout.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import type { FormField } from '../../src/model/schemas/record.ts';
import { jobHtml, printJobs, printSetup, type PrintJob } from '../../src/print/build-pdfs.ts';
import { startRenderer, type PdfRenderer } from '../../src/print/pdf-renderer.ts';
import { pageSizes, pageTexts } from './pdf-reading.ts';

const root = join(import.meta.dirname, '../..');
const set = loadDocumentSet(root);
const template = (number: string) => set.documents.find((d) => d.data.number === number)!;

describe('form layout (model)', () => {
  it('prints the 9-column table of 质量目标分解表 full width under its label, on landscape pages', () => {
    const layout = formLayout({ fields: template('JMI/JL/01-01').data.fields! });
    expect(layout.orientation).toBe('landscape');
    expect(layout.orientationChosen).toBe(true);
    expect(layout.blocks.map((b) => b.kind)).toEqual(['grid', 'table', 'grid']);
    const block = layout.blocks[1]!;
    const table = block.kind === 'table' ? block.table : undefined;
    expect(table?.key).toBe('分解明细');
    expect(table?.columns.map((c) => c.label)).toEqual(['序号', '质量目标指标', '计算口径', '学校目标值', '主责部门', '协同部门', '部门目标值', '数据来源', '统计时点']);
    expect(table?.columns.find((c) => c.label === '数据来源')?.legend).toEqual([
      { letter: 'A', option: '状态数据平台自动采集' },
      { letter: 'B', option: '部门填报' },
      { letter: 'C', option: '第三方调查' },
    ]);
  });

  it('keeps a narrow table in the grid, prints short options as boxes, and follows a declared orientation', () => {
    const fields = template('JMI/JL/13-01').data.fields!;
    const layout = formLayout({ fields });
    expect(layout.orientation).toBe('portrait');
    expect(layout.blocks.every((b) => b.kind === 'grid')).toBe(true);
    const related = layout.blocks.flatMap((b) => (b.kind === 'grid' ? b.rows.flat() : [])).find((f) => f.key === '受影响的关联文件');
    expect(related && 'table' in related ? related.table.columns.at(-1)?.legend : 'none').toBeUndefined();
    expect(formLayout({ fields, orientation: 'landscape' })).toMatchObject({ orientation: 'landscape', orientationChosen: false });
  });

  it('keeps in the grid only tables that fit beside their label, and turns only forms whose widest table needs it', () => {
    const forms = set.documents.filter((d) => d.type === 'record');
    expect(forms).toHaveLength(47);
    const landscape: string[] = [];
    for (const doc of forms) {
      const layout = formLayout({ fields: doc.data.fields! });
      for (const block of layout.blocks) {
        if (block.kind !== 'grid') continue;
        for (const cell of block.rows.flat()) if ('table' in cell) expect(cell.table.columns.length, doc.data.number).toBeLessThanOrEqual(4);
      }
      const widest = Math.max(0, ...layoutTables(layout).map(tableWidth));
      expect(layout.orientation === 'landscape', doc.data.number).toBe(widest > pageWidths.portrait);
      if (layout.orientation === 'landscape') landscape.push(doc.data.number!);
    }
    expect(landscape).toEqual(['JMI/JL/01-01', 'JMI/JL/02-01', 'JMI/JL/02-02', 'JMI/JL/03-02', 'JMI/JL/07-02', 'JMI/JL/08-1-01', 'JMI/JL/08-4-01']);
  });

  it('gives a signature that shares its label with a name field its own key', () => {
    const fields: FormField[] = [
      { label: '借阅人', kind: 'text' },
      { label: '借阅人', kind: 'signature' },
    ];
    expect(fieldKeys(fields).map((f) => f.key)).toEqual(['借阅人', '借阅人（签名）']);
  });
});

/** Text items of each page with their baseline (y), to tell a header on one line from a wrapped one. */
async function pageItems(bytes: Uint8Array): Promise<{ str: string; y: number }[][]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { str: string; y: number }[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, y: Math.round(item.transform[5] as number) }] : [])));
  }
  await doc.destroy();
  return pages;
}

describe('printed forms', () => {
  let renderer: PdfRenderer;
  const pdfs = new Map<string, Uint8Array>();
  const jobs = printJobs(set).filter((j) => ['JMI/JL/01-01', 'JMI/JL/07-02', 'JMI/JL/13-01'].includes(j.doc.data.number));
  const key = (j: PrintJob) => `${j.kind} ${j.doc.data.number}`;
  beforeAll(async () => {
    const { ctx } = printSetup(root, set);
    renderer = await startRenderer();
    for (const job of jobs) pdfs.set(key(job), await renderer.render(jobHtml(job, ctx)));
  });
  afterAll(() => renderer?.close());

  it('prints 质量目标分解表 on two landscape pages, the header of its table on one line, with the legend', async () => {
    const pdf = pdfs.get('form JMI/JL/01-01')!;
    const sizes = await pageSizes(pdf);
    expect(sizes).toHaveLength(2);
    for (const s of sizes) expect(s.width).toBeGreaterThan(s.height);
    const [first] = await pageItems(pdf);
    const headers = ['质量目标指标', '计算口径', '学校目标值', '主责部门', '协同部门', '部门目标值', '数据来源', '统计时点'];
    const ys = headers.map((h) => first!.find((item) => item.str === h)?.y);
    expect(ys.every((y) => y !== undefined)).toBe(true);
    expect(new Set(ys).size).toBe(1);
    const text = (await pageTexts(pdf)).join('');
    expect(text).toContain('数据来源A状态数据平台自动采集B部门填报C第三方调查');
    expect(text).toContain('签名：日期：年月日');
  });

  it('puts form content on every page: no page holds only the header', async () => {
    for (const job of jobs.filter((j) => j.kind === 'form')) {
      const texts = await pageTexts(pdfs.get(key(job))!);
      const d = job.doc.data;
      const layout = formLayout({ fields: d.fields! });
      const tableHeaders = layoutTables(layout).map((t) => t.columns.map((c) => c.label).join(''));
      // The running header and footer, and a table header repeated on a new page: none of it is the form's content.
      const furniture = [`江苏海事职业技术学院（示例）${d.number}${d.title}`, /构建[0-9a-f]+/, /第\d+页共\d+页/, `版本${d.version}受控文件保存期限${d.retention}`, ...tableHeaders];
      texts.forEach((page, i) => {
        const body = furniture.reduce<string>((text, f) => text.replace(f, ''), page);
        expect(body.length).toBeLessThan(page.length - 30);
        expect(body.length, `${key(job)} 第 ${i + 1} 页`).toBeGreaterThan(20);
      });
    }
  });

  it('prints the form section of the record’s own PDF on landscape pages between portrait ones', async () => {
    const sizes = await pageSizes(pdfs.get('document JMI/JL/01-01')!);
    expect(sizes[0]!.width).toBeLessThan(sizes[0]!.height);
    expect(sizes.some((s) => s.width > s.height)).toBe(true);
  });

  it('prints the 10-column 实训室使用登记表 on three landscape pages (five portrait ones before)', async () => {
    const sizes = await pageSizes(pdfs.get('form JMI/JL/07-02')!);
    expect(sizes).toHaveLength(3);
    for (const s of sizes) expect(s.width).toBeGreaterThan(s.height);
  });

  it('keeps 文件编制（修订）申请表 portrait on two pages', async () => {
    const sizes = await pageSizes(pdfs.get('form JMI/JL/13-01')!);
    expect(sizes).toHaveLength(2);
    for (const s of sizes) expect(s.width).toBeLessThan(s.height);
  });
});
