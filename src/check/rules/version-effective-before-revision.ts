import { defineRule, placeOf } from '../define-rule.ts';

/** version/effective-before-revision: the current version cannot take effect before it was revised. */
export default defineRule({
  id: 'version/effective-before-revision',
  severity: 'error',
  description: '生效日期是当前版本的生效日期，不得早于当前版本修订记录的日期',
  run({ set, report }) {
    for (const doc of set.documents) {
      const { effectiveDate, version, revisions } = doc.data;
      const revision = revisions?.find((r) => r.version === version);
      if (!effectiveDate || !revision || effectiveDate >= revision.date) continue;
      const index = revisions!.indexOf(revision);
      report(doc.path, placeOf(doc, 'effectiveDate'), `生效日期 ${effectiveDate} 早于当前版本 ${version} 的修订日期 ${revision.date}：effectiveDate 应写当前版本开始执行的日期（不早于 ${revision.date}）`, {
        file: doc.path,
        span: placeOf(doc, `revisions.${index}.date`),
        message: '当前版本的修订日期在这里',
      });
    }
  },
});
