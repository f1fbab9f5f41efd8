import { edgeKindLabels } from '../../graph/build-graph.ts';
import { isCitation } from '../../graph/citations.ts';
import { supersedersOf } from '../../graph/lifecycle.ts';
import { defineRule, nameOf } from '../define-rule.ts';

/** ref/obsolete-target: a current document that still cites an obsolete one. */
export default defineRule({
  id: 'ref/obsolete-target',
  severity: 'error',
  description: '现行或草稿文件不得引用已作废的文件（应改为引用其替代文件）',
  run({ graph, report }) {
    for (const edge of graph.edges) {
      // A withdrawn 外来文件 has its own rule and message (external/withdrawn-cited).
      if (!isCitation(edge) || !edge.to || edge.to.type === 'external' || edge.to.data.status !== 'obsolete') continue;
      const successor = supersedersOf(graph, edge.to)[0];
      report(
        edge.from.path,
        edge.span,
        `${edgeKindLabels[edge.kind].outgoing} ${nameOf(edge.to)} 已作废${successor ? `，请改为引用其替代文件 "${successor.data.number}"` : '，请改为引用现行文件或删去该引用'}`,
      );
    }
  },
});
