import { defineRule } from '../define-rule.ts';

/** flow/missing-flowchart: every flow shows its steps as a mermaid flowchart. */
export default defineRule({
  id: 'flow/missing-flowchart',
  severity: 'error',
  description: '每个流程的正文必须有一个 mermaid 流程图',
  run({ set, report }) {
    for (const doc of set.documents) {
      if (doc.type !== 'flow' || doc.file.body.syntaxError || doc.file.body.mermaid.length > 0) continue;
      const line = doc.file.bodyStartLine;
      report(doc.path, { start: { line, column: 1 }, end: { line, column: 1 } }, '流程正文中没有流程图：请加一个 ```mermaid 代码块（flowchart TD，每个部门一个 subgraph）');
    }
  },
});
