/**
 * Who cites a document. One answer for the site (matrices, relations), the approval pack, the change
 * summary, suspect references and the rules.
 */
import type { ControlledDocument } from '../model/load.ts';
import type { DocumentGraph, Edge } from './build-graph.ts';
import { isCurrent } from './lifecycle.ts';

/**
 * 引用: a reference a current document makes to another one, of any kind but supersedes (replacing a
 * document is not relying on it) and not to itself. Obsolete documents cite nothing any more.
 */
export function isCitation(edge: Edge): boolean {
  return edge.kind !== 'supersedes' && edge.from !== edge.to && isCurrent(edge.from);
}

/** 引用本文件的引用: the citations that point at `doc` (several from one document when it cites it twice). */
export function citationsOf(graph: DocumentGraph, doc: ControlledDocument): Edge[] {
  return graph.incoming(doc).filter(isCitation);
}

/**
 * 列为支持性文件: the current procedures that list a regulation among their regulations. A flow's
 * 工作准则 does not count: the 制度库 corresponds one-to-one with the procedures' 支持性文件 (the
 * college's plan, 构建制度库), so a regulation a flow names must also be its procedure's.
 */
export function supportingFileCitations(graph: DocumentGraph, regulation: ControlledDocument): Edge[] {
  return graph.incoming(regulation, 'regulation').filter(isCitation);
}

/** 未被引用的制度: a current, numbered regulation no current procedure lists as a supporting file. */
export function isUncitedRegulation(graph: DocumentGraph, doc: ControlledDocument): boolean {
  return doc.type === 'regulation' && isCurrent(doc) && !!doc.data.number && supportingFileCitations(graph, doc).length === 0;
}
