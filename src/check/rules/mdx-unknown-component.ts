import { allowedElements } from '../../model/allowed-elements.ts';
import { defineRule } from '../define-rule.ts';

/** mdx/unknown-component: only allow-listed components and tags, with allow-listed attributes. */
export default defineRule({
  id: 'mdx/unknown-component',
  severity: 'error',
  description: '正文只能使用允许的组件和标签（Note 以及 br、sup、sub、u、mark）',
  run({ set, report }) {
    const names = Object.keys(allowedElements).map((n) => `<${n}>`).join('、');
    for (const doc of set.documents) {
      for (const use of doc.file.body.jsx) {
        const allowed = allowedElements[use.name];
        if (!allowed) {
          report(doc.path, use.span, `不允许使用 <${use.name}>：正文只能用 ${names}。其余格式请用 Markdown 书写`);
          continue;
        }
        for (const attribute of use.attributes) {
          if (attribute.expression || allowed.includes(attribute.name)) continue;
          report(doc.path, attribute.span, `<${use.name}> 不允许属性 "${attribute.name}"${allowed.length ? `：只能用 ${allowed.join('、')}` : '：这个标签不带属性'}`);
        }
      }
    }
  },
});
