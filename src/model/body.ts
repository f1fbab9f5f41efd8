/** Reads an MDX body without running it: references, flowcharts, and every construct that could run code. */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { findIssueNumbers } from './issue-number.ts';
import { lineIndex, type Point, type Span } from './position.ts';

/** An inline reference written `[[JMI/CX/13]]` or `[[JMI/CX/13|显示文字]]`. */
export interface InlineRef {
  target: string;
  label?: string;
  span: Span;
  /** Up to 24 characters of the same text before it, for rules that read what the text says of it. */
  before?: string;
  /** The text that follows on the same line, up to 60 characters (ref/title-repeated, cite/title-mismatch, cite/version-mismatch). */
  after?: string;
}

/** A GFM table: each row's cells as their source text (so references in them stay visible). */
export interface BodyTable {
  span: Span;
  /** The first row is the header. */
  rows: { cells: { text: string; span: Span }[] }[];
}

/** A document named in plain text as 《名称》（编号） or 编号《名称》, without a [[ ]] reference. */
export interface TitledMention {
  title: string;
  number: string;
  span: Span;
}

/** A heading or paragraph that opens with 第X章, 第X节 or 第X条 (how regulations are numbered). */
export interface NumberedPart {
  unit: '章' | '节' | '条';
  /** The numeral as written, e.g. 十二 or 12. */
  numeral: string;
  span: Span;
}

export interface MermaidBlock {
  code: string;
  /** Span of the code itself (the line after the opening fence). */
  span: Span;
}

/** A JSX element in the body, e.g. `<Note>`; only allow-listed names may be used. */
export interface JsxUse {
  name: string;
  span: Span;
  /** Attributes given as plain strings; others are reported as expressions. */
  attributes: { name: string; span: Span; expression: boolean }[];
}

/** A link or image address in the body, with the span of the address itself (for mdx/unsafe-url). */
export interface UrlUse {
  kind: 'link' | 'image';
  /** The address as the parser decoded it (entities and escapes resolved), which is what a browser gets. */
  url: string;
  span: Span;
}

export interface BodyFacts {
  syntaxError?: { message: string; span: Span };
  /** Set when the body nests deeper than maxNesting; nothing else is read from the tree then. */
  tooDeep?: { message: string; span: Span };
  refs: InlineRef[];
  mermaid: MermaidBlock[];
  jsx: JsxUse[];
  esm: Span[];
  expressions: Span[];
  headings: { depth: number; text: string; span: Span }[];
  urls: UrlUse[];
  tables: BodyTable[];
  numbered: NumberedPart[];
  titled: TitledMention[];
  /** 文号 and standard numbers written in plain text (not inside a [[…]] reference). */
  issueNumbers: { text: string; span: Span }[];
}

/**
 * How deep the syntax tree of a body may nest (列表、引用、强调等层层嵌套). A real document nests a
 * few levels (a list in a list in a note is about 10 nodes deep); the parser's and the renderer's
 * recursion overflow the stack at a few thousand, and parsing slows down quadratically long before.
 */
export const maxNesting = 100;

/** Elements whose attributes carry an address (href="…", src="…"), checked like Markdown links. */
const urlAttributes = new Map<string, 'link' | 'image'>([
  ['href', 'link'],
  ['src', 'image'],
  ['srcset', 'image'],
  ['poster', 'image'],
  ['action', 'link'],
  ['formaction', 'link'],
  ['xlink:href', 'link'],
  ['cite', 'link'],
  ['data', 'link'],
  ['background', 'image'],
]);

/** A fresh, empty set of facts. */
export function emptyBodyFacts(): BodyFacts {
  return { refs: [], mermaid: [], jsx: [], esm: [], expressions: [], headings: [], urls: [], tables: [], numbered: [], titled: [], issueNumbers: [] };
}

