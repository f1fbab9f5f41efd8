/**
 * The Word (.docx) controlled copy of a document, with the same content as its PDF: a header with
 * number, version and page numbers, the title block with the 编制/审核/批准 table, the body (headings,
 * lists, tables, flowcharts as images, footnotes), the form of a record and the 修订记录 table.
 * Chinese text is set in 宋体 (body) and 黑体 (headings) through the East Asian font settings, so that
 * Word uses them and other programs fall back to their own Song and Hei (Noto Serif/Sans CJK).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { FootnoteDefinition, List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { parseMdx } from '../model/body.ts';
import { typeLabels } from '../model/document-types.ts';
import { fieldLabel, revisionColumns, revisionFieldLabel } from '../model/field-labels.ts';
import { bodyOf } from '../render/body-html.ts';
import { flowOverviewRows, refsAsText } from './document-html.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';
import type { HeaderRow } from '../history/document-header.ts';
import { headerLines, statusNote } from './title-block.ts';

/** A flowchart as PNG, with its size in CSS pixels. */
export interface FlowchartPng {
  png: Uint8Array;
  width: number;
  height: number;
}

/** What the Word copy needs beyond the print context. */
export interface DocxInputs {
  /** The PNG of a mermaid source, when it was rendered. */
  flowchartPng(code: string): FlowchartPng | undefined;
  /** Project root, to read images that sit next to the document. */
  root: string;
}

/** 宋体 for text, Times New Roman for Latin letters and digits. */
const bodyFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
/** 黑体 for the title and headings. */
const headingFont = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };

/** Half-points: 五号 10.5 pt, 小四 12 pt, 四号 14 pt, 三号 16 pt, 二号 22 pt, 小五 9 pt. */
const size = { body: 21, small: 18, h3: 22, h2: 24, h1: 28, title: 40, kind: 28 };
/** Usable width of an A4 page with 25 mm margins, in pixels at 96 dpi (for images). */
const contentWidthPx = 604;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cellBorders = { top: border, bottom: border, left: border, right: border };

function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ text, ...options });
}

function cell(children: (Paragraph | Table)[] | string, options: { header?: boolean; columnSpan?: number; width?: number } = {}): TableCell {
  const content = typeof children === 'string' ? [new Paragraph({ children: [run(children || '—', options.header ? { bold: true, font: headingFont } : {})], alignment: options.header ? AlignmentType.CENTER : AlignmentType.LEFT })] : children;
  return new TableCell({
    children: content.length ? content : [new Paragraph('')],
    borders: cellBorders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    verticalAlign: VerticalAlign.CENTER,
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' } } : {}),
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

function table(rows: TableRow[]): Table {
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function sectionTitle(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(text)] });
}

/** The title block: kind, title, status note, control fields and the 编制/审核/批准 table, as on the PDF. */
function titleBlock(doc: PrintableDocument, ctx: PrintContext): (Paragraph | Table)[] {
  const header = ctx.header(doc);
  // The first line sets the column widths: label 15 %, value 35 %.
  const lines = headerLines(header.rows).map(([a, b], i) => {
    const widths = i === 0 ? [15, 35] : [];
    const label = (row: HeaderRow) => cell(row.label, { header: true, ...(widths[0] ? { width: widths[0] } : {}) });
    const value = (row: HeaderRow, span: boolean) => cell(row.text, { ...(span ? { columnSpan: 3 } : {}), ...(widths[1] ? { width: widths[1] } : {}) });
    return new TableRow({ children: [label(a!), value(a!, !b), ...(b ? [label(b), value(b, false)] : [])] });
  });
  const evidence = ctx.approval(doc);
  const note = statusNote(doc, ctx);
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(typeLabels[doc.type!], { font: headingFont, size: size.kind })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [run(doc.data.title, { font: headingFont, size: size.title, bold: true })] }),
    ...(note ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(note, { bold: true, color: 'B00000' })] })] : []),
    table(lines),
    new Paragraph(''),
    table([
      new TableRow({ tableHeader: true, children: header.signatures.map((r) => cell(r.label, { header: true })) }),
      new TableRow({ children: header.signatures.map((r) => cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.text)] })])) }),
    ]),
    // 批准证据, as on the PDF.
    ...(evidence ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(evidence)] })] : []),
  ];
}

