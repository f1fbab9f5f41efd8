/** Turns the bytes of one content file into its frontmatter data and body facts; field positions on demand (placesOf). */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { emptyBodyFacts, readBody, type BodyFacts } from './body.ts';
import { isFenceLine, parseYamlData, parseYamlWithPlaces, type FieldPath, type FieldPlace, type YamlProblem } from './frontmatter.ts';
import { lineIndex, type Span } from './position.ts';

export interface ParsedFile {
  /** Path relative to the project root, with forward slashes. */
  path: string;
  /** sha1 of the bytes: the cache key. */
  hash: string;
  /** Set when the bytes are not UTF-8 text; nothing else is read then. */
  encodingProblem?: { message: string; span: Span };
  /** Set when the file or one of its lines is longer than the limits; nothing else is read then. */
  tooLarge?: { message: string; span: Span };
  /** Set when the file has no `---` frontmatter block at the top. */
  missingFrontmatter?: { message: string; span: Span };
  yamlProblems: YamlProblem[];
  data: unknown;
  /** The frontmatter's YAML text (from line 2), from which placesOf finds where each field sits. */
  yaml: string;
  /** Span of the whole frontmatter block, used when a field is missing altogether. */
  frontmatterSpan: Span;
  body: BodyFacts;
  bodyStartLine: number;
}

const origin = { line: 1, column: 1 };
/** The frontmatter's YAML starts on line 2, after the opening ---. */
const yamlOrigin = { line: 2, column: 1 };

/**
 * The largest content file read (字节), and the longest line (字符). Real documents are tens of
 * kilobytes with lines of a few thousand characters, and a 5 MB file must still be read whole
 * (test/check/robustness.test.ts); plain text parses at about 1 MB a second, and a pull request
 * must not be able to slow every build down by much more than that. A single long line is the
 * cheap way to make the parser slow, hence its own, tighter limit.
 */
export const maxFileBytes = 8_000_000;
export const maxLineLength = 20_000;

/** sha1 of a file's bytes (the parse cache's key), or of a text (a page's key). */
export function hashOf(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export interface ParseOptions {
  /** sha1 of the bytes, when the caller has it already. */
  hash?: string;
  /** Keep the body's syntax tree for takeBodyTree (a build renders every body next). */
  keepBodyTree?: boolean;
}

/** Parses one `.mdx` file. Never throws, whatever the bytes. */
export function parseFile(path: string, bytes: Uint8Array, { hash = hashOf(bytes), keepBodyTree = false }: ParseOptions = {}): ParsedFile {
  const base: ParsedFile = {
    path,
    hash,
    yamlProblems: [],
    data: undefined,
    yaml: '',
    frontmatterSpan: { start: origin, end: origin },
    body: emptyBodyFacts(),
    bodyStartLine: 1,
  };

  if (bytes.byteLength > maxFileBytes) {
    const megabytes = (bytes.byteLength / 1_000_000).toFixed(1);
    return { ...base, tooLarge: { message: `文件有 ${megabytes} MB，超过了 ${maxFileBytes / 1_000_000} MB 的上限，没有检查：受控文件应是文字；请把大段数据或附件移出 content/，或把文件拆成几份`, span: { start: origin, end: origin } } };
  }
  // isUtf8 + toString is native and several times faster than a fatal TextDecoder on large sets.
  if (!isUtf8(bytes)) {
    return { ...base, encodingProblem: { message: '文件不是 UTF-8 编码的文本，请用 UTF-8 另存，或把非文本文件移出 content/', span: { start: origin, end: origin } } };
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.includes('\u0000')) {
    const at = lineIndex(text)(text.indexOf('\u0000'));
    return { ...base, encodingProblem: { message: '文件中有空字符（NUL），看起来不是文本文件；请移出 content/ 或重新保存为 UTF-8 文本', span: { start: at, end: at } } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lines = text.split('\n');
  const long = lines.findIndex((line) => line.length > maxLineLength);
  if (long !== -1) {
    const at = { line: long + 1, column: maxLineLength + 1 };
    return { ...base, tooLarge: { message: `第 ${long + 1} 行有 ${lines[long]!.length} 个字符，超过了 ${maxLineLength} 个字符的上限，没有检查：请把这一行分成几段（段落之间空一行）`, span: { start: at, end: at } } };
  }
  if (!isFenceLine(lines[0] ?? '', false)) {
    return {
      ...base,
      missingFrontmatter: { message: '文件开头缺少 frontmatter：第 1 行应为 ---，其后写文件编号、名称、版本等字段，再以 --- 结束', span: { start: origin, end: { line: 1, column: (lines[0]?.length ?? 0) + 1 } } },
      body: readBody(text, origin).facts,
    };
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (isFenceLine(lines[i]!, true)) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    const last = { line: lines.length, column: 1 };
    return {
      ...base,
      yamlProblems: [{ message: 'frontmatter 没有结束：在字段之后加一行 ---，再写正文', span: { start: last, end: last } }],
      frontmatterSpan: { start: origin, end: last },
    };
  }
  // CRLF files: drop each line's \r so the last YAML line does not end in a stray carriage return.
  const yamlText = lines.slice(1, close).map((line) => line.replace(/\r$/, '')).join('\n');
  const parsed = parseYamlData(yamlText, yamlOrigin);
  const bodyStartLine = close + 2;
  const bodyText = lines.slice(close + 1).join('\n');
  const { facts: body, tree } = readBody(bodyText, { line: bodyStartLine, column: 1 });
  const file: ParsedFile = {
    ...base,
    yamlProblems: parsed.problems,
    data: parsed.data,
    yaml: yamlText,
    frontmatterSpan: { start: origin, end: { line: close + 1, column: 4 } },
    body,
    bodyStartLine,
  };
  if (keepBodyTree && tree) bodyTrees.set(file, { body: bodyText, tree });
  return file;
}

const bodyTrees = new WeakMap<ParsedFile, { body: string; tree: Root }>();

/**
 * The body text and syntax tree of a file parsed with keepBodyTree, so that rendering it does not
 * parse it again. Given once, then forgotten: trees are large. None for a file from the parse cache.
 */
export function takeBodyTree(file: ParsedFile): { body: string; tree: Root } | undefined {
  const kept = bodyTrees.get(file);
  bodyTrees.delete(file);
  return kept;
}

const placesMemo = new WeakMap<ParsedFile, Record<FieldPath, FieldPlace>>();

/**
 * Where each frontmatter field of a file sits, for diagnostics. Computed from the YAML text on first
 * use, not when parsing: only files with findings need it, and it is most of a parse's cost.
 */
export function placesOf(file: ParsedFile): Record<FieldPath, FieldPlace> {
  let places = placesMemo.get(file);
  if (!places) {
    places = file.yaml ? parseYamlWithPlaces(file.yaml, yamlOrigin).places : {};
    placesMemo.set(file, places);
  }
  return places;
}
