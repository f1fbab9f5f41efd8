import { imageUrlProblem } from '../../model/safe-url.ts';
import { defineRule } from '../define-rule.ts';

/** mdx/image-outside-content: a local image that is not inside content/ (absolute path, file:, or .. out of content/). */
export default defineRule({
  id: 'mdx/image-outside-content',
  severity: 'error',
  description: '本地图片只能来自 content/ 之内（不得用绝对路径、file: 地址或 .. 跳出 content/）',
  run({ set, report }) {
    for (const doc of set.documents) {
      for (const use of doc.file.body.urls) {
        if (use.kind !== 'image') continue;
        const problem = imageUrlProblem(use.url, doc.path);
        if (problem?.rule === 'mdx/image-outside-content') report(doc.path, use.span, problem.message);
      }
    }
  },
});
