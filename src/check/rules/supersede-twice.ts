import type { Edge } from '../../graph/build-graph.ts';
import type { ControlledDocument } from '../../model/load.ts';
import { defineRule, nameOf } from '../define-rule.ts';

/** supersede/twice: a document is replaced once; two successors leave readers unsure which one is in force. */
export default defineRule({
  id: 'supersede/twice',
  severity: 'error',
  description: '一份文件只能被一份文件代替：不得有两份文件都在 supersedes 中写明代替同一文件',
  run({ graph, report }) {
    const first = new Map<ControlledDocument, Edge>();
    for (const edge of graph.edges) {
      if (edge.kind !== 'supersedes' || !edge.to || edge.from === edge.to) continue;
      const earlier = first.get(edge.to);
      if (!earlier) {
        first.set(edge.to, edge);
        continue;
      }
      if (earlier.from === edge.from) continue;
      report(
        edge.from.path,
        edge.span,
        `${nameOf(edge.to)} 已由 ${nameOf(earlier.from)} 代替，本文件又写明代替它：一份文件只能被代替一次。若本文件代替的是 ${earlier.from.data.number ?? ''}，请改写为该编号；否则删去这一项`,
        { file: earlier.from.path, span: earlier.span, message: '先写明代替它的文件在这里' },
      );
    }
  },
});
