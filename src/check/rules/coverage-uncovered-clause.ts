import { coverageOf } from '../../model/coverage.ts';
import { defineRule } from '../define-rule.ts';

/** coverage/uncovered-clause: a requirement clause that no current document maps to. */
export default defineRule({
  id: 'coverage/uncovered-clause',
  severity: 'warning',
  description: '要求框架中的每个条款都应被至少一份现行文件覆盖（手册章节或程序文件的 clauses）',
  run({ set, report }) {
    for (const file of set.frameworks) {
      const framework = file.data;
      if (!framework) continue;
      const coverage = coverageOf(framework, set.documents);
      framework.clauses.forEach((clause, i) => {
        const entry = coverage.get(clause.id);
        if (!entry || entry.covered || !entry.leaf) return;
        report(
          file.path,
          file.places[`clauses.${i}.id`]?.value ?? file.places[`clauses.${i}`]?.value ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
          `${framework.name} 的条款 ${clause.id}「${clause.title}」没有被任何现行文件覆盖：请在实施它的手册章节或程序文件的 clauses 中加入 "${framework.id}:${clause.id}"`,
        );
      });
    }
  },
});
