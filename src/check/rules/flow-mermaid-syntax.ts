import { defineRule } from '../define-rule.ts';

/** flow/mermaid-syntax: a flowchart mermaid cannot parse would show as an empty box. */
export default defineRule({
  id: 'flow/mermaid-syntax',
  severity: 'error',
  description: '流程图（mermaid 代码块）必须能被 mermaid 解析',
  run({ set, flowchartErrors, report }) {
    if (!flowchartErrors?.size) return;
    for (const doc of set.documents) {
      for (const block of doc.file.body.mermaid) {
        const error = flowchartErrors.get(block.code);
        if (!error) continue;
        const inside = error.line ?? 1;
        const line = block.span.start.line + inside - 1;
        const text = block.code.split('\n')[inside - 1] ?? '';
        const column = text.length - text.trimStart().length + 1;
        report(
          doc.path,
          { start: { line, column }, end: { line, column: text.length + 1 } },
          `流程图语法错误：mermaid 在流程图第 ${inside} 行${error.message}。请检查这一行及上一行的括号、引号是否成对，节点文字用双引号括起来，如 A["提出申请"] --> B{"审核"}`,
        );
      }
    }
  },
});
