import { defineRule } from '../define-rule.ts';

/** syntax/no-frontmatter: a document without the `---` block of control fields. */
export default defineRule({
  id: 'syntax/no-frontmatter',
  severity: 'error',
  description: '文件开头必须有 --- 包围的 frontmatter（文件控制字段）',
  run({ set, report }) {
    for (const doc of set.documents) {
      if (doc.file.missingFrontmatter) report(doc.path, doc.file.missingFrontmatter.span, doc.file.missingFrontmatter.message);
    }
  },
});
