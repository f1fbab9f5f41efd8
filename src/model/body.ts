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

export interface BodyFacts {
  syntaxError?: { message: string; span: Span };
  refs: InlineRef[];
  mermaid: MermaidBlock[];
  jsx: JsxUse[];
  esm: Span[];
  expressions: Span[];
  headings: { depth: number; text: string; span: Span }[];
  /** 文号 and standard numbers written in plain text (not inside a [[…]] reference). */
  issueNumbers: { text: string; span: Span }[];
}

export const inlineRefPattern = /\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]/g;

// Made once: building the MDX and GFM extensions took more time than parsing a typical body.
const syntax = { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] };

/** Parses an MDX body into its syntax tree, never compiling or running it; throws on a syntax error. */
export function parseMdx(body: string): Root {
  return fromMarkdown(body, syntax);
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
  const facts: BodyFacts = { refs: [], mermaid: [], jsx: [], esm: [], expressions: [], headings: [], issueNumbers: [] };
  const shift = (p: UnistPoint): Point => ({ line: p.line + origin.line - 1, column: p.column });
  const spanOf = (node: UnistNode): Span =>
    node.position ? { start: shift(node.position.start), end: shift(node.position.end) } : { start: origin, end: origin };

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
        break;
      }
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
        break;
      case 'text':
      case 'inlineCode':
        break;
    }
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const from = node.position.start.offset;
      const source = body.slice(from, node.position.end.offset);
      const refRanges: [number, number][] = [];
      for (const match of source.matchAll(inlineRefPattern)) {
        refRanges.push([match.index, match.index + match[0].length]);
        const start = from + match.index;
        facts.refs.push({
          target: match[1]!.trim(),
          ...(match[2] ? { label: match[2].trim() } : {}),
          span: { start: toPoint(start), end: toPoint(start + match[0].length) },
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

function scanRefsInText(body: string, origin: Point, into: InlineRef[]): void {
  const toPoint = bodyPoints(body, origin);
  for (const match of body.matchAll(inlineRefPattern)) {
    into.push({
      target: match[1]!.trim(),
      ...(match[2] ? { label: match[2].trim() } : {}),
      span: { start: toPoint(match.index), end: toPoint(match.index + match[0].length) },
    });
  }
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
