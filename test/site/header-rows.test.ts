/**
 * 文件头 is one model (src/history/document-header.ts): the document page, the PDF's print HTML and
 * the Word copy show the same rows, labelled from the schema, in the same order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { inForceTodayOf } from '../../src/history/in-force-today.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { printSetup } from '../../src/print/build-pdfs.ts';
import { documentDocx } from '../../src/print/docx-document.ts';
import { isPrintable } from '../../src/print/print-context.ts';
import { titleBlockHtml } from '../../src/print/title-block.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { documentPath } from '../../src/render/urls.ts';
import { builtSite } from './built-site.ts';

type Row = [label: string, value: string];

/** Elements under a node, in document order. */
function elements(node: Root | Element | RootContent): Element[] {
  if (!('children' in node)) return [];
  return node.children.flatMap((c) => (c.type === 'element' ? [c, ...elements(c)] : elements(c)));
}

function text(node: Root | Element | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

const hasClass = (e: Element, name: string) => String(e.properties.className ?? '').split(/[ ,]/).includes(name);

/** The page's header: each dt with its dd, up to the site's own 批准证据 and 下次评审. */
function siteRows(html: string): Row[] {
  const head = elements(fromHtml(html)).find((e) => e.tagName === 'header' && hasClass(e, 'doc-head'))!;
  const dl = elements(head).find((e) => e.tagName === 'dl')!;
  return elements(dl)
    .filter((e) => e.tagName === 'div')
    .map((div) => elements(div).filter((e) => e.tagName === 'dt' || e.tagName === 'dd').map((e) => text(e).trim()) as Row)
    .filter(([label]) => label !== '批准证据' && label !== '下次评审');
}

/** The title block: th/td pairs of the control table, then the 编制/审核/批准 heads with their names. */
function pdfRows(html: string): Row[] {
  const all = elements(fromHtml(html, { fragment: true }));
  const controlTable = all.find((e) => e.tagName === 'table' && hasClass(e, 'control-fields'))!;
  const signTable = all.find((e) => e.tagName === 'table' && hasClass(e, 'sign-table'))!;
  const cells = (table: Element, tag: string) => elements(table).filter((e) => e.tagName === tag).map((e) => text(e).trim());
  const control = elements(controlTable).filter((e) => e.tagName === 'th' || e.tagName === 'td').map((e) => text(e).trim());
  const pairs: Row[] = [];
  for (let i = 0; i < control.length; i += 2) pairs.push([control[i]!, control[i + 1]!]);
  const names = cells(signTable, 'td');
  return [...pairs, ...cells(signTable, 'th').map((label, i): Row => [label, names[i]!])];
}

/** The Word copy's first two tables, read as mammoth converts them: label/value cells, then the sign table. */
async function wordRows(bytes: Buffer): Promise<Row[]> {
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  const [control, sign] = elements(fromHtml(html, { fragment: true })).filter((e) => e.tagName === 'table');
  const rowsOf = (table: Element) => elements(table).filter((e) => e.tagName === 'tr').map((tr) => elements(tr).filter((e) => e.tagName === 'td' || e.tagName === 'th').map((e) => text(e).trim()));
  const pairs = rowsOf(control!).flatMap((cells) => {
    const out: Row[] = [];
    for (let i = 0; i < cells.length; i += 2) out.push([cells[i]!, cells[i + 1]!]);
    return out;
  });
  const [labels, names] = rowsOf(sign!);
  return [...pairs, ...labels!.map((label, i): Row => [label, names![i]!])];
}

let dist: string;
let printHtml: (number: string) => string;
let word: (number: string) => Promise<Row[]>;
beforeAll(async () => {
  dist = await builtSite();
  // The print HTML and the Word copy as the build makes them, for the version in force today.
  const inForce = inForceTodayOf(loadDocumentSet(projectRoot));
  const { ctx } = printSetup(projectRoot, inForce.set, inForce);
  const doc = (number: string) => inForce.set.documents.filter(isPrintable).find((d) => d.data.number === number)!;
  printHtml = (number) => titleBlockHtml(doc(number), ctx);
  word = async (number) => wordRows(await documentDocx(doc(number), ctx, { root: projectRoot, flowchartPng: () => undefined }));
});

const page = (type: Parameters<typeof documentPath>[0], number: string) => readFileSync(join(dist, documentPath(type, number), 'index.html'), 'utf8');

describe('文件头 on the page, the PDF and the Word copy', () => {
  it('shows the procedure JMI/CX/13 with the same rows, labelled from the schema', async () => {
    const expected: Row[] = [
      ['文件编号', 'JMI/CX/13'],
      ['版本', 'B/1'],
      ['状态', '现行'],
      ['生效日期', '2026-11-16'],
      ['牵头部门', '质量管理与教学督导办公室'],
      ['协作部门', '所有受控部门'],
      ['编制', '刘明华'],
      ['审核', '赵德胜'],
      ['批准', '周志远'],
    ];
    expect(siteRows(page('procedure', 'JMI/CX/13'))).toEqual(expected);
    expect(pdfRows(printHtml('JMI/CX/13'))).toEqual(expected);
    expect(await word('JMI/CX/13')).toEqual(expected);
  });

  it('shows a record’s 记录编号, 所属程序, 保管部门 and 保存期限 the same way on all three', async () => {
    const site = siteRows(page('record', 'JMI/JL/13-01'));
    expect(site.map(([label]) => label)).toEqual(['记录编号', '版本', '状态', '生效日期', '牵头部门', '协作部门', '所属程序', '保管部门', '保存期限', '编制', '审核', '批准']);
    expect(site).toContainEqual(['所属程序', 'JMI/CX/13《文件与资料控制》']);
    expect(site).toContainEqual(['保存期限', '长期']);
    expect(pdfRows(printHtml('JMI/JL/13-01'))).toEqual(site);
    expect(await word('JMI/JL/13-01')).toEqual(site);
  });

  it.each([
    ['flow', 'JMI/LC/13-01', '所属程序'],
    ['regulation', 'JMI/ZD/01-01', '发文字号'],
    ['standard', 'JMI/BZ/1-01', '层面'],
    ['manual-section', 'JMI/SC/02', '所属部分'],
  ] as const)('shows the %s %s with its %s the same way on all three', async (type, number, ownRow) => {
    const site = siteRows(page(type, number));
    expect(site.map(([label]) => label)).toContain(ownRow);
    expect(pdfRows(printHtml(number))).toEqual(site);
    expect(await word(number)).toEqual(site);
  });

  it('shows an external document’s registration rows from the external schema, without approval or review', () => {
    const html = page('external', 'ISO 9001:2015');
    expect(siteRows(html)).toEqual([
      ['文号或标准号', 'ISO 9001:2015'],
      ['发文机关', '国际标准化组织（ISO）'],
      ['状态', '现行有效'],
      ['发布日期', '2015-09-15'],
      ['实施日期', '2015-09-15'],
      ['废止日期', '—'],
      ['使用部门', '质量管理与教学督导办公室、教务处、航海学院、轮机工程学院'],
      ['登记部门', '质量管理与教学督导办公室'],
      ['登记日期', '2019-05-10'],
    ]);
    expect(html).not.toContain('<dt>批准证据</dt>');
    expect(html).not.toContain('<dt>下次评审</dt>');
  });
});
