import { defineRule } from '../define-rule.ts';

/** mdx/no-esm: import/export would run code from a pull request at build time. */
export default defineRule({
  id: 'mdx/no-esm',
  severity: 'error',
  description: '正文中不得使用 import / export（内容来自合并请求，不能执行代码）',
  run({ set, report }) {
    for (const doc of set.documents) {
      for (const span of doc.file.body.esm) report(doc.path, span, '正文中不允许 import / export 语句：受控文件不能执行代码，请删除该行；引用其他文件请写 [[编号]]');
    }
  },
});
