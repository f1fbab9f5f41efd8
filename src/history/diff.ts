/** Readable differences between two versions: frontmatter field by field, body line by line. */
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
 * Line diff: the common head and tail are cut first (most revisions touch a few places), then the
 * middle is aligned by longest common subsequence.
 */
export function lineDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const middle: DiffLine[] = [];
  if (x.length * y.length > 25_000_000) {
    // Too large to align line by line: show the middle as replaced.
    for (const text of x) middle.push({ kind: 'del', text });
    for (const text of y) middle.push({ kind: 'add', text });
  } else {
    // lcs[i][j] = length of the LCS of x[i..] and y[j..], in one flat array.
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        middle.push({ kind: 'ctx', text: x[i]! });
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) middle.push({ kind: 'del', text: x[i++]! });
      else middle.push({ kind: 'add', text: y[j++]! });
    }
    while (i < x.length) middle.push({ kind: 'del', text: x[i++]! });
    while (j < y.length) middle.push({ kind: 'add', text: y[j++]! });
  }
  return [...a.slice(0, head).map((text) => ({ kind: 'ctx' as const, text })), ...middle, ...a.slice(a.length - tail).map((text) => ({ kind: 'ctx' as const, text }))];
}
