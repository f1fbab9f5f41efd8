import { defineRule } from '../define-rule.ts';

/** syntax/mdx: a body that MDX cannot parse. */
export default defineRule({
  id: 'syntax/mdx',
  severity: 'error',
  description: '正文必须是合法的 MDX（Markdown）',
  run({ set, report }) {
    for (const doc of set.documents) {
      const error = doc.file.body.syntaxError;
      if (error) report(doc.path, error.span, error.message);
    }
  },
});
