import { defineRule, isCurrent, nameOf } from '../define-rule.ts';
import { repeatedTargets } from './repeated-targets.ts';

/**
 * regulation/listed-twice: one regulation given as the supporting file of two procedures, so the 制度库
 * no longer corresponds one-to-one with the procedures' 支持性文件 (seed 000, 构建制度库).
 */
export default defineRule({
  id: 'regulation/listed-twice',
  severity: 'error',
  description: '一项制度只能是一个程序文件的支持性文件（制度与程序的支持性文件一一对应）',
  run({ graph, report }) {
    for (const { edge, first } of repeatedTargets(graph.edges, 'regulation', (e) => isCurrent(e.from) && isCurrent(e.to!))) {
      report(
        edge.from.path,
        edge.span,
        `${nameOf(edge.to!)} 已是 ${nameOf(first.from)} 的支持性文件，本程序又把它列为支持性文件：制度与程序一一对应。请从本程序的 regulations 中删去它；本程序确需引用的，在正文中写 [[${edge.to!.data.number ?? ''}]]`,
        { file: first.from.path, span: first.span, message: '已列出它的程序在这里' },
      );
    }
  },
});
