import type { ControlledDocument } from '../../model/load.ts';
import { defineRule, isCurrent, nameOf } from '../define-rule.ts';

/**
 * regulation/listed-twice: one regulation given as the supporting file of two procedures, so the 制度库
 * no longer corresponds one-to-one with the procedures' 支持性文件 (seed 000, 构建制度库).
 */
export default defineRule({
  id: 'regulation/listed-twice',
  severity: 'error',
  description: '一项制度只能是一个程序文件的支持性文件（制度与程序的支持性文件一一对应）',
  run({ graph, report }) {
    const first = new Map<ControlledDocument, ControlledDocument>();
    for (const edge of graph.edges) {
      if (edge.kind !== 'regulation' || !edge.to || !isCurrent(edge.from) || !isCurrent(edge.to)) continue;
      const earlier = first.get(edge.to);
      if (!earlier) {
        first.set(edge.to, edge.from);
        continue;
      }
      if (earlier === edge.from) continue;
      report(
        edge.from.path,
        edge.span,
        `${nameOf(edge.to)} 已是 ${nameOf(earlier)} 的支持性文件，本程序又把它列为支持性文件：制度与程序一一对应。请从本程序的 regulations 中删去它；本程序确需引用的，在正文中写 [[${edge.to.data.number ?? ''}]]`,
        { file: earlier.path, span: graph.outgoing(earlier, 'regulation').find((e) => e.to === edge.to)!.span, message: '已列出它的程序在这里' },
      );
    }
  },
});
