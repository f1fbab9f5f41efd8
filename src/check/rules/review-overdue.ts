import { defineRule, placeOf } from '../define-rule.ts';
import { nextReviewDate } from '../../model/review.ts';

/** review/overdue: an effective document whose periodic review date has passed. */
export default defineRule({
  id: 'review/overdue',
  severity: 'warning',
  description: '现行文件应按评审周期定期评审；逾期时提示',
  run({ set, organization, today, report }) {
    if (!organization) return;
    for (const doc of set.documents) {
      // 外来文件的有效性由发文机关决定，本校不评审它们（见 external/withdrawn-cited）。
      if (doc.data.status !== 'effective' || !doc.type || doc.type === 'external') continue;
      const due = nextReviewDate(doc.data, doc.type, organization);
      if (!due || due >= today) continue;
      const field = doc.data.lastReviewed ? 'lastReviewed' : 'effectiveDate';
      report(doc.path, placeOf(doc, field), `定期评审已逾期：应在 ${due} 前评审（${doc.data.lastReviewed ? `上次评审 ${doc.data.lastReviewed}` : `生效于 ${doc.data.effectiveDate}`}）。评审后更新 lastReviewed；内容有变化时同时换版并加修订记录`);
    }
  },
});
