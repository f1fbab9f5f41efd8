import { defineRule } from '../define-rule.ts';

/** mdx/no-expression: `{…}` is JavaScript in MDX. */
export default defineRule({
  id: 'mdx/no-expression',
  severity: 'error',
  description: '正文中不得使用 {…} 表达式（它们是 JavaScript）',
  run({ set, report }) {
    for (const doc of set.documents) {
      for (const span of doc.file.body.expressions) report(doc.path, span, '正文中不允许 {…} 表达式：它会作为 JavaScript 执行。要写花括号本身，请用 \\{ 或全角“｛”');
      for (const use of doc.file.body.jsx) {
        for (const attribute of use.attributes) {
          if (attribute.expression) report(doc.path, attribute.span, `标签 <${use.name}> 的属性 ${attribute.name} 使用了 {…} 表达式：属性值只能写成带引号的文字`);
        }
      }
    }
  },
});
