import { defineRule } from '../define-rule.ts';

/** change/deleted: a controlled document was deleted instead of being made obsolete. */
export default defineRule({
  id: 'change/deleted',
  severity: 'error',
  description: '（合并请求）受控文件不得删除，应标为作废（status: obsolete）并保留',
  run({ changes, report }) {
    for (const base of changes?.deleted ?? []) {
      const number = base.fields.number ?? base.path;
      report(base.path, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, `受控文件 "${number}" 被删除了：受控文件必须保留。请恢复该文件（git checkout ${changes!.baseRef} -- ${base.path}），把 status 改为 obsolete；如有替代文件，在替代文件中写 supersedes: [${number}]`);
    }
  },
});
