/** Readable differences between two versions: frontmatter field by field, body line by line. */
import { diffLines } from 'diff';
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
  const lines: DiffLine[] = [];
  for (const part of diffLines(before.replace(/\r\n/g, '\n'), after.replace(/\r\n/g, '\n'))) {
    const kind = part.added ? 'add' : part.removed ? 'del' : 'ctx';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
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
