import { parentProcedureOf } from '../../graph/hierarchy.ts';
import { placesOf } from '../../model/parse-file.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** flow/not-listed-by-parent: a flow whose parent procedure does not list it among its flows. */
export default defineRule({
  id: 'flow/not-listed-by-parent',
  severity: 'error',
  description: '流程的所属程序必须在其 flows 中列出该流程',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      if (doc.type !== 'flow' || !doc.data.procedure || !doc.data.number) continue;
      const parent = parentProcedureOf(graph, doc);
      if (!parent) continue;
      if (parent.data.flows?.includes(doc.data.number)) continue;
      report(doc.path, placeOf(doc, 'procedure'), `所属程序 "${doc.data.procedure}" 的 flows 没有列出本流程 "${doc.data.number}"：请在 ${parent.path} 的 flows 中加入它`, {
        file: parent.path,
        span: placesOf(parent.file)['flows'] ? placeOf(parent, 'flows', 'key') : placeOf(parent, 'number'),
        message: '所属程序的 flows 在这里',
      });
    }
  },
});
