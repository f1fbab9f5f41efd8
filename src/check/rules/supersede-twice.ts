import { defineRule, nameOf } from '../define-rule.ts';
import { repeatedTargets } from './repeated-targets.ts';

/** supersede/twice: a document is replaced once; two successors leave readers unsure which one is in force. */
export default defineRule({
  id: 'supersede/twice',
  severity: 'error',
  description: '一份文件只能被一份文件代替：不得有两份文件都在 supersedes 中写明代替同一文件',
  run({ graph, report }) {
    for (const { edge, first } of repeatedTargets(graph.edges, 'supersedes', (e) => e.from !== e.to)) {
      report(
        edge.from.path,
        edge.span,
        `${nameOf(edge.to!)} 已由 ${nameOf(first.from)} 代替，本文件又写明代替它：一份文件只能被代替一次。若本文件代替的是 ${first.from.data.number ?? ''}，请改写为该编号；否则删去这一项`,
        { file: first.from.path, span: first.span, message: '先写明代替它的文件在这里' },
      );
    }
  },
});
