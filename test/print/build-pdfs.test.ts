import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildPdfs, type BuildPdfsResult } from '../../src/print/build-pdfs.ts';
import { documentPdfFile, formPdfFile, wholeManualFile } from '../../src/print/pdf-paths.ts';
import { fontsOf, linkTargets, outlineOf, pageSizes, pageTexts } from './pdf-reading.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const fixture = join(import.meta.dirname, 'fixtures/small-system');
const pngDir = join(import.meta.dirname, '../../test-output/pdf-png');
let root: string;
let out: string;
let first: BuildPdfsResult;
let commit: string;
const log: string[] = [];

const read = (file: string) => new Uint8Array(readFileSync(join(out, file)));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.org', ...args], { cwd: root, encoding: 'utf8' });

beforeAll(async () => {
  root = testTempDir('shoukong-print-test-');
  cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
  git('init', '-q');
  git('add', 'content');
  git('commit', '-q', '-m', 'fixture');
  commit = git('rev-parse', '--short', 'HEAD').trim();
  out = join(root, 'dist/pdf');
  first = await buildPdfs({ root, set: loadDocumentSet(root), outDir: out, log: (l) => log.push(l) });
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('one PDF per document', () => {
  const numbers = ['JMI/CX/13', 'JMI/LC/13-01', 'JMI/JL/13-01', 'JMI/ZD/13-01', 'JMI/BZ/1-01', 'JMI/SC/01'];

  it('prints every document, a blank form per record, and the whole manual', () => {
    expect(first).toMatchObject({ documents: 10, forms: 3, rendered: 13, cached: 0 });
    for (const n of numbers) expect(existsSync(join(out, documentPdfFile(n))), n).toBe(true);
    for (const n of ['JMI/JL/13-01', 'JMI/JL/13-02', 'JMI/JL/13-03']) expect(existsSync(join(out, formPdfFile(n))), n).toBe(true);
    expect(existsSync(join(out, wholeManualFile))).toBe(true);
    expect(log.at(-1)).toMatch(/^PDF 完成：10 份文件、3 份空白表单/);
  });

  it.each(numbers)('%s: A4 pages, each with its number, 第 X 页 共 Y 页 and the commit', async (number) => {
    const bytes = read(documentPdfFile(number));
    const sizes = await pageSizes(bytes);
    expect(sizes.length).toBeGreaterThanOrEqual(1);
    expect(sizes.length).toBeLessThanOrEqual(12);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(595.3, 0);
      expect(size.height).toBeCloseTo(841.9, 0);
    }
    const texts = await pageTexts(bytes);
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(number);
      expect(text, `page ${i + 1}`).toContain(`第${i + 1}页共${texts.length}页`);
      expect(text, `page ${i + 1}`).toContain(`构建${commit}`);
      expect(text, `page ${i + 1}`).toContain('江苏海事职业技术学院');
    });
  });

  it.each(numbers)('%s: every font is embedded, the CJK ones from Noto', async (number) => {
    const fonts = await fontsOf(read(documentPdfFile(number)));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.filter((f) => !/Noto(Sans|Serif)SC/.test(f.name))).toEqual([]);
  });

  it('has the title block, the body and the revision records of a procedure', async () => {
    const text = (await pageTexts(read(documentPdfFile('JMI/CX/13')))).join('');
    for (const expected of ['程序文件', '文件与资料控制', '文件编号JMI/CX/13', '版本B/1', '状态现行', '生效日期2026-11-16', '牵头部门质量管理与教学督导办公室', '协作部门所有受控部门', '编制审核批准刘明华赵德胜周志远', '受控', '示例文本', '1目的', '修订记录', 'A/02019-09-01首次发布']) {
      expect(text).toContain(expected);
    }
    // A reference written with a label shows its number on paper.
    expect(text).toContain('受控文件管理办法（JMI/ZD/13-02）');
  });

  it('marks the obsolete and the draft document with watermarks, not with 受控', async () => {
    const obsolete = await pageTexts(read(documentPdfFile('JMI/ZD/13-01')));
    for (const page of obsolete) expect(page).toContain('版本A/1作废');
    expect(obsolete.join('')).not.toContain('版本A/1受控文件');
    const draft = await pageTexts(read(documentPdfFile('JMI/BZ/1-01')));
    for (const page of draft) expect(page).toMatch(/版本[A-Z]\/\d草稿/);
  });

  it('writes the metadata: title, subject = number, keywords, creator, creation date', async () => {
    const pdf = await PDFDocument.load(read(documentPdfFile('JMI/CX/13')), { updateMetadata: false });
    expect(pdf.getTitle()).toBe('JMI/CX/13 文件与资料控制');
    expect(pdf.getSubject()).toBe('JMI/CX/13');
    expect(pdf.getKeywords()).toContain('受控文件');
    expect(pdf.getCreator()).toBe('Shoukong');
    expect(pdf.getCreationDate()?.getFullYear()).toBeGreaterThan(2020);
  });
});

