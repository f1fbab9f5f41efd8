import { supersedersOf } from '../../graph/lifecycle.ts';
import { defineRule, nameOf, placeOf } from '../define-rule.ts';
import { fieldNamed } from '../../model/field-labels.ts';

/**
 * lifecycle/obsolete-incomplete: an obsolete document that was once in force must keep its effective date
 * and approver (JMI/CX/13 4.2.8, ISO 9001 7.5.3.2: obsolete information kept identifiable for tracing).
 * Once in force means: it has either of the two, or a document superseded it. A draft abandoned before
 * issue has neither and is not superseded, so it is left alone.
 */
export default defineRule({
  id: 'lifecycle/obsolete-incomplete',
  severity: 'error',
  description: '曾经生效后作废的文件须保留原生效日期（effectiveDate）和批准人（approvedBy），以便追溯',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      const { status, effectiveDate, approvedBy } = doc.data;
      if (status !== 'obsolete' || (effectiveDate && approvedBy)) continue;
      const successor = supersedersOf(graph, doc)[0];
      if (!effectiveDate && !approvedBy && !successor) continue;
      const missing = [!effectiveDate && fieldNamed('effectiveDate'), !approvedBy && fieldNamed('approvedBy')].filter(Boolean).join('、');
      report(
        doc.path,
        placeOf(doc, 'status'),
        `本文件已作废${successor ? `（由 ${nameOf(successor)} 代替）` : ''}，但缺少 ${missing}：作废文件须保留原生效日期、批准人和全部修订记录以便追溯，请按作废前的版本补回`,
      );
    }
  },
});
