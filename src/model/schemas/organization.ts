/** The organisation as data (content/org/organization.yaml): departments, numbering, versions, review. */
import { z } from 'zod';
import { documentTypes, ownDocumentTypes, type OwnDocumentType } from '../document-types.ts';

/** 部门类别：党群部门 / 行政职能部门 / 教学单位 / 教辅与直属单位 */
export const departmentKinds = ['party', 'administrative', 'teaching', 'support'] as const;
export const departmentKindLabels: Record<(typeof departmentKinds)[number], string> = {
  party: '党群部门',
  administrative: '行政职能部门',
  teaching: '教学单位',
  support: '教辅与直属单位',
};

/** 部门 */
export const departmentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, '部门编号用小写字母、数字和连字符，如 zgb').meta({ description: '部门编号（用于网址），如 zgb' }),
  name: z.string().min(1).meta({ description: '部门全称，如 质量管理与教学督导办公室' }),
  shortName: z.string().min(1).meta({ description: '部门简称，如 质管办' }),
  kind: z.enum(departmentKinds).meta({ description: '类别：party 党群部门 / administrative 行政职能部门 / teaching 教学单位 / support 教辅与直属单位' }),
});
export type Department = z.output<typeof departmentSchema>;

/** 部门组，如“教学单位”：按类别或按成员列出。 */
export const departmentGroupSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/).meta({ description: '部门组编号' }),
  name: z.string().min(1).meta({ description: '部门组名称，如 教学单位；文件中可直接写这个名称' }),
  kinds: z.array(z.enum(departmentKinds)).optional().meta({ description: '包含这些类别的全部部门' }),
  members: z.array(z.string().min(1)).optional().meta({ description: '或者列出成员部门' }),
});

/** 编号规则 */
export const numberingRuleSchema = z.strictObject({
  pattern: z.string().min(1).meta({ description: '编号的正则表达式，如 ^JMI/CX/\\d{2}(-\\d)?$' }),
  example: z.string().min(1).meta({ description: '一个符合规则的编号示例' }),
});

/** 版本方案：letter-number 为 A/0、A/1、B/0（字母为版次，数字为修改状态）；number-number 为 1.0、1.1、2.0。 */
export const versionSchemeSchema = z.strictObject({
  style: z.enum(['letter-number', 'number-number']).meta({ description: 'letter-number：A/0、A/1、B/0；number-number：1.0、1.1、2.0' }),
  separator: z.string().min(1).max(3).meta({ description: '分隔符，如 / 或 .' }),
});

/** 纸质受控件：核验网址与回收期限（JMI/CX/13 4.2.7–4.2.8）。 */
export const copiesSettingsSchema = z.strictObject({
  siteUrl: z.url({ protocol: /^https?$/ }).optional().meta({ description: '发布网站的地址，如 https://zlbz.example.edu.cn/；纸质件上的二维码指向 <siteUrl>verify/<分发号>/' }),
  recallWorkingDays: z.int().positive().default(10).meta({ description: '换版或作废后收回旧版纸质件的期限（工作日），默认 10' }),
});

const cycleByType = z.strictObject(Object.fromEntries(documentTypes.map((t) => [t, z.int().positive().optional()])) as Record<(typeof documentTypes)[number], z.ZodOptional<z.ZodInt>>);

export const organizationSchema = z.strictObject({
  institution: z.strictObject({
    name: z.string().min(1).meta({ description: '学校名称，印在页眉' }),
    shortName: z.string().min(1).optional().meta({ description: '学校简称' }),
  }),
  departments: z.array(departmentSchema).min(1),
  groups: z.array(departmentGroupSchema).optional(),
  // 外来文件的文号由发文机关编定，本校不给它们编号规则（写了也只用来检查格式）。
  numbering: z.strictObject({
    ...(Object.fromEntries(ownDocumentTypes.map((t) => [t, numberingRuleSchema])) as Record<OwnDocumentType, typeof numberingRuleSchema>),
    external: numberingRuleSchema.optional(),
  }),
  versionScheme: versionSchemeSchema,
  copies: copiesSettingsSchema.optional(),
  reviewCycleMonths: z.strictObject({
    default: z.int().positive().meta({ description: '默认定期评审周期（月）' }),
    byType: cycleByType.optional(),
  }),
});
export type Organization = z.output<typeof organizationSchema>;

/** 要求框架（如 ISO 9001:2015、诊改五纵五横）中的一条要求。子条款的编号以父条款编号加点开头。 */
export const clauseSchema = z.strictObject({
  id: z.string().min(1).regex(/^[^\s:]+$/).meta({ description: '条款号，如 7.5.3；子条款以父条款号加点开头' }),
  title: z.string().min(1).meta({ description: '条款名称' }),
});

/** 要求框架 */
export const frameworkSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/).meta({ description: '框架编号，文件中写 框架编号:条款号' }),
  name: z.string().min(1).meta({ description: '框架名称' }),
  description: z.string().optional(),
  clauses: z.array(clauseSchema).min(1),
});
export type Framework = z.output<typeof frameworkSchema>;
export type Clause = z.output<typeof clauseSchema>;