/** 第X章 / 第X节 / 第X条 at the start of a heading or paragraph, in Chinese or Arabic numerals. */
const numberedPattern = /^\s*第([零〇一二两三四五六七八九十百千\d]+)([章节条])/;
const contextLength = 24;
/** 《名称》（编号） or 编号《名称》 in plain text; a number is capitals, digits, / and - with a / in it. */
const titledPattern = /《([^《》\n]+)》\s*[（(]\s*([A-Z][A-Z0-9-]*\/[A-Z0-9/-]+)\s*[)）]|\b([A-Z][A-Z0-9-]*\/[A-Z0-9/-]+)\s*《([^《》\n]+)》/g;

export const inlineRefPattern = /\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]/g;

// Made once: building the MDX and GFM extensions took more time than parsing a typical body.
const syntax = { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] };

/** Parses an MDX body into its syntax tree, never compiling or running it; throws on a syntax error. */
export function parseMdx(body: string): Root {
  return fromMarkdown(body, syntax);
}

/**
 * Parses a body as parseMdx does, unless it nests deeper than maxNesting (then undefined): what the
 * renderer uses, so that a body the check refused cannot overflow the stack later either.
 */
export function parseMdxWithinLimits(body: string): Root | undefined {
  if (refusedBeforeParsing(body)) return undefined;
  const tree = parseMdx(body);
  return nestedTooDeep(tree) ? undefined : tree;
}

/** Whether a syntax tree nests deeper than maxNesting. */
export function nestedTooDeep(tree: Root): boolean {
  return deepestNode(tree as unknown as UnistNode) !== undefined;
}

interface UnistPoint {
  line: number;
  column: number;
  offset?: number;
}
interface UnistNode {
  type: string;
  position?: { start: UnistPoint; end: UnistPoint };
  children?: UnistNode[];
  [key: string]: unknown;
}

/**
 * Parses `body`, whose first character sits at line `origin.line`, column 1 of the file.
 * Never throws: a syntax error becomes `syntaxError` and the rest is still scanned where possible.
 * Also gives the syntax tree (none after a syntax error), for a caller that renders the body next.
 */
