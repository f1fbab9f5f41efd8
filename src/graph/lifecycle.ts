/**
 * Where a document stands in its life as the files say (status), and who replaced it. What is in
 * force on a date (status and effective date against today, or Git history) is decided once, in
 * src/history/in-force-today.ts.
 */
import { isCurrentStatus } from '../model/document-types.ts';
import type { ControlledDocument } from '../model/load.ts';
import type { DocumentGraph } from './build-graph.ts';

/** 现行或草稿文件: the document has a status and is not obsolete (isCurrentStatus, for views that hold only the status). */
export function isCurrent(doc: ControlledDocument): boolean {
  return isCurrentStatus(doc.data.status);
}

/** 替代文件: the documents that say they supersede `doc`, in the order they were loaded. */
export function supersedersOf(graph: DocumentGraph, doc: ControlledDocument): ControlledDocument[] {
  return graph.incoming(doc, 'supersedes').map((e) => e.from);
}
