import { defineRule } from '../define-rule.ts';

/** syntax/too-large: a file or a line longer than any real document has; not parsed at all. */
export default defineRule({
  id: 'syntax/too-large',
  severity: 'error',
  description: '文件不超过 8 MB，每行不超过 20000 个字符（过大的文件不会被检查和发布）',
  run({ set, report }) {
    for (const doc of set.documents) if (doc.file.tooLarge) report(doc.path, doc.file.tooLarge.span, doc.file.tooLarge.message);
  },
});