export function readBody(body: string, origin: Point): { facts: BodyFacts; tree?: Root } {
  const facts = emptyBodyFacts();
  const shift = (p: UnistPoint): Point => ({ line: p.line + origin.line - 1, column: p.column });
  const spanOf = (node: UnistNode): Span =>
    node.position ? { start: shift(node.position.start), end: shift(node.position.end) } : { start: origin, end: origin };

  const refused = refusedBeforeParsing(body);
  if (refused) {
    const at = bodyPoints(body, origin)(refused.offset);
    facts.tooDeep = { message: refused.message, span: { start: at, end: at } };
    scanRefsInText(body, origin, facts.refs);
    return { facts };
  }

  let tree: UnistNode;
  try {
    tree = parseMdx(body) as unknown as UnistNode;
  } catch (error) {
    const place = (error as { place?: UnistPoint | { start: UnistPoint; end: UnistPoint } }).place;
    const point = place && 'start' in place ? place.start : (place as UnistPoint | undefined);
    // Some errors (an unclosed tag) carry no place but quote the opening tag's place in the reason.
    const quoted = /\((\d+):(\d+)-\d+:\d+\)/.exec(String((error as { reason?: string }).reason ?? ''));
    const at = point ? shift(point) : quoted ? shift({ line: Number(quoted[1]), column: Number(quoted[2]) }) : origin;
    // The parser counts lines from the body's start; quote places as lines of the file.
    const message = mdxMessage(error as Error).replace(/\((\d+):(\d+)-(\d+):(\d+)\)/g, (_m, l1: string, c1: string, l2: string, c2: string) =>
      `(${Number(l1) + origin.line - 1}:${c1}-${Number(l2) + origin.line - 1}:${c2})`,
    );
    facts.syntaxError = { message, span: { start: at, end: at } };
    // Without a tree, still find references so one typo does not hide every other finding.
    scanRefsInText(body, origin, facts.refs);
    return { facts };
  }

  const toPoint = bodyPoints(body, origin);
  const tooDeep = deepestNode(tree);
  if (tooDeep) {
    const span = spanOf(tooDeep);
    facts.tooDeep = { message: tooDeepMessage('正文'), span: { start: span.start, end: span.start } };
    scanRefsInText(body, origin, facts.refs);
    return { facts };
  }
  const numberedPart = (node: UnistNode): void => {
    const match = numberedPattern.exec(plainText(node));
    if (match) facts.numbered.push({ unit: match[2] as NumberedPart['unit'], numeral: match[1]!, span: spanOf(node) });
  };
  const visit = (node: UnistNode): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        facts.esm.push(spanOf(node));
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        facts.expressions.push(spanOf(node));
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const attributes = ((node.attributes as UnistNode[] | undefined) ?? []).map((attribute) => ({
          name: attribute.type === 'mdxJsxExpressionAttribute' ? '{...}' : String(attribute.name),
          span: attribute.position ? spanOf(attribute) : spanOf(node),
          expression: attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value !== null && typeof attribute.value === 'object'),
        }));
        facts.jsx.push({ name: node.name == null ? '<>' : String(node.name), span: spanOf(node), attributes });
        for (const attribute of (node.attributes as UnistNode[] | undefined) ?? []) {
          const kind = urlAttributes.get(String(attribute.name).toLowerCase());
          if (attribute.type !== 'mdxJsxAttribute' || !kind || typeof attribute.value !== 'string') continue;
          facts.urls.push({ kind, url: attribute.value, span: attributeValueSpan(body, attribute, toPoint) ?? spanOf(attribute) });
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition':
        facts.urls.push({ kind: node.type === 'image' ? 'image' : 'link', url: String(node.url ?? ''), span: destinationSpan(body, node, toPoint) ?? spanOf(node) });
        break;
      case 'code':
        if (node.lang === 'mermaid' && node.position) {
          const start = shift(node.position.start);
          facts.mermaid.push({
            code: String(node.value ?? ''),
            span: { start: { line: start.line + 1, column: 1 }, end: shift(node.position.end) },
          });
        }
        return;
      case 'heading':
        facts.headings.push({ depth: Number(node.depth), text: plainText(node), span: spanOf(node) });
        numberedPart(node);
        break;
      case 'paragraph':
        numberedPart(node);
        break;
      case 'table':
        facts.tables.push({
          span: spanOf(node),
          rows: (node.children ?? []).map((row) => ({
            cells: (row.children ?? []).map((cell) => ({
              text: cell.position?.start.offset !== undefined && cell.position.end.offset !== undefined ? body.slice(cell.position.start.offset, cell.position.end.offset).replace(/^\s*\|?\s*|\s*\|?\s*$/g, '') : plainText(cell),
              span: spanOf(cell),
            })),
          })),
        });
        break;
      case 'text':
      case 'inlineCode':
        break;
    }
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const from = node.position.start.offset;
      const source = body.slice(from, node.position.end.offset);
      for (const match of source.matchAll(titledPattern)) {
        const start = from + match.index;
        facts.titled.push({
          title: (match[1] ?? match[4])!.trim(),
          number: (match[2] ?? match[3])!,
          span: { start: toPoint(start), end: toPoint(start + match[0].length) },
        });
      }
      const refRanges: [number, number][] = [];
      for (const match of source.matchAll(inlineRefPattern)) {
        refRanges.push([match.index, match.index + match[0].length]);
        const start = from + match.index;
        const before = source.slice(Math.max(0, match.index - contextLength), match.index);
        const after = source.slice(match.index + match[0].length, match.index + match[0].length + 60).split('\n')[0]!;
        facts.refs.push({
          target: match[1]!.trim(),
          ...(match[2] ? { label: match[2].trim() } : {}),
          span: { start: toPoint(start), end: toPoint(start + match[0].length) },
          ...(before ? { before } : {}),
          ...(after ? { after } : {}),
        });
      }
      for (const use of findIssueNumbers(source)) {
        if (refRanges.some(([a, b]) => use.index < b && use.index + use.text.length > a)) continue;
        const start = from + use.index;
        facts.issueNumbers.push({ text: use.text, span: { start: toPoint(start), end: toPoint(start + use.text.length) } });
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { facts, tree: tree as unknown as Root };
}

