/** Which documents use a quality record: one answer for the procedure × record matrix and record/unused. */
import type { ControlledDocument } from '../model/load.ts';
import type { DocumentGraph, Edge } from './build-graph.ts';
import { isCitation } from './citations.ts';
import { isCurrent } from './lifecycle.ts';

/**
 * 使用本记录: a current procedure listing it among its records, or a current flow naming it
 * ([[编号]]) among its 输入资源 or 输出资源. A flow may use a record its procedure does not list.
 */
export function recordUses(graph: DocumentGraph, record: ControlledDocument): Edge[] {
  return graph.incoming(record).filter((e) => (e.kind === 'record' || e.kind === 'input' || e.kind === 'output') && isCitation(e));
}

/** 未被使用的质量记录: a current, numbered record no current procedure or flow uses. */
export function isUnusedRecord(graph: DocumentGraph, doc: ControlledDocument): boolean {
  return doc.type === 'record' && isCurrent(doc) && !!doc.data.number && recordUses(graph, doc).length === 0;
}
