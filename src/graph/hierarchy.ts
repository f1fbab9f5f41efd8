/** Where a flow, record or regulation belongs: its parent procedure (所属程序). */
import type { ControlledDocument } from '../model/load.ts';
import type { DocumentGraph } from './build-graph.ts';

/** 所属程序: the procedure the document's `procedure` field names, when it exists and is a procedure. */
export function parentProcedureOf(graph: DocumentGraph, doc: ControlledDocument): ControlledDocument | undefined {
  const parent = graph.outgoing(doc, 'parent')[0]?.to;
  return parent?.type === 'procedure' ? parent : undefined;
}
