import { defineRule, nameOf, placeOf } from '../define-rule.ts';

/** status/superseded-not-obsolete: a document that a current one supersedes must be marked obsolete. */
export default defineRule({
  id: 'status/superseded-not-obsolete',
  severity: 'error',
  description: '被现行文件代替的文件必须标为作废（status: obsolete）',
  run({ graph, report }) {
    for (const edge of graph.edges) {
      if (edge.kind !== 'supersedes' || !edge.to || edge.from.data.status !== 'effective' || edge.to.data.status === 'obsolete') continue;
      report(edge.from.path, edge.span, `本文件已代替 ${nameOf(edge.to)}，但该文件的状态仍是 ${edge.to.data.status ?? '（未写）'}：请把它的 status 改为 obsolete`, {
        file: edge.to.path,
        span: placeOf(edge.to, 'status'),
        message: '被代替文件的状态在这里',
      });
    }
  },
});
