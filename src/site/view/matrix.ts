/**
 * The relation matrices (对照矩阵): procedures × their supporting regulations or quality records, and
 * the gaps beside them, which are the rules' own answers (src/graph/citations.ts, usage.ts).
 */
import type { DocumentGraph, EdgeKind } from '../../graph/build-graph.ts';
import type { ControlledDocument } from '../../model/load.ts';
import { compareNumbers } from '../../model/number-order.ts';
import { sortLinks, uniqueLinks, type DocLink } from './links.ts';

/** One row of a relation matrix: a procedure and the documents it lists. */
export interface MatrixCell {
  row: DocLink;
  links: DocLink[];
}

/** Each procedure (the rows, in order) with the published documents its references of `kind` point at. */
export function relationMatrix(graph: DocumentGraph, procedures: readonly ControlledDocument[], kind: EdgeKind, linkOf: ReadonlyMap<ControlledDocument, DocLink>): MatrixCell[] {
  return procedures.map((doc) => ({ row: linkOf.get(doc)!, links: uniqueLinks(graph.outgoing(doc, kind).flatMap((e) => (e.to ? (linkOf.get(e.to) ?? []) : []))) }));
}

/** The published documents a gap predicate (isUncitedRegulation, isUnusedRecord) picks, in number order. */
export function gapsOf(
  graph: DocumentGraph,
  docs: readonly ControlledDocument[],
  isGap: (graph: DocumentGraph, doc: ControlledDocument) => boolean,
  linkOf: ReadonlyMap<ControlledDocument, DocLink>,
): DocLink[] {
  return sortLinks(docs.filter((d) => isGap(graph, d)).map((d) => linkOf.get(d)!));
}

/** The distinct documents linked from any row, ordered by number: the matrix's columns. */
export function matrixColumns(cells: readonly MatrixCell[]): DocLink[] {
  const seen = new Map<string, DocLink>();
  for (const cell of cells) for (const link of cell.links) seen.set(link.number, link);
  return [...seen.values()].sort((a, b) => compareNumbers(a.number, b.number));
}
