import { defineRule, placeOf } from '../define-rule.ts';

/** change/renumbered: a controlled document's number was changed. */
export default defineRule({
  id: 'change/renumbered',
  severity: 'error',
  description: '（合并请求）受控文件不得改号；应作废旧文件，以新编号建立新文件并写 supersedes',
  run({ changes, graph, report }) {
    for (const { doc, base } of changes?.pairs ?? []) {
      const before = base.fields.number;
      const now = doc.data.number;
      if (!before || !now || before === now || graph.byNumber.has(before)) continue;
      report(doc.path, placeOf(doc, 'number'), `文件编号从 "${before}" 改成了 "${now}"：受控文件不能改号。请保留原文件（标为作废），另建编号为 "${now}" 的新文件，并在其中写 supersedes: [${before}]`);
    }
  },
});
