import { defineRule, nameOf, placeOf } from '../define-rule.ts';
import { statusLabels } from '../../model/document-types.ts';

/** supersede/obsolete-replaces-current: an obsolete document cannot be what replaced one still in use. */
export default defineRule({
  id: 'supersede/obsolete-replaces-current',
  severity: 'error',
  description: '作废文件不得声称代替一份仍为现行或草稿的文件',
  run({ graph, report }) {
    for (const edge of graph.edges) {
      if (edge.kind !== 'supersedes' || !edge.to || edge.from.data.status !== 'obsolete' || edge.to.data.status === 'obsolete' || !edge.to.data.status) continue;
      report(
        edge.from.path,
        edge.span,
        `本文件已作废，却写明代替 ${nameOf(edge.to)}，而该文件仍是${statusLabels[edge.to.data.status === 'effective' ? 'effective' : 'draft']}文件：代替关系应由新文件写明旧文件；请删去这一项，或把代替关系写在实际取代它的文件中`,
        { file: edge.to.path, span: placeOf(edge.to, 'status'), message: '被代替文件的状态在这里' },
      );
    }
  },
});
