/**
 * Frontmatter parsing: the data with js-yaml where that is safe (parseYamlData), and the position of
 * every key and value with the `yaml` document API when a diagnostic needs them (parseYamlWithPlaces).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { CST, isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, type Node, type ParsedNode } from 'yaml';
import type { Point, Span } from './position.ts';

/** Where one field sits: its key (absent for list items) and its value. */
export interface FieldPlace {
  key?: Span;
  value: Span;
}

/** A path into the frontmatter, joined with dots: `revisions.2.version`. */
export type FieldPath = string;

export interface YamlProblem {
  message: string;
  span: Span;
}

export interface ParsedYaml {
  data: unknown;
  places: Record<FieldPath, FieldPlace>;
  problems: YamlProblem[];
}

/**
 * Parses YAML text that starts at `origin` (the line/column of its first character in the file) and
 * records the span of every key and value, so a diagnostic can point at the field that is wrong.
 */
export function parseYamlWithPlaces(text: string, origin: Point): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const { line, col } = counter.linePos(offset);
    return line === 1 ? { line: origin.line, column: origin.column + col - 1 } : { line: origin.line + line - 1, column: col };
  };
  const span = (range: readonly [number, number, number?] | null | undefined): Span => {
    const [start, end] = range ?? [0, 0];
    return { start: toPoint(start), end: toPoint(end) };
  };

  // One broken line makes the parser report every line after it: the author sees the first error
  // only (explained where a typical Chinese-author slip is recognised), and the cascade not at all.
  const problems: YamlProblem[] =
    doc.errors.length > 0
      ? [firstYamlProblem(text, doc.errors, span, toPoint)]
      : doc.warnings.map((warning) => ({ message: yamlMessage(warning.code, warning.message), span: span(warning.pos) }));

  const places: Record<FieldPath, FieldPlace> = {};
  const walk = (node: Node | null | undefined, path: string): void => {
    if (!node) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as ParsedNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const child = path ? `${path}.${key}` : key;
        const valueNode = pair.value as ParsedNode | null;
        places[child] = {
          key: span(keyNode?.range),
          value: valueNode?.range ? span(valueNode.range) : span(keyNode?.range),
        };
        walk(valueNode, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = `${path}.${index}`;
        const itemNode = item as ParsedNode | null;
        if (itemNode?.range) places[child] = { value: span(itemNode.range) };
        walk(itemNode, child);
      });
    }
  };
  walk(doc.contents as Node | null, '');

  let data: unknown = undefined;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ message: `YAML 无法转换：${(error as Error).message}`, span: span([0, 0]) });
    }
  }
  return { data, places, problems };
}

/**
 * The data of YAML text and its problems, without positions: what every document needs, while
 * positions are needed only by documents with findings (see placesOf in parse-file.ts).
 *
 * Plain frontmatter goes through js-yaml's core schema, ten times faster than the `yaml` document
 * API and giving the same data (dates stay strings). Text using YAML features where the two could
 * differ (anchors, aliases, tags, directives, complex keys), or that js-yaml rejects, goes through
 * parseYamlWithPlaces, whose messages and alias limit are the ones authors see.
 */
export function parseYamlData(text: string, origin: Point): { data: unknown; problems: YamlProblem[] } {
  if (!unusualYaml.test(text) && !hasMultilineFlow(text)) {
    try {
      return { data: load(text, { schema: CORE_SCHEMA }), problems: [] };
    } catch {
      // Fall through: the full parser explains the problem with its position.
    }
  }
  const { data, problems } = parseYamlWithPlaces(text, origin);
  return { data, problems };
}

/**
 * Anchors, aliases, tags, directives, merge keys, explicit (?) keys and [list] or {map} keys: rare in
 * frontmatter, and where js-yaml and the full parser can disagree.
 */