/** 业务概述 of a flow, as on its PDF. */
function flowOverview(doc: PrintableDocument, ctx: PrintContext): (Paragraph | Table)[] {
  if (doc.type !== 'flow') return [];
  const lines = (texts: string[]) => texts.map((l) => new Paragraph({ children: [run(l)] }));
  return [sectionTitle('业务概述'), table(flowOverviewRows(doc, ctx).map(({ label, lines: texts }) => new TableRow({ children: [cell(label, { header: true, width: 18 }), cell(lines(texts), { width: 82 })] })))];
}

/** 表单样式 of a record: each field a row, blank to fill in. */
function formTable(doc: PrintableDocument): (Paragraph | Table)[] {
  if (doc.type !== 'record' || !doc.data.fields) return [];
  const rows = doc.data.fields.map((f) => {
    const label = cell(`${f.label}${f.required ? ' *' : ''}`, { header: true, width: 25 });
    if (f.kind === 'table' && f.columns?.length) {
      // A table field is a table to fill in: its columns and blank rows, as on the printed form.
      const blank = () => new TableRow({ children: f.columns!.map(() => cell([new Paragraph('')])) });
      const inner = table([new TableRow({ children: f.columns.map((c) => cell(c.label, { header: true })) }), ...Array.from({ length: f.rows ?? 3 }, blank)]);
      return new TableRow({ children: [label, cell([inner, new Paragraph('')], { width: 75 })] });
    }
    const hint = f.kind === 'choice' || f.kind === 'multichoice' ? (f.options ?? []).map((o) => `□ ${o}`).join('  ') : f.kind === 'checkbox' ? '□' : f.kind === 'date' ? '    年    月    日' : '';
    return new TableRow({ children: [label, cell([new Paragraph({ children: [run(hint)] }), ...(f.kind === 'textarea' ? [new Paragraph(''), new Paragraph('')] : [])], { width: 75 })] });
  });
  return [sectionTitle('表单样式'), table(rows)];
}

/** Widths of the 修订记录 columns, in per cent. */
const revisionWidths = [12, 18, 56, 14];

/** 修订记录 as a table, oldest first as written. */
function revisionsTable(doc: PrintableDocument): (Paragraph | Table)[] {
  const revisions = doc.data.revisions ?? [];
  if (revisions.length === 0) return [];
  return [
    sectionTitle(fieldLabel('revisions')),
    table([
      new TableRow({ tableHeader: true, children: revisionColumns.map((c, i) => cell(revisionFieldLabel(c), { header: true, width: revisionWidths[i]! })) }),
      ...revisions.map((r) => new TableRow({ children: revisionColumns.map((c) => cell(r[c])) })),
    ]),
  ];
}

/** Turns the Markdown body into Word paragraphs and tables. */
class BodyWriter {
  private listCount = 0;
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private footnoteIds = new Map<string, number>();

  private readonly doc: PrintableDocument;
  private readonly ctx: PrintContext;
  private readonly inputs: DocxInputs;

  constructor(doc: PrintableDocument, ctx: PrintContext, inputs: DocxInputs) {
    this.doc = doc;
    this.ctx = ctx;
    this.inputs = inputs;
  }

  blocks(nodes: RootContent[]): (Paragraph | Table)[] {
    const definitions = nodes.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition');
    definitions.forEach((d, i) => this.footnoteIds.set(d.identifier, i + 1));
    for (const d of definitions) this.footnotes[this.footnoteIds.get(d.identifier)!] = { children: this.blocks(d.children).filter((b): b is Paragraph => b instanceof Paragraph) };
    return nodes.flatMap((n) => this.block(n));
  }

