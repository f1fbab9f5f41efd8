import { edgeKindLabels } from '../../graph/build-graph.ts';
import { isCitation } from '../../graph/citations.ts';
import { stateOn } from '../../history/in-force-today.ts';
import { defineRule, nameOf } from '../define-rule.ts';

/** external/withdrawn-cited: a current document that still relies on a withdrawn (废止) 外来文件. */
export default defineRule({
  id: 'external/withdrawn-cited',
  severity: 'error',
  description: '现行或草稿文件不得依据已废止的外来文件（应改为其替代文件，或修改本文件）',
  run({ graph, today, report }) {
    for (const edge of graph.edges) {
      const target = edge.to;
      if (!target || target.type !== 'external' || edge.from.type === 'external' || !isCitation(edge)) continue;
      const { withdrawnDate, replacedBy } = target.data;
      // Withdrawn by status, or by a 废止日期 that has come (the register may be updated before the status).
      if (stateOn(target.data, today) !== 'obsolete') continue;
      report(
        edge.from.path,
        edge.span,
        `${edgeKindLabels[edge.kind].outgoing} ${nameOf(target)} 已${withdrawnDate ? `于 ${withdrawnDate} ` : ''}废止：${replacedBy ? `请改为依据其替代文件 "${replacedBy}"` : '请删去该引用'}，并按新的要求复核、修改本文件`,
      );
    }
  },
});
