import { imageUrlProblem, linkUrlProblem } from '../../model/safe-url.ts';
import { defineRule } from '../define-rule.ts';

/** mdx/unsafe-url: a link or image address outside the allow-list (javascript:, data:, file:, //host …); the renderer drops it anyway. */
export default defineRule({
  id: 'mdx/unsafe-url',
  severity: 'error',
  description: '链接只能是 http、https、mailto、tel 地址、站内路径或锚点；图片只能是 http、https 地址或 content/ 内的相对路径（其他地址不会被发布）',
  run({ set, report }) {
    for (const doc of set.documents) {
      for (const use of doc.file.body.urls) {
        const problem = use.kind === 'image' ? imageUrlProblem(use.url, doc.path) : linkUrlProblem(use.url);
        if (problem?.rule === 'mdx/unsafe-url') report(doc.path, use.span, problem.message);
      }
    }
  },
});
