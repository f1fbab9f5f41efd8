import { edgeKindLabels } from '../../graph/build-graph.ts';
import { isCitation } from '../../graph/citations.ts';
import { stateOn } from '../../history/in-force-today.ts';
import { defineRule, nameOf, placeOf } from '../define-rule.ts';

/**
 * lifecycle/relies-on-pending: a document in force today relies on one that is approved but not yet in
 * force (已批准，待生效). Legitimate while both wait for the same date; a warning when the citing one is
 * already in force, since its users are sent to a text that does not apply yet. A cited document with
 * an earlier version (a revision record of another version) still has that version in force until the
 * date, so citing it sends no one to a void.
 */
export default defineRule({
  id: 'lifecycle/relies-on-pending',
  severity: 'warning',
  description: '已生效的文件不宜引用已批准但尚未生效的文件：两者应同日生效，或注明过渡安排',
  run({ graph, today, report }) {
    for (const edge of graph.edges) {
      const from = edge.from.data;
      const to = edge.to?.data;
      if (!isCitation(edge) || !edge.to || !to || !from.effectiveDate || stateOn(from, today) !== 'in-force' || stateOn(to, today) !== 'pending') continue;
      if (to.revisions?.some((r) => r.version !== to.version)) continue;
      report(
        edge.from.path,
        edge.span,
        `本文件已于 ${from.effectiveDate} 生效，但${edgeKindLabels[edge.kind].outgoing} ${nameOf(edge.to)} 要到 ${to.effectiveDate} 才生效（已批准，待生效）：在此之前按本文件办事的人找不到可用的被引用文件。请让两份文件同日生效，或在正文中写明过渡期间的做法`,
        { file: edge.to.path, span: placeOf(edge.to, 'effectiveDate'), message: '被引用文件的生效日期在这里' },
      );
    }
  },
});
