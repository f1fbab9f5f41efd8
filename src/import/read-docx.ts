/**
 * Word (.docx) → Markdown syntax tree: mammoth turns the document into semantic HTML, hast-util-to-mdast
 * turns that into mdast. Nothing in the file is trusted: links other than http(s)/mailto are dropped,
 * images are kept only as bytes of a raster format with a generated name, footnotes become GFM footnotes,
 * merged table cells become a written note.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { PhrasingContent, Root, RootContent, Table } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import mammoth from 'mammoth';

/** What kind of file the bytes are, read from their first bytes and not from the file name. */
export type WordKind = 'docx' | 'doc' | 'encrypted' | 'not-word';

/** An image taken out of the document, to be written next to it. */
export interface ExtractedImage {
  /** Generated file name, e.g. jmi-bz-2-09-1.png (only [a-z0-9-.]). */
  name: string;
  bytes: Uint8Array;
}

/** Something in the Word file that could not be carried over as it was. */
export interface ReadNote {
  id: 'unsafe-link' | 'image-dropped';
  message: string;
}

export interface ReadResult {
  tree: Root;
  images: ExtractedImage[];
  notes: ReadNote[];
  /** Tables that had merged cells, with the note to put under them if they stay in the body. */
  merged: Map<Table, MergedCells>;
}

/** Which cells of a Word table were merged: a note for the body and a message for the report. */
export interface MergedCells {
  note: string;
  message: string;
}

/**
 * Tells a .docx (a zip) from an old binary .doc and a password-protected .docx (both OLE compound
 * files: the encrypted one holds an "EncryptionInfo" stream, the .doc a "WordDocument" stream).
 */
export function sniffWord(bytes: Uint8Array): WordKind {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'docx';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    const text = Buffer.from(bytes).toString('utf16le');
    if (text.includes('EncryptionInfo') || text.includes('EncryptedPackage')) return 'encrypted';
    if (text.includes('WordDocument')) return 'doc';
  }
  return 'not-word';
}

/** Raster formats a browser and Word both show; anything else (EMF, WMF, SVG, TIFF) is dropped. */
const imageTypes: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/bmp': 'bmp' };

/** Private-use marks around a footnote number, split into footnote references after conversion. */
const footnoteOpen = '\uE000';
const footnoteClose = '\uE001';

/** Converts a .docx; throws when mammoth cannot read it (a corrupt file). */
export async function readDocx(bytes: Uint8Array, imageStem: string): Promise<ReadResult> {
  const images: ExtractedImage[] = [];
  const notes: ReadNote[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      convertImage: mammoth.images.imgElement(async (image) => {
        const ext = imageTypes[image.contentType];
        if (!ext) {
          notes.push({ id: 'image-dropped', message: `图片格式 ${image.contentType} 不能在网页和 PDF 中显示，未导入：请在 Word 中把它另存为 PNG 或 JPEG 后重新导入，或手工加入` });
          return { src: '' };
        }
        const name = `${imageStem}-${images.length + 1}.${ext}`;
        images.push({ name, bytes: await image.readAsBuffer() });
        return { src: `./${name}` };
      }),
    },
  );
  const hast = withoutPositions(fromHtml(result.value, { fragment: true }));
  const footnotes = takeFootnotes(hast);
  const mergedInOrder: (MergedCells | undefined)[] = [];
  cleanHast(hast, notes, mergedInOrder);
  const tree = toMdast(hast) as Root;
  // Tables come out of the conversion in the order they went in.
  const merged = new Map<Table, MergedCells>();
  tablesOf(tree).forEach((table, i) => mergedInOrder[i] && merged.set(table, mergedInOrder[i]!));
  splitFootnoteMarks(tree);
  for (const [id, content] of footnotes) {
    const converted = toMdast({ type: 'root', children: content } as HastRoot) as Root;
    tree.children.push({ type: 'footnoteDefinition', identifier: id, label: id, children: converted.children as never });
  }
  return { tree, images, notes, merged };
}

/**
 * Positions in mammoth's HTML mean nothing to the MDX written from it, and hast-util-to-mdast clones
 * the whole tree: without them the clone (and the garbage) is a third smaller.
 */
function withoutPositions<T extends HastRoot | HastContent>(node: T): T {
  delete node.position;
  if ('children' in node) for (const child of node.children) withoutPositions(child);
  return node;
}

/** Removes mammoth's footnote list (li#footnote-N) and returns each footnote's content, without the back link. */
function takeFootnotes(root: HastRoot): Map<string, ElementContent[]> {
  const found = new Map<string, ElementContent[]>();
  root.children = root.children.filter((node) => {
    if (node.type !== 'element' || node.tagName !== 'ol') return true;
    const items = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
    const ids = items.map((li) => /^(?:footnote|endnote)-(\d+)$/.exec(String(li.properties.id ?? ''))?.[1]);
    if (items.length === 0 || ids.some((id) => id === undefined)) return true;
    items.forEach((li, i) => found.set(ids[i]!, withoutBackLinks(li.children)));
    return false;
  });
  return found;
}

function withoutBackLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((n) => !(n.type === 'element' && n.tagName === 'a' && /^#(?:footnote|endnote)-ref-/.test(String(n.properties.href ?? ''))))
    .map((n) => (n.type === 'element' ? { ...n, children: withoutBackLinks(n.children) } : n));
}

/** Footnote marks, unsafe links, dropped images and merged cells, handled in the HTML before conversion. */
function cleanHast(root: HastRoot, notes: ReadNote[], merged: (MergedCells | undefined)[]): void {
  const walk = (parent: { children: (HastContent | ElementContent)[] }) => {
    parent.children = parent.children.flatMap((node): (HastContent | ElementContent)[] => {
      if (node.type !== 'element') return [node];
      if (node.tagName === 'sup' || node.tagName === 'a') {
        const href = String(node.properties.href ?? '');
        const link = node.tagName === 'a' ? node : node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
        const footnote = /^#(?:footnote|endnote)-(\d+)$/.exec(String(link?.properties.href ?? ''));
        if (footnote) return [{ type: 'text', value: `${footnoteOpen}${footnote[1]}${footnoteClose}` }];
        if (node.tagName === 'a' && href !== '' && !isSafeHref(href)) {
          // Internal bookmarks (tables of contents) are dropped quietly; anything else is reported.
          if (!href.startsWith('#')) notes.push({ id: 'unsafe-link', message: `链接 "${href.slice(0, 80)}" 不是 http(s) 或 mailto 地址，已去掉链接、保留文字：如需要，请改为网址或 [[编号]] 引用` });
          walk(node);
          return node.children;
        }
      }
      if (node.tagName === 'img' && !String(node.properties.src ?? '').startsWith('./')) return [];
      if (node.tagName === 'table') {
        headerRow(node);
        merged.push(mergedCells(node));
      }
      walk(node);
      return [node];
    });
  };
  walk(root);
}

/** Word tables have no header cells; the first row is the header, as in every controlled document's tables. */
function headerRow(table: Element): void {
  const first = collect(table, 'tr')[0];
  if (first) for (const cell of collect(first, 'td')) cell.tagName = 'th';
}

function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

/** Which cells of the table are merged (Markdown tables cannot merge), or undefined. */
function mergedCells(table: Element): MergedCells | undefined {
  const merged: string[] = [];
  const rows = collect(table, 'tr');
  rows.forEach((tr, r) => {
    collect(tr, 'td', 'th').forEach((cell) => {
      const cols = Number(cell.properties.colSpan ?? cell.properties.colspan ?? 1);
      const spanRows = Number(cell.properties.rowSpan ?? cell.properties.rowspan ?? 1);
      if (cols <= 1 && spanRows <= 1) return;
      const text = textOf(cell).trim() || '（空白单元格）';
      const spans = [cols > 1 ? `跨 ${cols} 列` : '', spanRows > 1 ? `跨 ${spanRows} 行` : ''].filter(Boolean).join('、');
      merged.push(`第 ${r + 1} 行“${text}”${spans}`);
    });
  });
  if (merged.length === 0) return undefined;
  return {
    note: `注：原 Word 表格有合并单元格（${merged.join('；')}），导入后合并处为空单元格，请核对。`,
    message: `表格有合并单元格（${merged.join('；')}）：已展开为空单元格并在表后加了说明，请核对表格内容`,
  };
}

function collect(node: Element, ...tags: string[]): Element[] {
  const out: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (tags.includes(child.tagName)) out.push(child);
    else if (child.tagName !== 'table') out.push(...collect(child, ...tags));
  }
  return out;
}

function textOf(node: ElementContent | HastContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as ElementContent[]).map(textOf).join('') : '';
}

function tablesOf(node: Root | RootContent): Table[] {
  if (node.type === 'table') return [node];
  return 'children' in node ? (node.children as RootContent[]).flatMap(tablesOf) : [];
}

/** Turns the private-use footnote marks left in text into footnote references. */
function splitFootnoteMarks(tree: Root): void {
  const pattern = new RegExp(`${footnoteOpen}(\\d+)${footnoteClose}`, 'g');
  const visit = (node: { children?: RootContent[] }) => {
    if (!node.children) return;
    node.children = node.children.flatMap((child): RootContent[] => {
      if (child.type !== 'text' || !child.value.includes(footnoteOpen)) {
        visit(child as { children?: RootContent[] });
        return [child];
      }
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of child.value.matchAll(pattern)) {
        if (m.index > last) parts.push({ type: 'text', value: child.value.slice(last, m.index) });
        parts.push({ type: 'footnoteReference', identifier: m[1]!, label: m[1]! });
        last = m.index + m[0].length;
      }
      if (last < child.value.length) parts.push({ type: 'text', value: child.value.slice(last) });
      return parts;
    });
  };
  visit(tree);
}
