import { isUncitedRegulation } from '../../graph/citations.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** regulation/uncited: the 制度库 corresponds one-to-one with the procedures' supporting files. */
export default defineRule({
  id: 'regulation/uncited',
  severity: 'error',
  description: '每项现行制度都必须是某个程序文件的支持性文件（制度库与支持性文件一一对应）',
  run({ set, graph, report }) {
    for (const doc of set.documents) {
      if (!isUncitedRegulation(graph, doc)) continue;
      report(doc.path, placeOf(doc, 'number'), `制度 "${doc.data.number}" 没有被任何现行程序文件列为支持性文件：请在对应程序的 regulations 中加入它，或将本制度作废`);
    }
  },
});
