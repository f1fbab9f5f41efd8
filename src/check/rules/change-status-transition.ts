import { statusLabels } from '../../model/document-types.ts';
import { defineRule, placeOf } from '../define-rule.ts';
import { fieldNamed } from '../../model/field-labels.ts';

/** change/status-transition: a status change that document control does not allow. */
export default defineRule({
  id: 'change/status-transition',
  severity: 'error',
  description: '（合并请求）作废文件不能恢复为现行或草稿；草稿转为现行必须有审核、批准和生效日期',
  run({ changes, report }) {
    for (const { doc, base } of changes?.pairs ?? []) {
      const before = base.fields.status;
      const now = doc.data.status;
      if (!before || !now || before === now) continue;
      if (before === 'obsolete') {
        report(doc.path, placeOf(doc, 'status'), `作废文件不能改回${statusLabels[now]}（"${before}" → "${now}"）：需要恢复时请以新编号建立新文件，并在其中写 supersedes`);
      } else if (before === 'draft' && now === 'effective') {
        const missing = [!doc.data.reviewedBy && fieldNamed('reviewedBy'), !doc.data.approvedBy && fieldNamed('approvedBy'), !doc.data.effectiveDate && fieldNamed('effectiveDate')].filter(Boolean);
        if (missing.length) report(doc.path, placeOf(doc, 'status'), `草稿转为现行缺少 ${missing.join('、')}：请在审核、批准后填写`);
      }
    }
  },
});
