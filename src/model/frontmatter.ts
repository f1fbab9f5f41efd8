/**
 * Frontmatter parsing: the data with js-yaml where that is safe (parseYamlData), and the position of
 * every key and value with the `yaml` document API when a diagnostic needs them (parseYamlWithPlaces).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type ParsedNode } from 'yaml';
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

  const problems: YamlProblem[] = [...doc.errors, ...doc.warnings].map((error) => ({
    message: yamlMessage(error.code, error.message),
    span: span(error.pos),
  }));

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

/** Splits a document's text into its frontmatter YAML and body, without positions (for history and rendering). */
export function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(clean);
  if (!match) return undefined;
  return { yaml: match[1]!, body: clean.slice(match[0].length) };
}
