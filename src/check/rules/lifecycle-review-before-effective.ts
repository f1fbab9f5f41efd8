import { defineRule, placeOf } from '../define-rule.ts';

/**
 * lifecycle/review-before-effective: lastReviewed is earlier than the current version's effective date, so
 * it records a review of an older version as if it were of this one (JMI/CX/13 4.3.2). A warning: the
 * next review is reckoned from the later date anyway, but the register shows a review nobody made.
 */
export default defineRule({
  id: 'lifecycle/review-before-effective',
  severity: 'warning',
  description: '最近评审日期（lastReviewed）不应早于当前版本的生效日期：那是对旧版本的评审',
  run({ set, report }) {
    for (const doc of set.documents) {
      const { status, lastReviewed, effectiveDate, version, revisions } = doc.data;
      if (status !== 'effective' || !lastReviewed || !effectiveDate || lastReviewed >= effectiveDate) continue;
      // Before the first issue is impossible outright: lifecycle/impossible-date reports that.
      if (revisions?.[0] && lastReviewed < revisions[0].date) continue;
      report(
        doc.path,
        placeOf(doc, 'lastReviewed'),
        `最近评审日期 ${lastReviewed} 早于当前版本 ${version ?? ''} 的生效日期 ${effectiveDate}：这次评审针对的是旧版本，换版本身已经过审核。请删去 lastReviewed，或改为对当前版本完成定期评审的日期`,
        { file: doc.path, span: placeOf(doc, 'effectiveDate'), message: '当前版本的生效日期在这里' },
      );
    }
  },
});
