import { edgeKindLabels } from '../../graph/build-graph.ts';
import { defineRule, isCurrent, nameOf } from '../define-rule.ts';

/** ref/obsolete-target: a current document that still cites an obsolete one. */
export default defineRule({
  id: 'ref/obsolete-target',
  severity: 'error',
  description: '现行或草稿文件不得引用已作废的文件（应改为引用其替代文件）',
  run({ graph, report }) {
    for (const edge of graph.edges) {
      // A withdrawn 外来文件 has its own rule and message (external/withdrawn-cited).
      if (edge.kind === 'supersedes' || !edge.to || edge.to.type === 'external' || !isCurrent(edge.from) || edge.to.data.status !== 'obsolete') continue;
      const successor = graph.incoming(edge.to, 'supersedes')[0]?.from;
      report(
        edge.from.path,
        edge.span,
        `${edgeKindLabels[edge.kind].outgoing} ${nameOf(edge.to)} 已作废${successor ? `，请改为引用其替代文件 "${successor.data.number}"` : '，请改为引用现行文件或删去该引用'}`,
      );
    }
  },
});