/**
 * What makes a body too deep to parse at all, found in linear time: the parser needs seconds to
 * minutes for these (time grows with the square of their size), before the depth walk could refuse
 * the tree. Undefined when the body may be parsed.
 */
function refusedBeforeParsing(body: string): { offset: number; message: string } | undefined {
  const deepLine = deepMarkerLine(body);
  if (deepLine !== undefined) return { offset: deepLine, message: tooDeepMessage('一行中的列表或引用标记（-、*、+、>、1.）') };
  const run = delimiterRun(body);
  if (run === undefined) return undefined;
  const mark = body[run]!;
  return {
    offset: run,
    message: `正文中有连续 ${maxDelimiterRun} 个以上的 “${mark}”，它们会被当作层层嵌套的强调或链接标记，无法检查和发布：请删掉多余的 “${mark}”（填写用的横线用几十个就够了）`,
  };
}

function tooDeepMessage(what: string): string {
  return `${what}嵌套超过 ${maxNesting} 层，无法检查和发布：请减少列表、引用或强调的嵌套层数（正常文件不超过 10 层）`;
}

/** The offset of the first line holding more than maxNesting list or quote markers in a row, if any. */
function deepMarkerLine(body: string): number | undefined {
  // `>` needs no space after it to open a quote; list markers do.
  const marker = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const lineEnd = body.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? body.length : lineEnd;
    // Each marker takes at least one character: shorter lines cannot hold too many (most lines, cheaply).
    if (end - lineStart <= maxNesting) {
      if (lineEnd === -1) return undefined;
      lineStart = lineEnd + 1;
      continue;
    }
    marker.lastIndex = lineStart;
    let count = 0;
    while (marker.lastIndex < end && marker.test(body)) {
      if (++count > maxNesting) return marker.lastIndex - 1;
    }
    if (lineEnd === -1) return undefined;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/**
 * The offset of the first character past maxDelimiterRun in a run of identical emphasis,
 * strikethrough or bracket characters, if any: pairing such runs takes the parser time that grows
 * with the square of their length, before the depth walk could refuse the result.
 */
function delimiterRun(body: string): number | undefined {
  const match = delimiterRunPattern.exec(body);
  return match ? match.index + maxDelimiterRun : undefined;
}

/**
 * The longest run of one emphasis or bracket character read (连续标记). Fill-in blanks in forms are
 * runs of `_` a few dozen long and cost nothing alone; two runs of 500 facing each other take the
 * parser a tenth of a second, two of 10,000 sixteen seconds.
 */
export const maxDelimiterRun = 500;
const delimiterRunPattern = new RegExp(`([*_~\\[])\\1{${maxDelimiterRun}}`);

/** The first node nested deeper than maxNesting, found without recursion (recursion is what overflows). */
function deepestNode(tree: UnistNode): UnistNode | undefined {
  const nodes: UnistNode[] = [tree];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > maxNesting) return node;
    if (!node.children) continue;
    for (const child of node.children) {
      nodes.push(child);
      depths.push(depth + 1);
    }
  }
  return undefined;
}

/**
 * The span of a link's, image's or definition's address in the source: after `](` of `[文字](地址)`
 * or `]:` of `[标签]: 地址`, up to the closing `>` of `<地址>`, or to whitespace or the unbalanced `)`.
 * The parser gives only the whole node's span; undefined when the source does not read as expected.
 */
