import { typeLabels } from '../../model/document-types.ts';
import { edgeKindLabels, expectedTargetTypes } from '../../graph/build-graph.ts';
import { defineRule, nameOf, placeOf } from '../define-rule.ts';

/** ref/wrong-type: a reference to a document of the wrong type, e.g. a supporting file that is not a regulation. */
export default defineRule({
  id: 'ref/wrong-type',
  severity: 'error',
  description: '引用必须指向正确类型的文件（如支持性文件必须是制度）',
  run({ graph, report }) {
    for (const edge of graph.edges) {
      const target = edge.to;
      if (!target?.type) continue;
      const expected = edge.kind === 'supersedes' ? (edge.from.type ? [edge.from.type] : undefined) : expectedTargetTypes[edge.kind];
      if (!expected || expected.includes(target.type)) continue;
      report(
        edge.from.path,
        edge.span,
        `${edgeKindLabels[edge.kind].outgoing}应引用${expected.map((t) => typeLabels[t]).join('或')}，但 ${nameOf(target)} 是${typeLabels[target.type]}`,
        { file: target.path, span: placeOf(target, 'type'), message: '被引用文件的类型在这里' },
      );
    }
  },
});