const unusualYaml = /[&*!%]|<<|(?:^|[\s[{,])\?(?:\s|$)|[\]}[{,][ \t]*:/m;

/**
 * A [list], {map} or quoted text left open at the end of a line: the full parser checks the
 * indentation of what follows, js-yaml does not.
 */
function hasMultilineFlow(text: string): boolean {
  if (!/[[{"']/.test(text)) return false;
  return text.split('\n').some((line) => {
    let depth = 0;
    let doubleQuotes = 0;
    let singleQuotes = 0;
    for (let i = 0; i < line.length; i++) {
      const char = line[i];
      if (char === '[' || char === '{') depth++;
      else if (char === ']' || char === '}') depth--;
      else if (char === '"' && line[i - 1] !== '\\') doubleQuotes++;
      else if (char === "'") singleQuotes++;
    }
    return depth !== 0 || doubleQuotes % 2 === 1 || singleQuotes % 2 === 1;
  });
}

type ErrorSpan = (range: readonly [number, number, number?] | null | undefined) => Span;

/**
 * The one problem shown for YAML that does not parse: a recognised slip (full-width colon after a
 * key, an unquoted value starting with [[) where it is, else the parser's first error, with an
 * unclosed quote placed where it opens rather than where the text runs out.
 */
function firstYamlProblem(text: string, errors: readonly { code: string; message: string; pos: [number, number] }[], span: ErrorSpan, toPoint: (offset: number) => Point): YamlProblem {
  const slip = recognisedSlip(text, toPoint);
  if (slip) return slip;
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0]!;
  if (first.code === 'MISSING_CHAR' && /quote/.test(first.message)) {
    const opening = openingQuoteOf(text, first.pos[0]);
    if (opening !== undefined) {
      const quote = text[opening]!;
      return {
        message: `这里的 ${quote} 引号没有配对：从这里起到 frontmatter 结束都被当成了一个值。请在值的末尾补上 ${quote}，或删去这个引号`,
        span: span([opening, opening + 1]),
      };
    }
  }
  return { message: yamlMessage(first.code, first.message), span: span(first.pos) };
}

/** A key followed by a full-width colon, e.g. `title：文件管理办法` or `  - version：A/0`. */
const fullWidthColonKey = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]*：[ \t]*(.*)$/;
/** A block value or list item that starts with [[ without quotes: YAML reads [ as the start of a list. */
const unquotedReference = /^(\s*(?:-\s+|[A-Za-z_][\w-]*:[ \t]+(?:-\s+)?))(\[\[.*?)\s*$/;

function recognisedSlip(text: string, toPoint: (offset: number) => Point): YamlProblem | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const here = offset;
    offset += line.length + 1;
    const colon = fullWidthColonKey.exec(line);
    if (colon) {
      const at = here + line.indexOf('：', colon[1]!.length);
      const fixed = `${colon[1]}${colon[2]}: ${colon[3]}`.trimEnd();
      return {
        message: `字段名 "${colon[2]}" 后面是全角冒号“：”，YAML 只认半角冒号“:”加一个空格。改成：${fixed.trim()}`,
        span: { start: toPoint(at), end: toPoint(at + 1) },
      };
    }
    const reference = unquotedReference.exec(line);
    // A bare `- [[编号]]` is valid YAML (a list in a list); only text after the ]] breaks the parse.
    if (reference && /^\[\[[^\]]*\]\]\s*\S/.test(reference[2]!)) {
      const at = here + reference[1]!.length;
      const value = reference[2]!.replace(/"/g, '\\"');
      return {
        message: `以 [[ 开头的值要加引号：YAML 把 [ 当作列表的开始。把这一行改成：${reference[1]!.trim()} "${value}"`,
        span: { start: toPoint(at), end: toPoint(here + line.trimEnd().length) },
      };
    }
  }
  return undefined;
}

/** Where the quoted text that runs to `end` without its closing quote opens. */
function openingQuoteOf(text: string, end: number): number | undefined {
  let found: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node && (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar') && node.offset + node.source.length >= end - 1 && found === undefined) found = node.offset;
      }
    });
  }
  return found;
}

/** Short Chinese explanations for the YAML errors authors meet most. */
function yamlMessage(code: string, original: string): string {
  const first = original.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const hints: Record<string, string> = {
    DUPLICATE_KEY: 'YAML 中同一个字段写了两次，删去其中一个',
    BAD_INDENT: 'YAML 缩进不对：同一层的字段要对齐，列表项用两个空格缩进',
    MISSING_CHAR: 'YAML 缺少配对的符号（引号或括号）',
    BLOCK_AS_IMPLICIT_KEY: 'YAML 字段名后缺少冒号或缩进不对',
    MULTILINE_IMPLICIT_KEY: 'YAML 字段名不能跨行：检查上一行的冒号与缩进',
    TAB_AS_INDENT: 'YAML 不能用 Tab 缩进，请改用空格',
    UNEXPECTED_TOKEN: 'YAML 中有意外的字符',
    BAD_SCALAR_START: 'YAML 值不能以这个字符开头：请给值加上引号',
  };
  // The commonest YAML slip in Chinese text: a value that itself contains “: ”.
  const hint = /Nested mappings are not allowed in compact mappings/.test(first)
    ? '这一行的值里有“: ”（或下一行多缩进了）：值中含冒号时请给整个值加引号，如 title: "说明: 内容"'
    : hints[code];
  return hint ? `${hint}（${first}）` : `YAML 语法错误：${first}`;
}

/**
 * Whether a line opens or closes the frontmatter: `---` (or `...` to close), trailing spaces allowed,
 * as in splitFrontmatter, so that the check and the renderer agree on where the frontmatter ends.
 */
export function isFenceLine(line: string, closing: boolean): boolean {
  return (closing ? /^(?:---|\.\.\.)[ \t]*\r?$/ : /^---[ \t]*\r?$/).test(line);
}

/** Splits a document's text into its frontmatter YAML and body, without positions (for history and rendering). */
export function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(clean);
  if (!match) return undefined;
  return { yaml: match[1]!, body: clean.slice(match[0].length) };
}