  private block(node: RootContent, listLevel = 0): (Paragraph | Table)[] {
    switch (node.type) {
      case 'heading': {
        // ## is a document's first level (# is its title): Word's Heading 1.
        const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_3, HeadingLevel.HEADING_3];
        return [new Paragraph({ heading: levels[node.depth - 1], children: this.inline(node.children) })];
      }
      case 'paragraph':
        return [new Paragraph({ children: this.inline(node.children), spacing: { after: 80 } })];
      case 'list':
        return this.list(node, listLevel);
      case 'table':
        return [this.table(node), new Paragraph('')];
      case 'blockquote':
      case 'mdxJsxFlowElement' as never:
        return (node as { children: RootContent[] }).children.flatMap((c) => this.block(c));
      case 'code':
        return this.code(node.value, node.lang ?? undefined);
      case 'thematicBreak':
        return [new Paragraph({ border: { bottom: border }, children: [] })];
      default:
        return [];
    }
  }

  private code(value: string, lang: string | undefined): Paragraph[] {
    if (lang === 'mermaid') {
      const png = this.inputs.flowchartPng(value);
      if (png) {
        const scale = Math.min(1, contentWidthPx / png.width, 860 / png.height);
        return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [new ImageRun({ type: 'png', data: png.png, transformation: { width: Math.round(png.width * scale), height: Math.round(png.height * scale) }, altText: { name: '流程图', description: '流程图', title: '流程图' } })] })];
      }
    }
    return value.split('\n').map((line) => new Paragraph({ children: [run(line, { font: { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: '宋体' }, size: size.small })] }));
  }

  private list(node: List, level: number): (Paragraph | Table)[] {
    const instance = ++this.listCount;
    return node.children.flatMap((item) =>
      item.children.flatMap((child, i): (Paragraph | Table)[] => {
        if (child.type === 'list') return this.list(child, level + 1);
        if (child.type !== 'paragraph') return this.block(child, level + 1);
        const numbering = i === 0 ? { reference: node.ordered ? 'ordered' : 'bullets', level: Math.min(level, 2), instance } : undefined;
        return [new Paragraph({ children: this.inline(child.children), ...(numbering ? { numbering } : { indent: { left: 420 * (level + 1) } }) })];
      }),
    );
  }

  private table(node: MdTable): Table {
    const columns = Math.max(...node.children.map((r) => r.children.length));
    return table(
      node.children.map(
        (row, r) =>
          new TableRow({
            // Only the first row repeats as header: mammoth (and the import) reads any tblHeader mark as a header row.
            ...(r === 0 ? { tableHeader: true } : {}),
            children: Array.from({ length: columns }, (_, c) => {
              const content = row.children[c]?.children ?? [];
              return r === 0 ? cell(content.map((x) => plain(x)).join(''), { header: true }) : cell([new Paragraph({ children: this.inline(content) })]);
            }),
          }),
      ),
    );
  }

  private inline(nodes: PhrasingContent[], style: IRunOptions = {}): ParagraphChild[] {
    return nodes.flatMap((n): ParagraphChild[] => {
      switch (n.type) {
        case 'text':
          return [run(refsAsText(n.value, this.ctx).replace(/\n/g, ' '), style)];
        case 'strong':
          return this.inline(n.children, { ...style, bold: true });
        case 'emphasis':
          return this.inline(n.children, { ...style, italics: true });
        case 'delete':
          return this.inline(n.children, { ...style, strike: true });
        case 'inlineCode':
          return [run(n.value, { ...style, font: { ascii: 'Consolas', hAnsi: 'Consolas', eastAsia: '宋体' } })];
        case 'link':
          // Paper has no links: the text, then the address when it is a web address.
          return [...this.inline(n.children, style), ...(/^https?:/.test(n.url) && plain(n) !== n.url ? [run(`（${n.url}）`, style)] : [])];
        case 'break':
          return [new TextRun({ break: 1 })];
        case 'footnoteReference': {
          const id = this.footnoteIds.get(n.identifier);
          return id ? [new FootnoteReferenceRun(id)] : [];
        }
        case 'image':
          return this.image(n.url, n.alt ?? '');
        default:
          return 'children' in n ? this.inline((n as { children: PhrasingContent[] }).children, style) : [];
      }
    });
  }

  /**
   * An image inside content/, as the PDF embeds it (ctx.image: a relative path whose real file lies
   * inside content/, never through a link out of it); anything else is named as not copied.
   */
  private image(url: string, alt: string): ParagraphChild[] {
    const found = this.ctx.image(this.doc, url);
    const embedded = found && /^data:image\/(png|jpeg|gif);base64,(.*)$/s.exec(found.dataUrl);
    if (!embedded) return [run(alt ? `［图片未复制：${alt}］` : '［图片未复制］')];
    const type = embedded[1] === 'png' ? 'png' : embedded[1] === 'gif' ? 'gif' : 'jpg';
    const data = Buffer.from(embedded[2]!, 'base64');
    const dims = type === 'png' ? { width: data.readUInt32BE(16), height: data.readUInt32BE(20) } : { width: 400, height: 300 };
    const scale = Math.min(1, contentWidthPx / dims.width);
    return [new ImageRun({ type, data, transformation: { width: Math.round(dims.width * scale), height: Math.round(dims.height * scale) }, altText: { name: alt || '图片', description: alt, title: alt } })];
  }
}

