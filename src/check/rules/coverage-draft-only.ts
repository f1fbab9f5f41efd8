import { coverageOf } from '../../model/coverage.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/**
 * coverage/draft-only: a clause whose only mapping is in drafts is not yet implemented by anything in
 * force (ISO 9001 7.5.3: documented information available where needed). coverageOf counts drafts, so
 * coverage/uncovered-clause stays silent there.
 */
export default defineRule({
  id: 'coverage/draft-only',
  severity: 'warning',
  description: '要求条款只由草稿覆盖时视为尚未落实：覆盖条款的文件应是现行文件',
  run({ set, report }) {
    for (const file of set.frameworks) {
      const framework = file.data;
      if (!framework) continue;
      const coverage = coverageOf(framework, set.documents.filter((doc) => doc.data.status === 'effective'));
      const withDrafts = coverageOf(framework, set.documents);
      for (const clause of framework.clauses) {
        const effective = coverage.get(clause.id);
        const any = withDrafts.get(clause.id);
        if (!effective || !any || effective.covered || !any.covered || any.documents.length === 0) continue;
        for (const doc of any.documents) {
          if (doc.data.status !== 'draft') continue;
          const index = (doc.data.clauses ?? []).indexOf(`${framework.id}:${clause.id}`);
          report(
            doc.path,
            placeOf(doc, `clauses.${index}`),
            `条款 ${framework.id}:${clause.id}「${clause.title}」只由草稿覆盖，没有现行文件实施它：请发布本文件，或在实施该条款的现行手册章节、程序文件的 clauses 中写明它`,
          );
        }
      }
    }
  },
});
