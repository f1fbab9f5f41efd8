/** Readable differences between two versions: frontmatter field by field, body line by line. */
import { diffArrays, diffChars } from 'diff';
import { stringify } from 'yaml';

export interface FieldChange {
  field: string;
  /** YAML text of the value before, absent when the field was added. */
  before?: string;
  after?: string;
}

export interface DiffLine {
  kind: 'add' | 'del' | 'ctx' | 'gap';
  text: string;
}

/** Compares two frontmatter objects key by key; revision records are left out (they are shown as their own table). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'revisions');
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const a = before[key] === undefined ? undefined : show(before[key]);
    const b = after[key] === undefined ? undefined : show(after[key]);
    if (a === b) continue;
    changes.push({ field: key, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
  }
  return changes;
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('、');
  return stringify(value).trim();
}

/** Line diff with `context` unchanged lines around each change; long unchanged stretches become a gap. */
export function diffBody(before: string, after: string, context = 2): DiffLine[] {
  const lines = lineDiff(before.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'), after.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));
  const keep = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === 'ctx') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: 'gap', text: `（${skipped} 行未改动）` });
      skipped = 0;
      out.push(line);
    } else skipped++;
  });
  if (skipped && out.length) out.push({ kind: 'gap', text: `（${skipped} 行未改动）` });
  return out;
}

/**
 * Line diff by jsdiff (Myers' algorithm). Past `maxEditLength` edits it gives up, and the lines are
 * shown as replaced wholesale: a rewrite that large reads no better aligned.
 */
export function lineDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  const changes = diffArrays([...a], [...b], { maxEditLength: 20_000 });
  if (!changes) return [...a.map((text) => ({ kind: 'del' as const, text })), ...b.map((text) => ({ kind: 'add' as const, text }))];
  // jsdiff may put an insertion before the deletion it replaces; removals first reads as 原 → 新.
  const out: DiffLine[] = [];
  let adds: DiffLine[] = [];
  for (const change of changes) {
    const kind = change.added ? 'add' : change.removed ? 'del' : 'ctx';
    const lines = change.value.map((text) => ({ kind, text }) as DiffLine);
    if (kind === 'add') adds.push(...lines);
    else if (kind === 'del') out.push(...lines);
    else {
      out.push(...adds, ...lines);
      adds = [];
    }
  }
  return [...out, ...adds];
}

/** One piece of a line after a character diff: kept, or deleted (in the old line) / inserted (in the new). */
export interface CharPart {
  text: string;
  changed: boolean;
}

/**
 * Character diff of two versions of a line or paragraph (jsdiff diffChars): the old text with its
 * deletions marked and the new text with its insertions marked. Chinese has no spaces between
 * words, so characters are the unit that shows 应 → 须 as a one-character change.
 */
export function charDiff(a: string, b: string): { before: CharPart[]; after: CharPart[]; common: number } {
  const before: CharPart[] = [];
  const after: CharPart[] = [];
  let common = 0;
  for (const change of diffChars(a, b)) {
    if (!change.added) before.push({ text: change.value, changed: !!change.removed });
    if (!change.removed) after.push({ text: change.value, changed: !!change.added });
    if (!change.added && !change.removed) common += [...change.value].length;
  }
  return { before, after, common };
}