function destinationSpan(body: string, node: UnistNode, toPoint: (offset: number) => Point): Span | undefined {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  // The label's closing bracket: after the last child of a link, else found by matching brackets.
  const lastChild = node.children?.at(-1)?.position?.end.offset;
  let i = node.type === 'link' && lastChild !== undefined ? lastChild : closingBracket(body, body[from] === '!' ? from + 1 : from, to);
  if (i === undefined || body[i] !== ']') return undefined;
  const opener = node.type === 'definition' ? ':' : '(';
  if (body[i + 1] !== opener) return undefined;
  i += 2;
  while (i < to && /\s/.test(body[i]!)) i++;
  let start = i;
  let end: number;
  if (body[i] === '<') {
    start = i + 1;
    end = body.indexOf('>', start);
    if (end === -1 || end > to) return undefined;
  } else {
    let depth = 0;
    end = i;
    while (end < to) {
      const c = body[end]!;
      if (c === '\\') end++;
      else if (/\s/.test(c)) break;
      else if (c === '(') depth++;
      else if (c === ')' && depth-- === 0) break;
      end++;
    }
    end = Math.min(end, to);
  }
  return { start: toPoint(start), end: toPoint(end) };
}

/** The offset of the `]` that closes the `[` at `open`, skipping escaped brackets; undefined if none before `to`. */
function closingBracket(body: string, open: number, to: number): number | undefined {
  if (body[open] !== '[') return undefined;
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return undefined;
}

/** The span of a JSX attribute's quoted value: after `name="` up to the closing quote. */
function attributeValueSpan(body: string, attribute: UnistNode, toPoint: (offset: number) => Point): Span | undefined {
  const from = attribute.position?.start.offset;
  const to = attribute.position?.end.offset;
  if (from === undefined || to === undefined) return undefined;
  const quote = /=\s*(["'])/.exec(body.slice(from, to));
  if (!quote) return undefined;
  const start = from + quote.index + quote[0].length;
  return { start: toPoint(start), end: toPoint(Math.max(start, to - 1)) };
}

function plainText(node: UnistNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

/** Offsets in the body to points in the file: the body starts at column 1 of `origin.line`. */
function bodyPoints(body: string, origin: Point): (offset: number) => Point {
  const local = lineIndex(body);
  return (offset) => {
    const { line, column } = local(offset);
    return { line: origin.line + line - 1, column };
  };
}

/**
 * References found in the text itself, when there is no syntax tree (a syntax error, a body too deep).
 * Code is blanked out first, as the tree would have it: `[[…]]` written in code shows the syntax, it
 * refers to nothing.
 */
function scanRefsInText(body: string, origin: Point, into: InlineRef[]): void {
  const toPoint = bodyPoints(body, origin);
  for (const match of withoutCode(body).matchAll(inlineRefPattern)) {
    into.push({
      target: match[1]!.trim(),
      ...(match[2] ? { label: match[2].trim() } : {}),
      span: { start: toPoint(match.index), end: toPoint(match.index + match[0].length) },
    });
  }
}

/** The body with fenced code blocks and inline code replaced by spaces (offsets and line breaks kept). */
export function withoutCode(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  let out = '';
  let fence: string | undefined;
  for (const line of body.split(/(?<=\n)/)) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && opening) {
      fence = opening[1]!;
      out += blank(line);
    } else if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = undefined;
      out += blank(line);
    } else out += line;
  }
  // Inline code: a run of backticks up to the next run of the same length (CommonMark's rule).
  return out.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (code) => blank(code));
}

/** MDX parse errors in words an author can act on. */
function mdxMessage(error: Error): string {
  const reason = (error as { reason?: string }).reason ?? error.message;
  if (/Unexpected character .* before name|Unexpected end of file in name|before name/.test(reason)) {
    return `MDX 语法错误：“<” 会被当作标签的开始。正文中表示小于号请写成 &lt; 或全角“＜”（${reason}）`;
  }
  if (/expression|acorn|Could not parse/i.test(reason)) {
    return `MDX 语法错误：“{” 会被当作表达式的开始。正文中的花括号请写成 \\{ 或全角“｛”（${reason}）`;
  }
  if (/closing tag|Expected a closing tag|Unexpected closing/i.test(reason)) {
    return `MDX 语法错误：标签没有正确闭合（${reason}）`;
  }
  return `MDX 语法错误：${reason}`;
}
