import type { ControlledDocument } from '../../model/load.ts';
import { defineRule } from '../define-rule.ts';

/** supersede/cycle: following supersedes must end; a loop would make each document both newer and older. */
export default defineRule({
  id: 'supersede/cycle',
  severity: 'error',
  description: '代替关系（supersedes）不得成环：文件不能直接或间接代替自己',
  run({ graph, report }) {
    const reported = new Set<ControlledDocument>();
    for (const edge of graph.edges) {
      if (edge.kind !== 'supersedes' || !edge.to || reported.has(edge.from)) continue;
      // Walk back from the target: reaching edge.from again closes a loop through this edge.
      const path: string[] = [edge.from.data.number ?? edge.from.path];
      const seen = new Set<ControlledDocument>();
      let found = false;
      const walk = (doc: ControlledDocument): void => {
        if (found || seen.has(doc)) return;
        seen.add(doc);
        path.push(doc.data.number ?? doc.path);
        if (doc === edge.from) {
          found = true;
          return;
        }
        for (const next of graph.outgoing(doc, 'supersedes')) if (next.to) walk(next.to);
        if (!found) path.pop();
      };
      walk(edge.to);
      if (!found) continue;
      for (const number of path) {
        const doc = graph.byNumber.get(number);
        if (doc) reported.add(doc);
      }
      report(edge.from.path, edge.span, `代替关系成环：${path.join(' → ')}。一份文件只能代替比它早的文件，请删去其中错误的 supersedes 项`);
    }
  },
});
