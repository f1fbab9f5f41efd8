/**
 * The editor's file format (shoukong-mdx): reads an MDX file into fields and body, and writes it back
 * by patching only what changed, so that a file opened and saved unchanged stays byte-identical and a
 * one-word edit changes one line (Decap's own frontmatter format re-serialises the whole YAML).
 * Pure functions: used by the admin page in the browser and by the tests.
 */
import { load, CORE_SCHEMA } from 'js-yaml';

/** The key under which the entry keeps the file as read; never written to the file. */
export const rawKey = '__raw';

type Data = Record<string, unknown>;

/** The frontmatter text (without fences) and the body of an MDX file. */
export function splitMdx(text: string): { yaml: string; body: string; head: string } | undefined {
  const m = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return undefined;
  return { yaml: m[1] ?? '', body: text.slice(m[0].length), head: m[0] };
}

function parseYaml(yaml: string): Data {
  // CORE_SCHEMA: dates stay the strings they are written as (2026-11-16), as the checker reads them.
  const data = load(yaml, { schema: CORE_SCHEMA });
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {};
}

/** fromFile: fields, body, and the file as read (to patch it when writing). */
export function readMdx(text: string): Data {
  const parts = splitMdx(text);
  if (!parts) return { body: text, [rawKey]: text };
  return { ...parseYaml(parts.yaml), body: parts.body, [rawKey]: text };
}

/** Values the editor treats as "not set". */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Deep equality of YAML data, where an empty value equals a missing one. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Data)[k], (b as Data)[k]));
  }
  return a === b;
}

/** Same text apart from trailing whitespace (the editor may trim the last newline). */
export function sameBody(a: unknown, b: unknown): boolean {
  return String(a ?? '').trimEnd() === String(b ?? '').trimEnd();
}

const needsQuotes = /^[\s\-?:,\[\]{}#&*!|>'"%@`]|[:#,\[\]{}]\s|[,\[\]{}]|\s$|^(true|false|null|yes|no|on|off|~)$|^[\d.+-]/i;

/** A scalar as the hand-written files write it: plain when safe (dates too), else double-quoted. */
export function yamlValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value ?? '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return text === '' || needsQuotes.test(text) ? JSON.stringify(text) : text;
}

function flowMapping(item: Data): string {
  return `{ ${Object.entries(item).filter(([, v]) => !isEmpty(v)).map(([k, v]) => `${k}: ${yamlValue(v)}`).join(', ')} }`;
}

function blockItem(item: Data, indent: string): string {
  const entries = Object.entries(item).filter(([, v]) => !isEmpty(v));
  return entries.map(([k, v], i) => `${i === 0 ? `${indent}- ` : `${indent}  `}${k}: ${yamlValue(v)}\n`).join('');
}

/** A top-level key and its value, in the house style: flow lists `[a, b]`, lists of mappings in block style. */
export function yamlEntry(key: string, value: unknown): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `${key}: [${value.map(yamlValue).join(', ')}]\n`;
    return `${key}:\n${value.map((v) => blockItem(v as Data, '  ')).join('')}`;
  }
  return `${key}: ${yamlValue(value)}\n`;
}

/** The top-level blocks of a frontmatter: each key with its lines (continuation lines and comments after it). */
function blocksOf(yaml: string): { key: string; text: string }[] {
  const blocks: { key: string; text: string }[] = [];
  const lines = yaml.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (const line of lines) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key || blocks.length === 0) blocks.push({ key: key ?? '', text: line });
    else blocks[blocks.length - 1]!.text += line;
  }
  return blocks;
}

/** A list that only grew at its end: the original block with the new items appended in the style of its last item. */
function appendedItems(block: string, before: unknown[], after: unknown[]): string | undefined {
  if (after.length <= before.length || !before.every((v, i) => sameValue(v, after[i]))) return undefined;
  const added = after.slice(before.length);
  if (added.some((v) => !v || typeof v !== 'object')) return undefined;
  const lines = block.split('\n');
  const lastItem = [...lines].reverse().find((l) => /^\s*- /.test(l));
  if (!lastItem) return undefined;
  const indent = /^(\s*)-/.exec(lastItem)![1]!;
  const trailing = block.endsWith('\n') ? '' : '\n';
  const text = added.map((v) => (/^\s*- \{/.test(lastItem) ? `${indent}- ${flowMapping(v as Data)}\n` : blockItem(v as Data, indent))).join('');
  return `${block}${trailing}${text}`;
}

/** toFile: the file as read with only the changed fields and body replaced; a new file in the house style. */
export function writeMdx(data: Data, fieldOrder: readonly string[] = []): string {
  const { body, [rawKey]: raw, ...fields } = data;
  const parts = typeof raw === 'string' ? splitMdx(raw) : undefined;
  if (!parts) {
    const keys = [...fieldOrder.filter((k) => k in fields), ...Object.keys(fields).filter((k) => !fieldOrder.includes(k))];
    const yaml = keys.filter((k) => !isEmpty(fields[k])).map((k) => yamlEntry(k, fields[k])).join('');
    return `---\n${yaml}---\n\n${String(body ?? '').replace(/^\n+/, '')}`;
  }
  const before = parseYaml(parts.yaml);
  const blocks = blocksOf(parts.yaml);
  for (const [key, value] of Object.entries(fields)) {
    if (sameValue(value, before[key])) continue;
    const index = blocks.findIndex((b) => b.key === key);
    if (index < 0) {
      if (!isEmpty(value)) blocks.push({ key, text: yamlEntry(key, value) });
      continue;
    }
    const block = blocks[index]!;
    const grown = Array.isArray(value) && Array.isArray(before[key]) ? appendedItems(block.text, before[key] as unknown[], value) : undefined;
    // Keep a comment on the key's line (status: effective  # 现行) when a scalar changes.
    const comment = /^[^#\n]*?(\s+#[^\n]*)\n/.exec(block.text)?.[1];
    const replaced = grown ?? (isEmpty(value) ? '' : comment && !Array.isArray(value) ? yamlEntry(key, value).replace(/\n$/, `${comment}\n`) : yamlEntry(key, value));
    blocks[index] = { key, text: replaced };
  }
  const newBody = sameBody(body, parts.body) ? parts.body : `${String(body ?? '').trimEnd()}${/\s*$/.exec(parts.body)![0] || '\n'}`;
  const closing = parts.head.slice(parts.head.lastIndexOf('---'));
  return `---\n${blocks.map((b) => b.text).join('')}${closing}${newBody}`;
}
