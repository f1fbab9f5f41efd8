import { defineRule } from '../define-rule.ts';

const start = { line: 1, column: 1 };

/** syntax/symlink: a symbolic link under content/; never followed, so what it points to is neither checked nor published. */
export default defineRule({
  id: 'syntax/symlink',
  severity: 'error',
  description: 'content/ 下不得有符号链接（链接到的文件或文件夹不会被读取、检查和发布）',
  run({ set, report }) {
    for (const link of set.symlinks) {
      const target = link.target ? `（指向 "${link.target}"）` : '';
      report(
        link.path,
        { start, end: start },
        `这是一个符号链接${target}：检查、网站和 PDF 都不会跟随它，它可能指向仓库以外的文件。请把它换成真正的文件或文件夹（复制内容进来），或删除这个链接（git rm）`,
      );
    }
  },
});
