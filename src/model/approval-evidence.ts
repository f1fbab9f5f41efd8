/** 批准证据：which evidence proves a version was approved, and how it reads on the page and on paper. */
import type { ApprovalRecord } from './schemas/approvals.ts';
import type { MeetingDecision } from './schemas/common.ts';

/** The evidence of one version: a pull request's approval or a meeting decision. */
export type ApprovalEvidence =
  | { kind: 'review'; record: ApprovalRecord }
  | { kind: 'meeting'; decision: MeetingDecision };

/**
 * The evidence for `number` at `version`: the meeting decision in the frontmatter when it names this
 * version, otherwise the latest approvals record for it (a PR approved again after changes wins).
 */
export function evidenceFor(
  number: string | undefined,
  version: string | undefined,
  decision: MeetingDecision | undefined,
  records: readonly ApprovalRecord[],
): ApprovalEvidence | undefined {
  if (!number || !version) return undefined;
  if (decision && decision.version === version) return { kind: 'meeting', decision };
  const record = records.findLast((r) => r.number === number && r.version === version);
  return record ? { kind: 'review', record } : undefined;
}

/** How a platform writes a pull request's number: GitLab !42, GitHub and Gitea #42. */
export function pullRequestLabel(record: Pick<ApprovalRecord, 'platform' | 'pr'>): string {
  return record.platform === 'gitlab' ? `合并请求 !${record.pr}` : `合并请求 #${record.pr}`;
}

/** 2026 年第 12 次校长办公会审议通过 · 纪要〔2026〕12号 */
export function meetingText(decision: MeetingDecision): string {
  const year = decision.date.slice(0, 4);
  const meeting = decision.session ? `${year} 年第 ${decision.session} 次${decision.meeting}` : `${decision.date} ${decision.meeting}`;
  const refs = [decision.minutes, decision.documentNo].filter(Boolean).join(' · ');
  return `${meeting}审议通过${refs ? ` · ${refs}` : ''}`;
}

/** The date an approval was given, in the offset it was recorded with. */
export function approvalDate(record: ApprovalRecord): string {
  return record.time.slice(0, 10);
}

/** One line: 批准：周志远 · 合并请求 !42 批准 2026-11-10, or 批准：周志远 · 2026 年第 12 次校长办公会审议通过 · 纪要〔2026〕12号. */
export function evidenceText(evidence: ApprovalEvidence | undefined, approvedBy: string | undefined): string {
  if (!evidence) return `批准：${approvedBy ?? '—'} · 未登记批准证据`;
  if (evidence.kind === 'review') return `批准：${evidence.record.approver} · ${pullRequestLabel(evidence.record)} 批准 ${approvalDate(evidence.record)}`;
  return `批准：${approvedBy ?? '—'} · ${meetingText(evidence.decision)}`;
}

/** The part after 批准：名字 · — for tables that already show the approver in its own column. */
export function evidenceShort(evidence: ApprovalEvidence | undefined): string {
  if (!evidence) return '未登记';
  return evidence.kind === 'review' ? `${pullRequestLabel(evidence.record)} 批准 ${approvalDate(evidence.record)}（${evidence.record.approver}）` : meetingText(evidence.decision);
}
