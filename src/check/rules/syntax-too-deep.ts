import { defineRule } from '../define-rule.ts';

/** syntax/too-deep: a body nested deeper than any real document (lists in lists, quotes in quotes); never rendered. */
export default defineRule({
  id: 'syntax/too-deep',
  severity: 'error',
  description: '正文的嵌套（列表、引用、强调等）不超过 100 层（过深的正文不会被发布）',
  run({ set, report }) {
    for (const doc of set.documents) if (doc.file.body.tooDeep) report(doc.path, doc.file.body.tooDeep.span, doc.file.body.tooDeep.message);
  },
});
