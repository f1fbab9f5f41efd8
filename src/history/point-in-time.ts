/** 某日在用版本: which version of every document was in force on a given date. */
import { statusLabels } from '../model/document-types.ts';
import { fieldLabel } from '../model/field-labels.ts';
import type { DocumentHistory, RepositoryHistory, VersionEntry } from './document-history.ts';

export type InForceState = 'in-force' | 'obsolete' | 'not-yet';

export const inForceStateLabels: Record<InForceState, string> = {
  'in-force': statusLabels.effective,
  obsolete: '已作废',
  'not-yet': '尚未生效',
};

/** Where an answer comes from, as shown to auditors. */
export const sourceLabels: Record<InForceRow['source'], string> = { git: 'Git 历史', 'revision-records': fieldLabel('revisions'), none: '' };

export interface InForceRow {
  number: string;
  title: string;
  type?: string;
  path: string;
  state: InForceState;
  /** The version in force (or, for an obsolete document, the last version that was). */
  version?: string;
  effectiveDate?: string;
  approvedBy?: string;
  /** Where the answer comes from: a Git commit, or only the revision records (older than the Git history). */
  source: 'git' | 'revision-records' | 'none';
  commit?: string;
  /** For obsolete documents: since when, and the successor when one supersedes it. */
  obsoleteSince?: string;
  successor?: string;
}

/**
 * A version is in force from its effective date until the next version's effective date; a document
 * is obsolete from the day its successor took effect (or, without successor, the day it was marked
 * obsolete in Git).
 */
export function inForceAt(history: RepositoryHistory, date: string): InForceRow[] {
  const successors = successorIndex(history);
  const rows: InForceRow[] = [];
  for (const doc of history.documents) {
    if (!doc.number || doc.deletedBy) continue;
    rows.push(rowFor(doc, date, successors.get(doc.number)));
  }
  return rows.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

function rowFor(doc: DocumentHistory, date: string, successor: { number: string; effectiveDate?: string } | undefined): InForceRow {
  const base = { number: doc.number!, title: doc.title ?? '', ...(doc.type ? { type: doc.type } : {}), path: doc.path };
  const wasEffective = doc.versions.filter((v) => v.effectiveDate && (v.status === 'effective' || v.status === 'obsolete'));
  const candidates = wasEffective.filter((v) => v.effectiveDate! <= date);
  const current = latest(candidates);
  if (!current) return { ...base, state: 'not-yet', source: 'none' };
  const obsoleteSince = successor?.effectiveDate ?? doc.obsoletedBy?.date.slice(0, 10);
  const facts = {
    version: current.version,
    ...(current.effectiveDate ? { effectiveDate: current.effectiveDate } : {}),
    ...(current.approvedBy ? { approvedBy: current.approvedBy } : {}),
    source: current.fromRevisionRecords ? ('revision-records' as const) : ('git' as const),
    ...(current.introducedBy ? { commit: current.introducedBy.hash } : {}),
  };
  const isObsoleteNow = doc.versions.at(-1)?.status === 'obsolete';
  if (isObsoleteNow && obsoleteSince && obsoleteSince <= date) {
    return { ...base, state: 'obsolete', ...facts, obsoleteSince, ...(successor ? { successor: successor.number } : {}) };
  }
  return { ...base, state: 'in-force', ...facts };
}

/** The version with the latest effective date; among equal dates the later one in history. */
function latest(versions: VersionEntry[]): VersionEntry | undefined {
  let best: VersionEntry | undefined;
  for (const v of versions) if (!best || v.effectiveDate! >= best.effectiveDate!) best = v;
  return best;
}

/** For each superseded number, the document that supersedes it and when that one took effect. */
function successorIndex(history: RepositoryHistory): Map<string, { number: string; effectiveDate?: string }> {
  const map = new Map<string, { number: string; effectiveDate?: string }>();
  for (const doc of history.documents) {
    if (!doc.number || doc.deletedBy) continue;
    for (const version of doc.versions) {
      for (const old of version.fields?.supersedes ?? []) {
        if (!map.has(old)) map.set(old, { number: doc.number, ...(version.effectiveDate ? { effectiveDate: version.effectiveDate } : {}) });
      }
    }
  }
  return map;
}
