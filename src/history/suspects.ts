/** 待复核引用: documents citing one that got a new version after their own current version. */
import type { DocumentGraph, Edge } from '../graph/build-graph.ts';
import { isCitation } from '../graph/citations.ts';
import type { ControlledDocument } from '../model/load.ts';
import type { ChangeSet } from './change-set.ts';
import type { CommitRef, RepositoryHistory } from './document-history.ts';

export interface SuspectReference {
  edge: Edge;
  from: ControlledDocument;
  to: ControlledDocument;
  /** The cited document's new version and the commit that brought it in. */
  version: string;
  changedAt: CommitRef;
}

/**
 * A reference is suspect when the cited document's current version entered Git after the citing
 * document's current version did, and the citing document has not acknowledged that version.
 * Documents changed together are reviewed together and never suspect each other: in one commit, in
 * one merged pull request (the same main-line batch), or, with `changes` (check --base), both
 * changed in the pull request under review.
 */
export function suspectReferences(graph: DocumentGraph, history: RepositoryHistory, changes?: ChangeSet): SuspectReference[] {
  const changedTogether = changes ? changedInPullRequest(changes) : new Set<ControlledDocument>();
  const out: SuspectReference[] = [];
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const { from, to } = edge;
    if (!to || !isCitation(edge) || to.data.status === 'obsolete' || !to.data.number || !to.data.version) continue;
    const changed = newVersionCommit(history, to);
    if (!changed) continue;
    const citing = history.byPath.get(from.path)?.versions.at(-1)?.introducedBy;
    if (!citing || citing.seq >= changed.seq || (citing.batch !== undefined && citing.batch === changed.batch)) continue;
    if (changedTogether.has(from) && changedTogether.has(to)) continue;
    if (from.data.acknowledges?.some((a) => a.number === to.data.number && a.version === to.data.version)) continue;
    const key = `${from.path}\0${to.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ edge, from, to, version: to.data.version, changedAt: changed });
  }
  return out;
}

/** The commit that raised the document to its current version, if Git saw an earlier version. */
function newVersionCommit(history: RepositoryHistory, doc: ControlledDocument): CommitRef | undefined {
  const versions = history.byPath.get(doc.path)?.versions.filter((v) => !v.fromRevisionRecords) ?? [];
  const last = versions.at(-1);
  if (versions.length < 2 || !last?.introducedBy || last.version !== doc.data.version) return undefined;
  return last.introducedBy;
}

/** Documents a pull request adds or changes (content or version). */
export function changedInPullRequest(changes: ChangeSet): Set<ControlledDocument> {
  const out = new Set<ControlledDocument>(changes.added);
  for (const pair of changes.pairs) if (pair.contentChanged || pair.base.fields.version !== pair.doc.data.version) out.add(pair.doc);
  return out;
}

/** How a version is dated for people: its revision date and effective date, as the document records them. */
export function versionDates(doc: ControlledDocument): string {
  const revised = doc.data.revisions?.find((r) => r.version === doc.data.version)?.date;
  const effective = doc.data.effectiveDate;
  return [revised ? `${revised} 修订` : '', effective ? `${effective} 生效` : ''].filter(Boolean).join('，');
}
