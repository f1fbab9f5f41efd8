import { defineRule, placeOf } from '../define-rule.ts';
import { fieldNamed } from '../../model/field-labels.ts';

/** status/effective-incomplete: an effective document must say when it took effect and who approved it. */
export default defineRule({
  id: 'status/effective-incomplete',
  severity: 'error',
  description: '现行文件必须有生效日期（effectiveDate）和批准人（approvedBy）',
  run({ set, report }) {
    for (const doc of set.documents) {
      // 外来文件不经本校批准，没有批准人。
      if (doc.data.status !== 'effective' || doc.type === 'external') continue;
      const missing = [!doc.data.effectiveDate && fieldNamed('effectiveDate'), !doc.data.approvedBy && fieldNamed('approvedBy')].filter(Boolean);
      if (missing.length === 0) continue;
      report(doc.path, placeOf(doc, 'status'), `现行文件缺少 ${missing.join('、')}：请补上；尚未批准的文件请把 status 改为 draft`);
    }
  },
});
