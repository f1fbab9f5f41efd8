import { defineRule, placeOf } from '../define-rule.ts';

/** change/effective-date-earlier: a new version may not take effect before the previous one did. */
export default defineRule({
  id: 'change/effective-date-earlier',
  severity: 'error',
  description: '（合并请求）新版本的生效日期不得早于上一版本的生效日期',
  run({ changes, report }) {
    for (const { doc, base } of changes?.pairs ?? []) {
      const now = doc.data.effectiveDate;
      const before = base.fields.effectiveDate;
      if (!now || !before || now >= before || doc.data.version === base.fields.version) continue;
      report(doc.path, placeOf(doc, 'effectiveDate'), `生效日期 ${now} 早于上一版本（${base.fields.version ?? '?'}）的生效日期 ${before}：请填写本版本实际生效的日期`);
    }
  },
});
