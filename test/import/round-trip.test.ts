/**
 * Export → import: the Word copy of every example procedure, imported again, gives back its number,
 * title, version, revisions, headings and tables. Also what the Word copy itself holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root, Table } from 'mdast';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDocuments, type ImportSource } from '../../src/import/import-documents.ts';
import { parseMdx } from '../../src/model/body.ts';
import { loadDocumentSet, type DocumentSet } from '../../src/model/load.ts';
import { parseFile } from '../../src/model/parse-file.ts';
import { bodyOf } from '../../src/render/body-html.ts';
import { printSetup } from '../../src/print/build-pdfs.ts';
import { documentDocx } from '../../src/print/docx-document.ts';
import { isPrintable, type PrintableDocument } from '../../src/print/print-context.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const exampleRoot = join(import.meta.dirname, '../..');
let set: DocumentSet;
let procedures: PrintableDocument[];
const copies = new Map<string, Buffer>();
let imported: Map<string, string>;
let root: string;

function tablesOf(tree: Root): Table[] {
  const out: Table[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'table') out.push(node as Table);
    for (const c of (node.children ?? []) as { type: string }[]) visit(c);
  };
  visit(tree);
  return out;
}

const text = (node: unknown): string => {
  const n = node as { value?: string; children?: unknown[] };
  return typeof n.value === 'string' ? n.value : (n.children ?? []).map(text).join('');
};

/** Headings as "## 1 目的"; tables as their size and header row. */
function shape(body: string) {
  const tree = parseMdx(body);
  const headings = tree.children.filter((n) => n.type === 'heading').map((h) => `${'#'.repeat((h as { depth: number }).depth)} ${text(h).trim()}`);
  const tables = tablesOf(tree).map((t) => ({ rows: t.children.length, columns: t.children[0]!.children.length, header: t.children[0]!.children.map((c) => text(c).trim()) }));
  return { headings, tables };
}

beforeAll(async () => {
  set = loadDocumentSet(exampleRoot);
  procedures = set.documents.filter(isPrintable).filter((d) => d.type === 'procedure');
  const { ctx } = printSetup(exampleRoot, set);
  for (const doc of procedures) copies.set(doc.data.number, await documentDocx(doc, ctx, { root: exampleRoot, flowchartPng: () => undefined }));
  root = testTempDir('round-trip-');
  const sources: ImportSource[] = procedures.map((d) => ({ name: `${d.data.number.replace(/\//g, '-')}.docx`, bytes: copies.get(d.data.number)! }));
  const result = await importDocuments(root, set, sources);
  imported = new Map(result.outcomes.flatMap((o) => (o.ok ? [[o.number!, readFileSync(join(root, o.path), 'utf8')] as [string, string]] : [])));
});

describe('Word copy of a document', () => {
  it('holds the title block, the sign-off, the body and the revision records, in 宋体 and 黑体', async () => {
    const bytes = copies.get('JMI/CX/13')!;
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<p>程序文件</p><p><strong>文件与资料控制</strong></p>');
    expect(html).toContain('<thead><tr><th><p><strong>编制</strong></p></th><th><p><strong>审核</strong></p></th><th><p><strong>批准</strong></p></th></tr></thead><tbody><tr><td><p>刘明华</p></td><td><p>赵德胜</p></td><td><p>周志远</p></td></tr></tbody>');
    expect(html).toContain('<h1>1 目的</h1>');
    expect(html).toContain('<h2>4.1 策划（P）</h2>');
    expect(html).toContain('<h1>修订记录</h1>');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('word/header1.xml');
    const { default: JSZip } = (await import('jszip')) as unknown as { default: { loadAsync(b: Buffer): Promise<{ file(n: string): { async(t: 'string'): Promise<string> } | null }> } };
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    const header = await zip.file('word/header1.xml')!.async('string');
    expect(header).toContain('JMI/CX/13  版本 B/1  第 ');
    expect(header).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });
});

describe('export → import of every example procedure', () => {
  it('imports every procedure', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(24);
    expect([...imported.keys()].sort()).toEqual(procedures.map((d) => d.data.number).sort());
  });

  it('gives back number, title, version and revisions', () => {
    for (const doc of procedures) {
      const data = parseFile('x.mdx', new TextEncoder().encode(imported.get(doc.data.number)!)).data as Record<string, unknown>;
      expect({ number: data.number, title: data.title, version: data.version, revisions: data.revisions, owners: data.owners }).toEqual({
        number: doc.data.number,
        title: doc.data.title,
        version: doc.data.version,
        revisions: doc.data.revisions,
        owners: doc.data.owners!.map((o) => set.organization.data!.departments.find((d) => d.id === o || d.shortName === o || d.name === o)!.shortName),
      });
    }
  });

  it('gives back headings and tables (size and header row)', () => {
    for (const doc of procedures) {
      const original = shape(bodyOf(readFileSync(join(exampleRoot, doc.path), 'utf8')));
      const back = shape(bodyOf(imported.get(doc.data.number)!));
      expect({ number: doc.data.number, ...back }).toEqual({ number: doc.data.number, ...original });
    }
  });

  it('gives back the typed references found in the chapters 支持性文件 and 质量记录', () => {
    const data = parseFile('x.mdx', new TextEncoder().encode(imported.get('JMI/CX/13')!)).data as Record<string, unknown>;
    expect(data.regulations).toEqual(['JMI/ZD/13-02']);
    expect(data.records).toEqual(['JMI/JL/13-01', 'JMI/JL/13-02', 'JMI/JL/13-03']);
    expect(data.flows).toEqual(['JMI/LC/13-01', 'JMI/LC/13-02']);
  });
});
