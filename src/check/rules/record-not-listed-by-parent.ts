import { parentProcedureOf } from '../../graph/hierarchy.ts';
import { placesOf } from '../../model/parse-file.ts';
import { defineRule, isCurrent, placeOf } from '../define-rule.ts';

/**
 * record/not-listed-by-parent: a current record that another procedure lists among its records while
 * its own parent does not (JMI/CX/13 §6: a procedure's 质量记录 are its forms), as after a record was
 * moved on one side only. A record no procedure lists is record/unused's (flows may use it alone).
 */
export default defineRule({
  id: 'record/not-listed-by-parent',
  severity: 'error',
  description: '质量记录被某个程序列出时，必须是其所属程序（procedure）列出它',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      if (doc.type !== 'record' || !isCurrent(doc) || !doc.data.procedure || !doc.data.number) continue;
      const parent = parentProcedureOf(graph, doc);
      if (!parent || parent.data.records?.includes(doc.data.number)) continue;
      const others = graph
        .incoming(doc, 'record')
        .map((e) => e.from.data.number)
        .filter((n): n is string => !!n && n !== doc.data.procedure);
      if (others.length === 0) continue;
      report(
        doc.path,
        placeOf(doc, 'procedure'),
        `本记录 "${doc.data.number}" 由 ${others.join('、')} 列为质量记录，但它的所属程序写的是 "${doc.data.procedure}"，而该程序的 records 没有列出它：请把 procedure 改为实际使用它的程序，或在 ${parent.path} 的 records 中加入它`,
        {
          file: parent.path,
          span: placesOf(parent.file)['records'] ? placeOf(parent, 'records', 'key') : placeOf(parent, 'number'),
          message: '所属程序的 records 在这里',
        },
      );
    }
  },
});
