import { defineRule } from '../define-rule.ts';

/** syntax/encoding: a content file that is not UTF-8 text. */
export default defineRule({
  id: 'syntax/encoding',
  severity: 'error',
  description: '文件必须是 UTF-8 编码的文本',
  run({ set, report }) {
    for (const doc of set.documents) {
      if (doc.file.encodingProblem) report(doc.path, doc.file.encodingProblem.span, doc.file.encodingProblem.message);
    }
    for (const file of [set.organization, ...set.frameworks, ...(set.approvals ? [set.approvals] : [])]) if (file.encodingProblem) report(file.path, file.encodingProblem.span, file.encodingProblem.message);
  },
});
