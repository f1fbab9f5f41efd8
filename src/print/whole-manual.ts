/**
 * 体系文件汇编：all current documents in one PDF, made by merging their own PDFs (so each keeps
 * its 第 X 页 共 Y 页), behind a cover and a table of contents whose page numbers are computed from
 * the page counts, with a bookmark for every document grouped by layer.
 */
import { ParseSpeeds, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFPage } from 'pdf-lib';
import { layerLabels } from '../model/document-types.ts';
import { bookSections, type BookSection } from './book-order.ts';
import { escapeHtml } from './html.ts';
import { pageHtml } from './page-html.ts';
import { applyMetadata } from './pdf-finish.ts';
import { setOutline, type OutlineItem } from './pdf-outline.ts';
import type { PrintableDocument, PrintContext } from './print-context.ts';
import { fieldLabel } from '../model/field-labels.ts';

/** Where each document starts in the book (0-based page index), as printed in the contents. */
export interface BookLayout {
  coverPages: number;
  contentsPages: number;
  starts: number[];
  totalPages: number;
}

/** The book's title, on the cover, in the metadata and in the contents' header. */
export function bookTitle(ctx: PrintContext): string {
  return `${ctx.institution} 内部质量保证体系文件汇编`;
}

const bookCss = `
.cover{height:297mm;box-sizing:border-box;padding:58mm 25mm 22mm;display:flex;flex-direction:column;align-items:center;font-family:'Shoukong Sans','Shoukong Symbols';}
/* A name longer than the page wraps anywhere instead of being centred off both edges. */
.cover p{max-width:100%;overflow-wrap:anywhere;text-align:center;}
.cover .institution{font-size:20pt;letter-spacing:0.12em;margin:0 0 16mm;}
.cover .book-title{font-size:30pt;font-weight:700;letter-spacing:0.15em;margin:0 0 6mm;text-align:center;line-height:1.35;}
.cover .book-sub{font-size:13pt;color:#333;margin:0 0 22mm;letter-spacing:0.2em;}
.cover table{width:110mm;font-size:11pt;margin:0 0 8mm;}
.cover td,.cover th{text-align:center;padding:2mm;}
.cover .controlled-mark{position:static;display:inline-block;margin:4mm 0 0;font-size:16pt;}
.cover .spacer{flex:1;}
.cover .meta{font-size:9.5pt;color:#333;text-align:center;line-height:1.8;}
.cover .stamp{font-size:7pt;color:#777;}
.contents h1{letter-spacing:0.6em;margin-bottom:5mm;}
.contents table{font-size:9.5pt;}
.contents td.page,.contents th.page{text-align:right;white-space:nowrap;width:14mm;}
.contents td.number{white-space:nowrap;width:30mm;font-family:'Shoukong Sans','Shoukong Symbols';}
.contents td.version{white-space:nowrap;width:12mm;text-align:center;}
.contents tr.group td{background:#eceff3;font-family:'Shoukong Sans','Shoukong Symbols';font-weight:700;}
.contents tr.subgroup td{font-family:'Shoukong Sans','Shoukong Symbols';font-weight:700;padding-left:5mm;background:#f7f8fa;}
.contents td,.contents th{padding:1mm 1.8mm;}
.contents a{color:inherit;text-decoration:none;}
`;

/** The cover page. */
export function coverHtml(ctx: PrintContext, parts: PrintableDocument[], date: string): string {
  const counts = bookSections.map((s) => `<tr><td>${s.title}</td><td>${parts.filter((p) => s.types.includes(p.type!)).length} 份</td></tr>`).join('');
  const example = parts.some((p) => p.data.example) ? '<p class="example-note">示例文本：本汇编中的文件为演示受控文件管理而编写的示例，不是任何学校的正式文件。</p>' : '';
  const content = `<section class="cover">
<p class="institution">${escapeHtml(ctx.institution)}</p>
<p class="book-title">内部质量保证体系文件</p>
<p class="book-sub">现行文件汇编</p>
<table><thead><tr><th>层级</th><th>文件数</th></tr></thead><tbody>${counts}<tr><th>合计</th><th>${parts.length} 份</th></tr></tbody></table>
<div class="controlled-mark">受控</div>
<div class="spacer"></div>
${example}
<p class="meta">汇编日期：${escapeHtml(date)}<br>各文件页码以文件自身的“第 X 页 共 Y 页”为准</p>
<p class="stamp">${escapeHtml(ctx.commit)}</p>
</section>`;
  return pageHtml(bookTitle(ctx), null, ctx, content, bookCss);
}