function plain(node: PhrasingContent | RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as PhrasingContent[]).map(plain).join('') : '';
}

const numbering = {
  config: [
    {
      reference: 'ordered',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 420, hanging: 420 } } } },
        { level: 1, format: LevelFormat.DECIMAL, text: '(%2)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 840, hanging: 420 } } } },
        { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 1260, hanging: 420 } } } },
      ],
    },
    {
      reference: 'bullets',
      levels: [0, 1, 2].map((level) => ({ level, format: LevelFormat.BULLET, text: level === 0 ? '•' : '◦', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 420 * (level + 1), hanging: 420 } } } })),
    },
  ],
};

/** The .docx bytes of one document's controlled copy. */
export async function documentDocx(doc: PrintableDocument, ctx: PrintContext, inputs: DocxInputs): Promise<Buffer> {
  const d = doc.data;
  const writer = new BodyWriter(doc, ctx, inputs);
  const body = writer.blocks(parseMdx(bodyOf(ctx.bodyText(doc))).children);
  const example = d.example ? [new Paragraph({ children: [run('示例文本：本文件为演示受控文件管理而编写的示例，不是任何学校的正式文件。', { color: '666666', size: size.small })] })] : [];
  const control = ctx.control(doc);
  const mark = control.controlled ? '受控' : control.label;
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: 9026 }],
        border: { bottom: border },
        children: [
          run(`${ctx.institution}  ${typeLabels[doc.type!]}  【${mark}】`, { size: size.small }),
          run('\t', { size: size.small }),
          new TextRun({ size: size.small, children: [`${d.number}  版本 ${d.version}  第 `, PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] }),
        ],
      }),
    ],
  });
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${d.number} ${d.title}  ${ctx.commitOf(doc)}  由受控文件体系生成，以网站现行版本为准`, { size: 15, color: '666666' })] })],
  });
  const document = new Document({
    creator: ctx.institution,
    title: `${d.number} ${d.title}`,
    subject: d.number,
    keywords: [d.number, typeLabels[doc.type!], '受控文件'].join(' '),
    description: `${typeLabels[doc.type!]} ${d.number} ${d.title} 版本 ${d.version}`,
    numbering,
    footnotes: writer.footnotes,
    styles: {
      default: {
        document: { run: { font: bodyFont, size: size.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: headingFont, size: size.h1, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading2: { run: { font: headingFont, size: size.h2, bold: true, color: '000000' }, paragraph: { spacing: { before: 180, after: 80 }, keepNext: true } },
        heading3: { run: { font: headingFont, size: size.h3, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1417, right: 1417, header: 720, footer: 720 } } },
        headers: { default: header },
        footers: { default: footer },
        children: [...titleBlock(doc, ctx), ...example, ...flowOverview(doc, ctx), new Paragraph(''), ...body, ...formTable(doc), ...revisionsTable(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
