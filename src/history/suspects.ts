/** 待复核引用: documents citing one that got a new version after their own current version. */
import type { DocumentGraph, Edge } from '../graph/build-graph.ts';
import type { ControlledDocument } from '../model/load.ts';
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
 */
export function suspectReferences(graph: DocumentGraph, history: RepositoryHistory): SuspectReference[] {
  const out: SuspectReference[] = [];
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const { from, to } = edge;
    if (!to || edge.kind === 'supersedes' || from === to) continue;
    if (from.data.status === 'obsolete' || to.data.status === 'obsolete' || !to.data.number || !to.data.version) continue;
    const changed = newVersionCommit(history, to);
    if (!changed) continue;
    const citing = history.byPath.get(from.path)?.versions.at(-1)?.introducedBy;
    if (!citing || citing.seq >= changed.seq) continue;
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