/** Contents rows link here; after merging, each link is turned into a jump to that page of the book. */
const pageLinkPrefix = 'https://shoukong.invalid/page/';

/** The table of contents; `starts` are 0-based page indexes in the book (printed 1-based). */
export function contentsHtml(ctx: PrintContext, parts: PrintableDocument[], starts: number[]): string {
  const index = new Map(parts.map((p, i) => [p, i]));
  const rowsOf = (section: BookSection, depth: number): string => {
    const members = parts.filter((p) => section.types.includes(p.type!));
    if (members.length === 0) return '';
    const head = `<tr class="${depth === 0 ? 'group' : 'subgroup'}"><td colspan="4">${escapeHtml(section.title)}</td></tr>`;
    if (section.children) return head + section.children.map((c) => rowsOf(c, depth + 1)).join('');
    return (
      head +
      members
        .map((p) => {
          const d = p.data;
          const page = starts[index.get(p)!]! + 1;
          const link = (text: string) => `<a href="${pageLinkPrefix}${page}">${text}</a>`;
          return `<tr><td class="number">${link(escapeHtml(d.number))}</td><td>${link(escapeHtml(d.title))}</td><td class="version">${escapeHtml(d.version)}</td><td class="page">${link(String(page))}</td></tr>`;
        })
        .join('')
    );
  };
  const content = `<section class="contents"><h1>目录</h1>
<table><thead><tr><th>${fieldLabel('number')}</th><th>${fieldLabel('title')}</th><th>${fieldLabel('version')}</th><th class="page">页码</th></tr></thead>
<tbody>${bookSections.map((s) => rowsOf(s, 0)).join('')}</tbody></table></section>`;
  return pageHtml(`${bookTitle(ctx)} 目录`, { institution: ctx.institution, headerRight: '内部质量保证体系文件汇编　目录', footerLeft: '目录', commit: ctx.commit }, ctx, content, bookCss);
}

/** Page indexes where each part starts, after the cover and contents. */
export function layoutBook(coverPages: number, contentsPages: number, pageCounts: number[]): BookLayout {
  const starts: number[] = [];
  let next = coverPages + contentsPages;
  for (const count of pageCounts) {
    starts.push(next);
    next += count;
  }
  return { coverPages, contentsPages, starts, totalPages: next };
}

/** Bookmarks: cover, contents, then each layer with its documents (知识库 with its three kinds). */
export function bookOutline(parts: PrintableDocument[], layout: BookLayout): OutlineItem[] {
  const index = new Map(parts.map((p, i) => [p, i]));
  const itemsOf = (section: BookSection): OutlineItem | undefined => {
    const members = parts.filter((p) => section.types.includes(p.type!));
    if (members.length === 0) return undefined;
    const children = section.children
      ? section.children.map(itemsOf).filter((i): i is OutlineItem => i !== undefined)
      : members.map((p) => ({ title: `${p.data.number} ${p.data.title}`, pageIndex: layout.starts[index.get(p)!]! }));
    return { title: section.title, pageIndex: children[0]!.pageIndex, children };
  };
  return [
    { title: '封面', pageIndex: 0 },
    { title: '目录', pageIndex: layout.coverPages },
    ...bookSections.map(itemsOf).filter((i): i is OutlineItem => i !== undefined),
  ];
}

