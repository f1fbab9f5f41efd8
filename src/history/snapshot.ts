/** One stored state of a document file in Git, with the control fields read from its frontmatter. */
import { CORE_SCHEMA, load } from 'js-yaml';
import { splitFrontmatter } from '../model/frontmatter.ts';
import type { Revision } from '../model/schemas/common.ts';

export interface SnapshotFields {
  number?: string;
  title?: string;
  type?: string;
  version?: string;
  status?: string;
  effectiveDate?: string;
  approvedBy?: string;
  reviewedBy?: string;
  preparedBy?: string;
  revisions: Revision[];
  supersedes: string[];
  /** All frontmatter, for field-by-field diffs. */
  raw: Record<string, unknown>;
}

/** Reads the control fields of one stored text; tolerant, since old commits may hold broken files. */
export function readSnapshot(text: string): { fields: SnapshotFields; body: string } {
  const split = splitFrontmatter(text);
  let raw: Record<string, unknown> = {};
  if (split) {
    try {
      // js-yaml with the core schema: several times faster than `yaml` here, and dates stay strings.
      const parsed = load(split.yaml, { schema: CORE_SCHEMA }) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
    } catch {
      // An unparsable old state still counts as a state; its fields are unknown.
    }
  }
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const revisions = Array.isArray(raw.revisions)
    ? (raw.revisions as unknown[]).filter((r): r is Revision => !!r && typeof r === 'object' && typeof (r as Revision).version === 'string').map((r) => ({ ...r, date: String(r.date ?? '') }))
    : [];
  const fields: SnapshotFields = {
    revisions,
    supersedes: Array.isArray(raw.supersedes) ? (raw.supersedes as unknown[]).map(String) : [],
    raw,
  };
  for (const key of ['number', 'title', 'type', 'version', 'status', 'effectiveDate', 'approvedBy', 'reviewedBy', 'preparedBy'] as const) {
    const value = str(key);
    if (value !== undefined) fields[key] = value;
  }
  return { fields, body: split?.body ?? text };
}