describe('blank forms', () => {
  it('lays out the fields with tick boxes, table rows, signature and date lines, number and retention', async () => {
    const texts = await pageTexts(read(formPdfFile('JMI/JL/13-01')));
    const text = texts.join('');
    for (const expected of ['文件编制（修订）申请表', '记录编号：JMI/JL/13-01', '保存期限：长期', '申请部门', '新编修改换版作废', '（单选）', '（可多选）', '章条号原内容摘要修改后内容摘要', '签名：', '日期：', '年月日', '填写牵头部门简称，如教务处']) {
      expect(text).toContain(expected);
    }
    texts.forEach((page, i) => {
      expect(page).toContain('JMI/JL/13-01');
      expect(page).toContain(`第${i + 1}页共${texts.length}页`);
      expect(page).toContain('保存期限长期');
    });
  });
});

describe('the whole manual', () => {
  const current = ['JMI/SC/01', 'JMI/CX/13', 'JMI/LC/13-01', 'JMI/LC/13-02', 'JMI/ZD/13-02', 'JMI/JL/13-01', 'JMI/JL/13-02', 'JMI/JL/13-03'];

  it('has a bookmark for every current document, grouped by layer, in layer order', async () => {
    const outline = await outlineOf(read(wholeManualFile));
    expect(outline.map((b) => b.title)).toEqual(['封面', '目录', '质量手册', '程序文件', '知识库', '质量记录']);
    const documents = outline.flatMap(function flat(b): string[] {
      return b.children.length ? b.children.flatMap(flat) : /^JMI\//.test(b.title) ? [b.title.split(' ')[0]!] : [];
    });
    expect(documents).toEqual(current);
    expect(outline[4]!.children.map((b) => b.title)).toEqual(['流程', '制度']);
  });

  it('prints contents whose page numbers are where each document starts, matching the bookmarks', async () => {
    const bytes = read(wholeManualFile);
    const texts = await pageTexts(bytes);
    const outline = await outlineOf(bytes);
    const bookmarks = new Map(
      outline.flatMap(function flat(b): [string, number][] {
        return b.children.length ? b.children.flatMap(flat) : [[b.title.split(' ')[0]!, b.pageIndex]];
      }),
    );
    const contents = texts.filter((t) => t.includes('文件编号文件名称版本页码'));
    expect(contents.length).toBeGreaterThanOrEqual(1);
    for (const number of current) {
      const match = new RegExp(`${number.replace(/[/]/g, '\\/')}[^J]*?[A-Z]/\\d(\\d+)`).exec(contents.join(''));
      expect(match, number).not.toBeNull();
      const page = Number(match![1]);
      expect(texts[page - 1], number).toContain(number);
      expect(texts[page - 1], number).toContain('第1页共');
      expect(bookmarks.get(number), number).toBe(page - 1);
    }
    // Each document keeps its own page numbers; the book has all their pages plus cover and contents.
    let total = 0;
    for (const number of current) total += (await pageSizes(read(documentPdfFile(number)))).length;
    expect(texts.length).toBe(total + 1 + contents.length);
  });

  it('makes each contents row a link to the page where its document starts', async () => {
    const bytes = read(wholeManualFile);
    const texts = await pageTexts(bytes);
    const contentsPages = texts.flatMap((t, i) => (t.includes('文件编号文件名称版本页码') ? [i] : []));
    const targets = await linkTargets(bytes, contentsPages);
    // Number, title and page number of every row are links.
    expect(targets.length).toBe(current.length * 3);
    const starts = [...new Set(targets)];
    expect(starts.length).toBe(current.length);
    starts.forEach((page, i) => {
      expect(texts[page], current[i]).toContain(current[i]!);
      expect(texts[page], current[i]).toContain('第1页共');
    });
  });

  it('leaves out documents that are not current', async () => {
    const texts = await pageTexts(read(wholeManualFile));
    const contents = texts.filter((t) => t.includes('文件编号文件名称版本页码')).join('');
    expect(contents).toContain('JMI/ZD/13-02');
    expect(contents).not.toContain('JMI/ZD/13-01');
    expect(contents).not.toContain('JMI/BZ/1-01');
    expect(texts.join('')).not.toContain('版本A/1作废');
  });

  it('embeds every font and carries book metadata', async () => {
    const bytes = read(wholeManualFile);
    expect((await fontsOf(bytes)).filter((f) => !f.embedded)).toEqual([]);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toContain('内部质量保证体系文件汇编');
    expect(pdf.getCreator()).toBe('Shoukong');
  });
});

