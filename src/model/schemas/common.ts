/** Fields every controlled document carries (文件控制字段). */
import { z } from 'zod';
import { calendarDateProblem } from '../calendar-date.ts';
import { statuses } from '../document-types.ts';

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD，如 2025-09-01')
  .superRefine((value, context) => {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(value) ? calendarDateProblem(value) : undefined;
    if (problem) context.addIssue({ code: 'custom', message: `不是有效的日历日期：${problem}` });
  });

/** A document number such as JMI/CX/13; its pattern per type is checked against the organisation data. */
export const documentNumber = z.string().min(1).meta({ description: '文件编号，如 JMI/CX/13' });

/** A department, written as its id, short name or full name from organization.yaml. */
export const departmentRef = z.string().min(1).meta({ description: '部门：organization.yaml 中的部门编号、简称或全称' });

/** A requirement clause written as framework:clause, e.g. iso9001:7.5.3. */
export const clauseRef = z
  .string()
  .regex(/^[A-Za-z0-9_-]+:[^\s:]+$/, '条款应写成 框架编号:条款号，如 iso9001:7.5.3')
  .meta({ description: '要求条款，写成 框架编号:条款号，如 iso9001:7.5.3 或 zhengai:major.quality' });

/** 修订记录 */
export const revisionSchema = z.strictObject({
  version: z.string().min(1).meta({ title: '版本', description: '本次修订后的版本，如 A/1' }),
  date: isoDate.meta({ title: '修订日期', description: '修订日期 YYYY-MM-DD' }),
  summary: z.string().min(1).meta({ title: '修订内容', description: '修订内容摘要' }),
  author: z.string().min(1).meta({ title: '修订人', description: '修订人' }),
});
export type Revision = z.output<typeof revisionSchema>;

/** 关于引用文件的复核确认：被引用文件换版后，本文件已复核过其新版本。 */
export const acknowledgementSchema = z.strictObject({
  number: documentNumber.meta({ description: '被引用文件的编号' }),
  version: z.string().min(1).meta({ description: '已复核的被引用文件版本' }),
});

/** 会议决定：the meeting that approved the current version (校长办公会, 党委会…). */
export const meetingDecisionSchema = z.strictObject({
  version: z.string().min(1).meta({ description: '会议审议通过的版本，应与当前版本一致，如 B/1' }),
  meeting: z.string().min(1).meta({ description: '会议名称，如 校长办公会、党委会' }),
  session: z.int().positive().optional().meta({ description: '当年第几次会议，如 12（显示为“2026 年第 12 次校长办公会”）' }),
  date: isoDate.meta({ description: '会议日期 YYYY-MM-DD' }),
  minutes: z.string().min(1).optional().meta({ description: '会议纪要号，如 纪要〔2026〕12号' }),
  documentNo: z.string().min(1).optional().meta({ description: '发文字号，如 江苏海院〔2026〕35号' }),
});
export type MeetingDecision = z.output<typeof meetingDecisionSchema>;

/** The common control fields, spread into every type's schema. */
export const commonFields = {
  number: documentNumber.meta({ title: '文件编号', description: '文件编号，格式见 organization.yaml 的 numbering，如 JMI/CX/13' }),
  title: z.string().min(1).meta({ title: '文件名称', description: '文件名称，如 文件与资料控制' }),
  version: z.string().min(1).meta({ title: '版本', description: '版本/修订状态，按 organization.yaml 的 versionScheme，如 A/0、A/1、B/0' }),
  status: z.enum(statuses).meta({ title: '状态', description: '状态：draft 草稿 / effective 现行 / obsolete 作废' }),
  owners: z.array(departmentRef).min(1).meta({ title: '牵头部门', description: '牵头部门（业务主管部门），至少一个' }),
  cooperating: z
    .union([z.literal('all'), z.array(departmentRef)])
    .optional()
    .meta({ title: '协作部门', description: '协作部门；写 all 表示“所有受控部门”，也可写部门组（如 教学单位）' }),
  effectiveDate: isoDate.optional().meta({ title: '生效日期', description: '当前版本的生效日期 YYYY-MM-DD（换版后改为新版本的生效日期，不早于其修订日期）；现行文件必填' }),
  preparedBy: z.string().min(1).optional().meta({ title: '编制', description: '编制人' }),
  reviewedBy: z.string().min(1).optional().meta({ title: '审核', description: '审核人' }),
  approvedBy: z.string().min(1).optional().meta({ title: '批准', description: '批准人；现行文件必填' }),
  decision: meetingDecisionSchema.optional().meta({ title: '审议决定', description: '批准当前版本的会议决定（校长办公会、党委会）：会议、日期、纪要号或发文字号；经合并请求批准的版本不写，见 content/org/approvals.yaml' }),
  reviewCycleMonths: z.int().positive().optional().meta({ title: '评审周期', description: '定期评审周期（月）；不写则用 organization.yaml 的默认值' }),
  lastReviewed: isoDate.optional().meta({ title: '最近评审日期', description: '最近一次定期评审日期；下次评审日期从它（或生效日期）起算' }),
  revisions: z.array(revisionSchema).meta({ title: '修订记录', description: '修订记录，按版本从旧到新排列，须包含当前版本' }),
  supersedes: z.array(documentNumber).optional().meta({ title: '代替文件', description: '本文件代替（使之作废）的文件编号' }),
  acknowledges: z
    .array(acknowledgementSchema)
    .optional()
    .meta({ title: '引用复核', description: '被引用文件换版后，确认本文件已按其新版本复核（不必因此换版）' }),
  example: z.boolean().optional().meta({ title: '示例文本', description: '为 true 时页面和 PDF 标注“示例文本”' }),
};
