import { evidenceFor } from '../../model/approval-evidence.ts';
import { defineRule, placeOf } from '../define-rule.ts';

const nowhere = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/**
 * approval/missing-evidence: an effective version with no evidence of approval (a PR approval in
 * approvals.yaml or a meeting decision), or whose recorded approver is not `approvedBy`. Checked once
 * organization.yaml has an `approvals` block; a warning until the school sets `enforced: true`.
 */
export default defineRule({
  id: 'approval/missing-evidence',
  severity: 'warning',
  description: '现行版本须有批准证据（合并请求的批准记录或会议决定），且证据上的批准人就是 approvedBy；organization.yaml 中 approvals.enforced 为 true 时为错误',
  run({ set, organization, report }) {
    const setting = organization?.approvals;
    if (!setting) return;
    const severity = setting.enforced ? 'error' : 'warning';
    const approvals = set.approvals;
    const records = approvals?.data?.records ?? [];
    for (const doc of set.documents) {
      const { status, number, version, approvedBy, decision } = doc.data;
      if (status !== 'effective' || !number || !version) continue;
      const evidence = evidenceFor(number, version, decision, records);
      if (!evidence) {
        const stale = decision ? `；decision 记的是 ${decision.version} 版的会议决定，不是当前的 ${version} 版` : '';
        report(doc.path, placeOf(doc, decision ? 'decision.version' : 'version'), `现行版本 ${number} ${version} 没有批准证据${stale}：经合并请求批准的，由 CI 运行 npm run approval -- record 记入 content/org/approvals.yaml；经会议审议通过的，在 decision 中写明会议、日期和纪要号（见 docs/approval.md）`, undefined, severity);
        continue;
      }
      if (evidence.kind === 'review' && approvedBy && evidence.record.approver !== approvedBy) {
        const index = records.indexOf(evidence.record);
        const place = approvals?.places[`records.${index}.approver`]?.value ?? nowhere;
        report(
          doc.path,
          placeOf(doc, 'approvedBy'),
          `批准人写的是 "${approvedBy}"，但 ${number} ${version} 的合并请求是由 ${evidence.record.approver}（${evidence.record.identity}）批准的：请把 approvedBy 改为 ${evidence.record.approver}，或请 ${approvedBy} 在平台上批准`,
          { file: approvals!.path, span: place, message: '批准记录' },
          severity,
        );
      }
    }
  },
});
