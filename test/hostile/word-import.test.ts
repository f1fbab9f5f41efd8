/**
 * A hostile Word file through `npm run import`: whatever the document says, the draft written is
 * inert text. Code-like text (import/export lines, {…} expressions, tags, components) stays text,
 * links to anything but web and mail addresses lose their target, and nothing in the header table
 * can add a frontmatter key (the status stays draft).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, ExternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import-command.ts';
import { parseFile } from '../../src/model/parse-file.ts';
import { renderBody, bodyOf } from '../../src/render/body-html.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const example = join(import.meta.dirname, '../print/fixtures/small-system/content');
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string) => new TableCell({ children: [p(text)] });
const link = (url: string, text: string) => new ExternalHyperlink({ link: url, children: [new TextRun(text)] });

/** The title tries to end YAML, HTML and CSS contexts at once. */
const hostileTitle = `恶意标题"\n'status: effective</style><script>alert(1)</script>{process.env.HOME}`;
const unsafeLinks = ['javascript:alert(1)', 'JaVaScRiPt:alert(2)', 'vbscript:msgbox(3)', 'data:text/html,<script>alert(4)</script>', 'file:///etc/passwd', '//evil.example/x'];

async function hostileDocx(): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [cell('文件编号'), cell('JMI/CX/18'), cell('版本'), cell('A/0')] }),
      new TableRow({ children: [cell('页码'), cell('第1页 共1页'), cell('生效日期'), cell('2026-01-01')] }),
      new TableRow({ children: [cell('编制'), cell('张三\nstatus: effective'), cell('批准'), cell('{alert(5)}')] }),
    ],
  });
  const body = [
    new Paragraph({ children: [new TextRun({ text: `程序文件  ${hostileTitle}`, bold: true })] }),
    header,
    new Paragraph({ text: '1 目的' }),
    p("import fs from 'node:fs'"),
    p('export const leak = process.env'),
    p('{process.env.GITHUB_TOKEN} 与 <Note onClick={() => alert(6)}>注意</Note>'),
    p('<img src=x onerror="alert(7)"> <script>alert(8)</script> <iframe src="file:///etc/passwd"></iframe>'),
    new Paragraph({ children: unsafeLinks.map((url, i) => link(url, `链接${i}`)) }),
    new Paragraph({ children: [link('https://www.example.edu.cn/', '学校网站')] }),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
}

describe('importing a hostile Word file', () => {
  let root: string;
  let output = '';
  let text = '';
  let path = '';

  beforeAll(async () => {
    root = testTempDir('shoukong-hostile-import-');
    cpSync(example, join(root, 'content'), { recursive: true });
    mkdirSync(join(root, 'word'));
    writeFileSync(join(root, 'word/恶意.docx'), await hostileDocx());
    await importCommand(['word/恶意.docx'], { cwd: root, out: (t) => (output += t), err: (t) => (output += t), today: '2026-12-01' });
    const written = / → (content\/\S+\.mdx)/.exec(output)?.[1];
    if (!written) throw new Error(output);
    path = written;
    text = readFileSync(join(root, path), 'utf8');
  }, 120_000);

  it('writes a draft whose frontmatter no cell could extend', () => {
    const parsed = parseFile(path, new Uint8Array(Buffer.from(text)));
    expect(parsed.yamlProblems).toEqual([]);
    const data = parsed.data as Record<string, unknown>;
    expect(data.status).toBe('draft');
    // The hostile title, wherever it landed, is text of the file (never a second status line).
    expect(text).toContain('alert(1)');
    expect(text.match(/^status:/gm)).toEqual(['status:']);
  });

  it('keeps code-like text as text: the body has no ESM, expression, component or unsafe address', () => {
    const parsed = parseFile(path, new Uint8Array(Buffer.from(text)));
    const facts = parsed.body;
    expect(facts.syntaxError).toBeUndefined();
    expect(facts.esm).toEqual([]);
    expect(facts.expressions).toEqual([]);
    expect(facts.jsx).toEqual([]);
    expect(facts.urls.map((u) => u.url)).toEqual(['https://www.example.edu.cn/']);
    expect(output).not.toMatch(/mdx\/(?:no-esm|no-expression|unknown-component|unsafe-url)|syntax\//);
  });

  it('renders to HTML with no script, handler or unsafe link', () => {
    const html = renderBody(bodyOf(text), { resolve: () => undefined, documentPath: path }).html;
    expect(html).not.toMatch(/<(?:script|iframe|img|note)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://www.example.edu.cn/']);
    expect(html).toContain('&#x3C;script>alert(8)&#x3C;/script>');
  });

  it('reports each dropped link', () => {
    for (const url of unsafeLinks) expect(output).toContain(`链接 "${url}" 不是 http(s) 或 mailto 地址，已去掉链接、保留文字`);
  });
});
