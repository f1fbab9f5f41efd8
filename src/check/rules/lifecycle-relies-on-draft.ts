import { edgeKindLabels } from '../../graph/build-graph.ts';
import { isCitation } from '../../graph/citations.ts';
import { defineRule, nameOf } from '../define-rule.ts';

/**
 * lifecycle/relies-on-draft: an effective document may only rely on effective ones (JMI/CX/13 4.2.2:
 * a draft is no basis for work). Obsolete targets are ref/obsolete-target's; supersedes points back in time.
 * A warning, not an error: while a new flow or record is drafted in a branch its parent already lists it
 * (npm run new does so), and JMI/CX/13 4.2.3 admits no warning to review, so it is issued with the parent.
 */
export default defineRule({
  id: 'lifecycle/relies-on-draft',
  severity: 'warning',
  description: '现行文件引用的文件（文件头各引用字段、正文引用、所属程序）都必须是现行文件，不得依据草稿',
  run({ graph, report }) {
    for (const edge of graph.edges) {
      if (!isCitation(edge) || !edge.to || edge.from.data.status !== 'effective' || edge.to.data.status !== 'draft') continue;
      report(
        edge.from.path,
        edge.span,
        `本文件是现行文件，但${edgeKindLabels[edge.kind].outgoing} ${nameOf(edge.to)} 还是草稿，草稿不得作为工作依据：请与本文件一起发布该文件（status: effective），或在它发布前删去这一引用`,
        { file: edge.to.path, span: edge.to.file.frontmatterSpan, message: '被引用的草稿文件' },
      );
    }
  },
});