/** Makes the contents clickable: Chromium wrote each row's link as a URI; point it at the page instead. */
function linkContents(book: PDFDocument, layout: BookLayout): void {
  const pages = book.getPages();
  for (const page of pages.slice(layout.coverPages, layout.coverPages + layout.contentsPages)) {
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!uri?.startsWith(pageLinkPrefix)) continue;
      const target = pages[Number(uri.slice(pageLinkPrefix.length)) - 1];
      if (!target) continue;
      annot.delete(PDFName.of('A'));
      annot.set(PDFName.of('Dest'), book.context.obj([target.ref, PDFName.of('XYZ'), null, null, null]));
    }
  }
}

/** The book in the making: documents' pages are copied in as their PDFs become known, in any order. */
export interface WholeManual {
  /** Parses a document's PDF and copies its pages into the book (placed in order at the end). */
  add(doc: PrintableDocument, pdf: Uint8Array): Promise<void>;
  has(doc: PrintableDocument): boolean;
  /**
   * Prints the cover and the contents, puts every page in order and saves the book. The contents
   * are printed with a guessed length and again only when the guess was wrong, so their page
   * numbers always match where documents start.
   */
  finish(options: {
    /** Every document of the book, in book order, each added before. */
    docs: PrintableDocument[];
    ctx: PrintContext;
    render: (html: string) => Promise<Uint8Array>;
    created: Date;
    date: string;
    /** Called once the cover and contents are printed, before the merge (the browser may close then). */
    rendered?: () => void;
    /** The contents' length last time, a better first guess than one from the number of rows. */
    contentsPages?: number;
  }): Promise<{ pdf: Uint8Array; layout: BookLayout }>;
}

/**
 * Starts a book. Copying pages is most of a merge's work; a caller adds the documents it already
 * has while the browser prints the others, so little is left once the last one arrives.
 */
export async function startWholeManual(): Promise<WholeManual> {
  const book = await PDFDocument.create({ updateMetadata: false });
  const pagesOf = new Map<PrintableDocument, PDFPage[]>();
  return {
    has: (doc) => pagesOf.has(doc),
    async add(doc, pdf) {
      const source = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      pagesOf.set(doc, await book.copyPages(source, source.getPageIndices()));
    },
    async finish({ docs, ctx, render, created, date, rendered, contentsPages: lastTime }) {
      const counts = docs.map((doc) => {
        const pages = pagesOf.get(doc);
        if (!pages) throw new Error(`体系文件汇编缺少 ${doc.data.number} 的 PDF`);
        return pages.length;
      });
      const printed = async (html: string) => PDFDocument.load(await render(html), { updateMetadata: false });
      const cover = await printed(coverHtml(ctx, docs, date));
      let contentsPages = lastTime ?? Math.max(1, Math.ceil((docs.length + bookSections.length * 2) / 32));
      let layout = layoutBook(cover.getPageCount(), contentsPages, counts);
      let contents = await printed(contentsHtml(ctx, docs, layout.starts));
      for (let tries = 0; contents.getPageCount() !== contentsPages && tries < 3; tries++) {
        contentsPages = contents.getPageCount();
        layout = layoutBook(cover.getPageCount(), contentsPages, counts);
        contents = await printed(contentsHtml(ctx, docs, layout.starts));
      }
      rendered?.();
      const front = [...(await book.copyPages(cover, cover.getPageIndices())), ...(await book.copyPages(contents, contents.getPageIndices()))];
      for (const page of [...front, ...docs.flatMap((doc) => pagesOf.get(doc)!)]) book.addPage(page);
      linkContents(book, layout);
      setOutline(book, bookOutline(docs, layout));
      applyMetadata(book, {
        title: bookTitle(ctx),
        subject: '全部现行受控文件',
        keywords: ['受控文件', '内部质量保证体系', ...Object.values(layerLabels)],
        author: ctx.institution,
        created,
      });
      // Without object streams: saving is twice as fast for a file 3 % larger.
      return { pdf: await book.save({ objectsPerTick: Infinity, useObjectStreams: false }), layout };
    },
  };
}
