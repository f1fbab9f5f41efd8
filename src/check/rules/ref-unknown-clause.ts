import { closest } from '../../model/did-you-mean.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** ref/unknown-clause: a requirement clause that no framework defines. */
export default defineRule({
  id: 'ref/unknown-clause',
  severity: 'error',
  description: '对应条款必须是 content/org/frameworks/ 中某个框架的条款',
  run({ set, frameworks, report }) {
    // A framework file that could not be read is reported itself; its clauses are then unknown, not wrong.
    const unreadable = set.frameworks.filter((f) => !f.data).map((f) => f.path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''));
    const known = new Set(frameworks.flatMap((f) => f.clauses.map((c) => `${f.id}:${c.id}`)));
    for (const doc of set.documents) {
      doc.data.clauses?.forEach((clause, i) => {
        if (known.has(clause)) return;
        const [framework] = clause.split(':');
        const hasFramework = frameworks.some((f) => f.id === framework);
        if (!hasFramework && unreadable.length > 0) return;
        const suggestion = closest(clause, known, 2);
        report(
          doc.path,
          placeOf(doc, `clauses.${i}`),
          hasFramework
            ? `框架 "${framework}" 中没有条款 "${clause}"${suggestion ? `，是否要写 "${suggestion}"？` : ''}`
            : `未知的要求框架 "${framework}"：已有的框架是 ${frameworks.map((f) => f.id).join('、') || '（无）'}`,
        );
      });
    }
  },
});
