/** Shared by the rules that allow one edge of a kind per target (superseded once, supporting file of one procedure). */
import type { Edge, EdgeKind } from '../../graph/build-graph.ts';
import type { ControlledDocument } from '../../model/load.ts';

/** Each edge of `kind` to a target that an edge from another document already reached, with that first edge. */
export function repeatedTargets(edges: readonly Edge[], kind: EdgeKind, accept: (edge: Edge) => boolean): { edge: Edge; first: Edge }[] {
  const first = new Map<ControlledDocument, Edge>();
  const repeated: { edge: Edge; first: Edge }[] = [];
  for (const edge of edges) {
    if (edge.kind !== kind || !edge.to || !accept(edge)) continue;
    const earlier = first.get(edge.to);
    if (!earlier) first.set(edge.to, edge);
    else if (earlier.from !== edge.from) repeated.push({ edge, first: earlier });
  }
  return repeated;
}
