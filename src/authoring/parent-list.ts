/** Adds a number to a list in a document's frontmatter by splicing text, so every other byte (comments, quoting, order) stays as written. */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { AuthoringError } from './authoring-error.ts';
import { yamlScalar } from './yaml-text.ts';

const frontmatterPattern = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/;

/** Result of adding to a list: the new text, or the same text when the number was already listed. */
export interface ListEdit {
  text: string;
  changed: boolean;
}

/** Adds `value` to the frontmatter list `key` of a document (e.g. a procedure's `flows`); creates the key when missing. */
export function addToFrontmatterList(fileText: string, key: string, value: string, path: string): ListEdit {
  const match = frontmatterPattern.exec(fileText);
  if (!match) throw new AuthoringError(`${path} 没有 --- 包围的文件头，无法加入 ${key}`, `请先修正该文件（npm run check 会指出问题），再重新运行`);
  const [, open, yamlText] = match as unknown as [string, string, string];
  const newline = fileText.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new AuthoringError(`${path} 的文件头不是合法的 YAML，无法加入 ${key}`, '请先修正该文件（npm run check 会指出问题），再重新运行');
  }
  const before = doc.toJS() as Record<string, unknown>;
  const current = before[key];
  if (Array.isArray(current) && current.includes(value)) return { text: fileText, changed: false };

  const edited = spliceList(yamlText, doc.contents, key, value, newline, path);
  const after = parseDocument(edited).toJS() as Record<string, unknown>;
  const expected = { ...before, [key]: [...(Array.isArray(current) ? current : []), value] };
  if (!isDeepStrictEqual(after, expected)) {
    throw new AuthoringError(`无法在 ${path} 的 ${key} 中安全地加入 ${value}（该字段的写法不常见）`, `请手工在 ${path} 的 ${key} 中加入 ${value}`);
  }
  const start = open.length;
  return { text: fileText.slice(0, start) + edited + fileText.slice(start + yamlText.length), changed: true };
}

function spliceList(yamlText: string, map: Parameters<typeof isMap>[0] & { items: unknown[] }, key: string, value: string, newline: string, path: string): string {
  const pairs = map.items as { key: unknown; value: unknown }[];
  const pair = pairs.find((p) => isScalar(p.key) && p.key.value === key);
  const item = yamlScalar(value);
  if (!pair) {
    // Put the new key after the last top-level entry.
    const end = lineEnd(yamlText, (pairs.at(-1)?.value as { range?: number[] } | undefined)?.range?.[2] ?? yamlText.length);
    if (end >= yamlText.length) return `${yamlText}${newline}${key}: [${item}]${newline}`;
    return `${yamlText.slice(0, end + 1)}${key}: [${item}]${newline}${yamlText.slice(end + 1)}`;
  }
  const node = pair.value;
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) {
    const keyRange = (pair.key as { range: number[] }).range;
    const from = keyRange[0]!;
    const to = isScalar(node) && node.range ? node.range[1]! : keyRange[1]!;
    const colon = yamlText.indexOf(':', keyRange[1]!);
    return `${yamlText.slice(0, from)}${key}: [${item}]${yamlText.slice(Math.max(to, colon + 1))}`;
  }
  if (!isSeq(node) || !node.range) throw new AuthoringError(`${path} 的 ${key} 不是列表`, `请把 ${key} 改成列表，如 ${key}: [${item}]`);
  if (node.flow) {
    const close = node.range[1] - 1;
    if (yamlText[close] !== ']') throw new AuthoringError(`${path} 的 ${key} 列表写法不常见`, `请手工在 ${key} 中加入 ${value}`);
    let insertAt = close;
    while (insertAt > 0 && /\s/.test(yamlText[insertAt - 1]!)) insertAt--;
    const separator = node.items.length > 0 ? ', ' : '';
    return `${yamlText.slice(0, insertAt)}${separator}${item}${yamlText.slice(insertAt)}`;
  }
  const lineStart = yamlText.lastIndexOf('\n', node.range[0] - 1) + 1;
  const indent = yamlText.slice(lineStart, node.range[0]).replace(/\S/g, ' ');
  const last = node.items.at(-1) as { range?: number[] } | undefined;
  const end = lineEnd(yamlText, last?.range?.[1] ?? node.range[1]);
  const newlineAt = end > 0 && yamlText[end - 1] === '\r' ? end - 1 : end;
  return `${yamlText.slice(0, newlineAt)}${newline}${indent}- ${item}${yamlText.slice(newlineAt)}`;
}

/** Index of the end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', Math.max(0, offset - 1));
  return at === -1 ? text.length : at;
}
