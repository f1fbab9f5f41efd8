import { edgeKindLabels } from '../../graph/build-graph.ts';
import { suspectReferences } from '../../history/suspects.ts';
import { defineRule, nameOf } from '../define-rule.ts';

/** ref/suspect: a cited document got a new version after this one's current version: review the reference. */
export default defineRule({
  id: 'ref/suspect',
  severity: 'warning',
  description: '被引用文件换版后，引用它的文件在自身下次修订或确认复核（acknowledges）之前标为“待复核”',
  run({ graph, history, report }) {
    if (!history?.available) return;
    for (const s of suspectReferences(graph, history)) {
      report(
        s.from.path,
        s.edge.span,
        `待复核：${edgeKindLabels[s.edge.kind].outgoing} ${nameOf(s.to)} 已于 ${s.changedAt.date.slice(0, 10)} 换版为 ${s.version}（提交 ${s.changedAt.hash.slice(0, 7)}），本文件的当前版本早于此。复核后请在 acknowledges 中加入 { number: ${s.to.data.number}, version: ${s.version} }，或在本文件下次修订时一并处理`,
      );
    }
  },
});
