import { edgeKindLabels } from '../../graph/build-graph.ts';
import { suspectReferences, versionDates } from '../../history/suspects.ts';
import { defineRule, nameOf } from '../define-rule.ts';

/** ref/suspect: a cited document got a new version after this one's current version: review the reference. */
export default defineRule({
  id: 'ref/suspect',
  severity: 'warning',
  description: '被引用文件换版后，引用它的文件在自身下次修订或确认复核（acknowledges）之前标为“待复核”；在同一提交或同一合并请求中一起修改的文件互不标为待复核',
  run({ graph, history, changes, report }) {
    if (!history?.available) return;
    for (const s of suspectReferences(graph, history, changes)) {
      // The dates the document itself records, which reviewers know, rather than when Git saw them.
      const dates = versionDates(s.to);
      report(
        s.from.path,
        s.edge.span,
        `待复核：${edgeKindLabels[s.edge.kind].outgoing} ${nameOf(s.to)} 已换版为 ${s.version}${dates ? `（${dates}）` : ''}，本文件的当前版本早于此。复核后请在 acknowledges 中加入 { number: ${s.to.data.number}, version: ${s.version} }，或在本文件下次修订时一并处理`,
      );
    }
  },
});
