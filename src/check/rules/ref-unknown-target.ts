import { closest } from '../../model/did-you-mean.ts';
import { defineRule } from '../define-rule.ts';
import { edgeKindLabels } from '../../graph/build-graph.ts';

/** ref/unknown-target: a reference to a document number that does not exist. */
export default defineRule({
  id: 'ref/unknown-target',
  severity: 'error',
  description: '引用的文件编号必须存在',
  run({ set, graph, report }) {
    const numbers = [...graph.byNumber.keys()];
    // A file that could not be read has no number; references to the number its file name spells would
    // only echo that file's own error, so they are left out.
    const unreadable = new Set(set.documents.filter((d) => !d.data.number).map((d) => d.path.replace(/^.*\//, '').replace(/\.mdx?$/, '')));
    for (const edge of graph.edges) {
      if (edge.to || unreadable.has(edge.target.toLowerCase().replace(/[\/\s]+/g, '-'))) continue;
      const suggestion = closest(edge.target, numbers, 2);
      report(
        edge.from.path,
        edge.span,
        `${edgeKindLabels[edge.kind].outgoing} "${edge.target}" 不存在${suggestion ? `，是否要写 "${suggestion}"？` : '：请检查编号，或先创建该文件'}`,
      );
    }
  },
});