describe('cache', () => {
  it('reuses unchanged documents and prints again only the changed one', async () => {
    const again = await buildPdfs({ root, set: loadDocumentSet(root), outDir: out, log: () => {} });
    // Not even their HTML is built: every recorded input (titles, departments, approvals…) holds.
    expect(again).toMatchObject({ rendered: 0, cached: 13, unchanged: 13 });
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## 1 目的', '## 1 目的\n\n本句为测试时加入。'));
    const changed = await buildPdfs({ root, set: loadDocumentSet(root), outDir: out, log: () => {} });
    expect(changed).toMatchObject({ rendered: 1, cached: 12, unchanged: 12 });
    const texts = await pageTexts(read(documentPdfFile('JMI/CX/13')));
    expect(texts.join('')).toContain('本句为测试时加入');
    expect(texts[0]).toContain(`构建${commit}未提交`);
    expect((await pageTexts(read(documentPdfFile('JMI/LC/13-01'))))[0]).not.toContain('未提交');
  }, 180_000);

  it('prints again the documents that show a renamed document’s title, and no others', async () => {
    const untouched = read(documentPdfFile('JMI/BZ/1-01'));
    const file = join(root, 'content/regulations/jmi-zd-13-02.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 受控文件管理办法', 'title: 受控文件管理规定'));
    const result = await buildPdfs({ root, set: loadDocumentSet(root), outDir: out, log: () => {} });
    // The regulation itself, the procedure citing it, and the two flows whose 工作准则 print its title.
    expect(result).toMatchObject({ rendered: 4, cached: 9, unchanged: 9 });
    for (const flow of ['JMI/LC/13-01', 'JMI/LC/13-02']) {
      const texts = await pageTexts(read(documentPdfFile(flow)));
      expect(texts.join(''), flow).toContain('JMI/ZD/13-02《受控文件管理规定》');
      // They show a title that is not committed yet, so they say so.
      expect(texts[0], flow).toContain(`构建${commit}未提交`);
    }
    expect(read(documentPdfFile('JMI/BZ/1-01'))).toEqual(untouched);
  }, 180_000);

  it('keeps the PDFs a new commit did not change, with the commit they were printed at', async () => {
    git('commit', '-q', '-am', 'rename and edit');
    const next = git('rev-parse', '--short', 'HEAD').trim();
    const result = await buildPdfs({ root, set: loadDocumentSet(root), outDir: out, log: () => {} });
    // Only those printed with 未提交: the two changed files and the two flows showing the new title.
    expect(result).toMatchObject({ rendered: 4, cached: 9 });
    for (const number of ['JMI/CX/13', 'JMI/ZD/13-02', 'JMI/LC/13-01', 'JMI/LC/13-02']) {
      const first = (await pageTexts(read(documentPdfFile(number))))[0];
      expect(first, number).toContain(`构建${next}`);
      expect(first, number).not.toContain('未提交');
    }
    expect((await pageTexts(read(documentPdfFile('JMI/BZ/1-01'))))[0]).toContain(`构建${commit}`);
    // The whole manual carries the new commit on its cover.
    expect((await pageTexts(read(wholeManualFile)))[0]).toContain(`构建${next}`);
  }, 180_000);

  it('prints nothing again after a commit that touches no document, and keeps every PDF byte for byte', async () => {
    const files = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf') && f !== wholeManualFile);
    expect(files).toHaveLength(13);
    const before = new Map(files.map((f) => [f, read(f)]));
    writeFileSync(join(root, 'README.md'), '# 说明\n');
    git('add', 'README.md');
    git('commit', '-q', '-m', 'no document touched');
    const next = git('rev-parse', '--short', 'HEAD').trim();
    const result = await buildPdfs({ root, set: loadDocumentSet(root), outDir: out, log: () => {} });
    expect(result).toMatchObject({ rendered: 0, cached: 13, unchanged: 13 });
    for (const [file, bytes] of before) expect(read(file), file).toEqual(bytes);
    // Only the whole manual's cover names the commit the book was put together at.
    expect((await pageTexts(read(wholeManualFile)))[0]).toContain(`构建${next}`);
  }, 180_000);
});

describe('pages a person looks at', () => {
  it('renders a few pages to PNG under test-output/pdf-png', () => {
    if (spawnSync('pdftoppm', ['-v']).error) return; // poppler-utils not installed: nothing to look at
    mkdirSync(pngDir, { recursive: true });
    const shots: [string, string, number][] = [
      [documentPdfFile('JMI/CX/13'), 'procedure-jmi-cx-13', 1],
      [documentPdfFile('JMI/LC/13-01'), 'flow-jmi-lc-13-01', 1],
      [documentPdfFile('JMI/ZD/13-01'), 'obsolete-jmi-zd-13-01', 1],
      [formPdfFile('JMI/JL/13-01'), 'form-jmi-jl-13-01', 1],
      [wholeManualFile, 'manual-cover', 1],
      [wholeManualFile, 'manual-contents', 2],
    ];
    for (const [file, name, page] of shots) {
      const target = join(pngDir, name);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', join(out, file), target]);
      expect(statSync(`${target}.png`).size).toBeGreaterThan(10_000);
    }
  });
});
