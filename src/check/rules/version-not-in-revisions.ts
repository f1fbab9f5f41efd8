import { defineRule, placeOf } from '../define-rule.ts';

/** version/not-in-revisions: the current version has no revision record. */
export default defineRule({
  id: 'version/not-in-revisions',
  severity: 'error',
  description: '修订记录必须包含当前版本',
  run({ set, report }) {
    for (const doc of set.documents) {
      const { version, revisions } = doc.data;
      if (!version || !revisions || revisions.some((r) => r.version === version)) continue;
      report(doc.path, placeOf(doc, 'version'), `当前版本 "${version}" 没有修订记录：请在 revisions 末尾加一条 version: ${version} 的记录（日期、摘要、修订人）`, {
        file: doc.path,
        span: placeOf(doc, 'revisions', 'key'),
        message: '修订记录在这里',
      });
    }
  },
});
