/** Evidence that a version was approved (批准证据): the approvals file and the meeting decision in frontmatter. */
import { z } from 'zod';
import { documentNumber, isoDate } from './common.ts';

/** The platforms whose approvals `npm run approval -- record` reads. */
export const approvalPlatforms = ['github', 'gitlab', 'gitea'] as const;

/** 批准记录：one approval of one version, taken from the merged pull request on the platform. */
export const approvalRecordSchema = z.strictObject({
  number: documentNumber.meta({ description: '文件编号，如 JMI/CX/13' }),
  version: z.string().min(1).meta({ description: '被批准的版本，如 B/1' }),
  approver: z.string().min(1).meta({ description: '批准人姓名（按 organization.yaml 的 people 由平台身份查得）' }),
  identity: z.string().min(1).meta({ description: '批准人在代码托管平台上的用户名或邮箱' }),
  platform: z.enum(approvalPlatforms).meta({ description: '代码托管平台：github、gitlab 或 gitea' }),
  pr: z.int().positive().meta({ description: '合并请求（拉取请求）编号' }),
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, '时间应写成 ISO 8601，如 2026-11-10T09:30:00Z').meta({ description: '批准时间（ISO 8601）' }),
  commit: z.string().regex(/^[0-9a-f]{7,40}$/, '提交编号应是 7 至 40 位十六进制数').meta({ description: '合并请求批准时的提交编号' }),
});
export type ApprovalRecord = z.output<typeof approvalRecordSchema>;

/** content/org/approvals.yaml: records are only ever appended (change control refuses edits). */
export const approvalsFileSchema = z.strictObject({
  records: z.array(approvalRecordSchema).meta({ description: '批准记录，按时间先后追加，已有记录不得修改或删除' }),
});
export type ApprovalsFile = z.output<typeof approvalsFileSchema>;

export { meetingDecisionSchema, type MeetingDecision } from './common.ts';
