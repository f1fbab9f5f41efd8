/** Requirement coverage: which framework clauses current documents map to. */
import { isCurrentStatus } from './document-types.ts';
import type { ControlledDocument } from './load.ts';
import type { Framework } from './schemas/organization.ts';

export interface ClauseCoverage {
  id: string;
  title: string;
  parent: string | undefined;
  leaf: boolean;
  /** Documents that map this clause directly. */
  documents: ControlledDocument[];
  /** Mapped directly or through an ancestor, or (for a parent) all its children covered. */
  covered: boolean;
}

/** The parent of a clause is the longest other clause id that prefixes it followed by a dot. */
export function parentOf(id: string, ids: ReadonlySet<string>): string | undefined {
  for (let i = id.lastIndexOf('.'); i > 0; i = id.lastIndexOf('.', i - 1)) {
    const candidate = id.slice(0, i);
    if (ids.has(candidate)) return candidate;
  }
  return undefined;
}

export function coverageOf(framework: Framework, documents: readonly ControlledDocument[]): Map<string, ClauseCoverage> {
  const ids = new Set(framework.clauses.map((c) => c.id));
  const map = new Map<string, ClauseCoverage>();
  for (const clause of framework.clauses) {
    map.set(clause.id, { id: clause.id, title: clause.title, parent: parentOf(clause.id, ids), leaf: true, documents: [], covered: false });
  }
  for (const entry of map.values()) if (entry.parent) map.get(entry.parent)!.leaf = false;
  const prefix = `${framework.id}:`;
  for (const doc of documents) {
    if (!isCurrentStatus(doc.data.status)) continue;
    for (const clause of doc.data.clauses ?? []) {
      if (clause.startsWith(prefix)) map.get(clause.slice(prefix.length))?.documents.push(doc);
    }
  }
  const direct = (entry: ClauseCoverage): boolean => {
    for (let e: ClauseCoverage | undefined = entry; e; e = e.parent ? map.get(e.parent) : undefined) if (e.documents.length > 0) return true;
    return false;
  };
  // Leaves first: a parent is covered when mapped itself or when every child is covered.
  const ordered = [...map.values()].sort((a, b) => b.id.split('.').length - a.id.split('.').length);
  for (const entry of ordered) {
    const children = [...map.values()].filter((c) => c.parent === entry.id);
    entry.covered = direct(entry) || (children.length > 0 && children.every((c) => c.covered));
  }
  return map;
}
