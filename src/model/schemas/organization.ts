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

// ---- 人员、职务与签批权限（issue 17 审核规则；issue 18 的批准证明复用同一份人员名单） ----

/** 人员：文件中编制、审核、批准、修订人写的姓名须在此列出；Git 身份用于核对合并请求上的批准人。 */
export const personSchema = z.strictObject({
  name: z.string().min(1).meta({ description: '姓名，与文件中 preparedBy、reviewedBy、approvedBy、修订人写法一致' }),
  department: z.string().min(1).meta({ description: '所在部门：部门编号、简称或全称' }),
  roles: z.array(z.string().min(1)).min(1).meta({ description: '职务，须是 roles 中列出的名称，如 院长、分管校领导、部门负责人' }),
  emails: z.array(z.string().regex(/^[^\s@]+@[^\s@]+$/, '电子邮箱写成 name@example.edu.cn')).optional().meta({ description: '提交或批准时使用的电子邮箱（Git 身份）' }),
  usernames: z.array(z.string().min(1)).optional().meta({ description: '代码托管平台（GitHub、GitLab、Gitee 等）上的用户名' }),
});
export type Person = z.output<typeof personSchema>;

/** 签批权限：某类文件的编制、审核、批准各可由哪些职务担任；不写的环节不限职务。 */
export const signoffRuleSchema = z.strictObject({
  prepare: z.array(z.string().min(1)).min(1).optional().meta({ description: '可担任编制人的职务' }),
  review: z.array(z.string().min(1)).min(1).optional().meta({ description: '可担任审核人的职务' }),
  approve: z.array(z.string().min(1)).min(1).optional().meta({ description: '可担任批准人的职务，如 程序文件由 院长 批准' }),
});
export type SignoffRule = z.output<typeof signoffRuleSchema>;

/** 各类文件应有的结构；不写的类型不检查结构。 */
export const structureRuleSchema = z.strictObject({
  chapters: z.array(z.string().min(1)).min(1).optional().meta({ description: '正文必须有的二级标题（章），按此顺序；标题前的章号（如“1 ”“一、”）不计，如 [目的, 适用范围, 职责, 工作程序]' }),
  articles: z.boolean().optional().meta({ description: '为 true 时正文按“第一章”“第一条”编排：章、条的序号须从一起连续，不缺号、不重号（条在全文中连续编号）' }),
  fields: z.array(z.string().min(1)).min(1).optional().meta({ description: '必须填写（且不为空）的文件头字段，如流程业务概述的 [post, function, scope, regulations, inputs, outputs, assessmentPoints]' }),
});
export type StructureRule = z.output<typeof structureRuleSchema>;

const byType = <T extends z.ZodType>(schema: T) =>
  z.strictObject(Object.fromEntries(documentTypes.map((t) => [t, schema.optional()])) as Record<(typeof documentTypes)[number], z.ZodOptional<T>>);

/** 纸质受控件：核验网址与回收期限（JMI/CX/13 4.2.7–4.2.8）。 */
export const copiesSettingsSchema = z.strictObject({
  siteUrl: z.url({ protocol: /^https?$/ }).optional().meta({ description: '发布网站的地址，如 https://zlbz.example.edu.cn/；纸质件上的二维码指向 <siteUrl>verify/<分发号>/' }),
  recallWorkingDays: z.int().positive().default(10).meta({ description: '换版或作废后收回旧版纸质件的期限（工作日），默认 10' }),
});

const cycleByType = z.strictObject(Object.fromEntries(documentTypes.map((t) => [t, z.int().positive().optional()])) as Record<(typeof documentTypes)[number], z.ZodOptional<z.ZodInt>>);

/** The retention forms allowed when organization.yaml declares none: 3年、6个月、长期、永久. */
export const defaultRetentionForms = ['N年', 'N个月', '长期', '永久'] as const;

/** 质量记录保存期限的写法：每种写法中的 N 代表任一正整数，如 毕业后N年 允许 毕业后5年。 */
export const retentionSchema = z.strictObject({
  forms: z
    .array(z.string().min(1).regex(/^[^\s]+$/, '写法中不能有空格'))
    .min(1)
    .meta({ description: '允许的保存期限写法，N 代表任一正整数，如 N年、N个月、长期、永久、毕业后N年、离校后N年' }),
});

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
  retention: retentionSchema.optional().meta({ description: '质量记录保存期限（retention）允许的写法；不写则为 N年、N个月、长期、永久' }),
  // ---- 人员、职务与签批权限（issue 17/18）----
  roles: z.array(z.string().min(1)).optional().meta({ description: '本校使用的职务名称，如 院长、分管校领导、部门负责人、文件联络员' }),
  people: z.array(personSchema).optional().meta({ description: '人员名单：文件中出现的编制、审核、批准、修订人都须在此列出' }),
  signoff: byType(signoffRuleSchema).optional().meta({ description: '各类文件的编制、审核、批准可由哪些职务担任（如 JMI/CX/13 第 3 章）' }),
  // ---- 批准证据（issue 18）----
  approvals: z
    .strictObject({ enforced: z.boolean().meta({ description: '为 true 时，现行版本缺少批准证据或证据上的批准人不是 approvedBy 为错误；否则为警告' }) })
    .optional()
    .meta({ description: '批准证据的检查：写了本项即检查每个现行版本有无批准证据（合并请求的批准或会议决定）' }),
  // ---- 各类文件的结构（issue 17）----
  structure: byType(structureRuleSchema).optional().meta({ description: '各类文件应有的章节、章条编号和必填字段' }),
}).superRefine((org, ctx) => {
  // A role a person holds or a sign-off names must be declared, so a typo cannot silently grant or deny authority.
  const declared = new Set(org.roles ?? []);
  const check = (role: string, path: (string | number)[]) => {
    if (!declared.has(role)) ctx.addIssue({ code: 'custom', path, input: role, message: `职务“${role}”没有在 roles 中列出：请在 roles 中加上它，或改为 ${[...declared].join('、') || '（roles 为空）'} 之一` });
  };
  org.people?.forEach((person, i) => person.roles.forEach((role, j) => check(role, ['people', i, 'roles', j])));
  for (const [type, rule] of Object.entries(org.signoff ?? {})) {
    for (const step of ['prepare', 'review', 'approve'] as const) rule?.[step]?.forEach((role, j) => check(role, ['signoff', type, step, j]));
  }
  // One identity, one person: an approval made under it must prove who approved.
  const owners = new Map<string, string>();
  org.people?.forEach((person, i) => {
    for (const [field, list] of [['emails', person.emails], ['usernames', person.usernames]] as const) {
      list?.forEach((id, j) => {
        const key = id.toLowerCase();
        const owner = owners.get(key);
        if (owner && owner !== person.name) ctx.addIssue({ code: 'custom', path: ['people', i, field, j], input: id, message: `“${id}”已登记为 ${owner} 的身份：一个邮箱或用户名只能属于一个人` });
        else owners.set(key, person.name);
      });
    }
  });
  const seen = new Map<string, number>();
  org.people?.forEach((person, i) => {
    if (seen.has(person.name)) ctx.addIssue({ code: 'custom', path: ['people', i, 'name'], input: person.name, message: `人员“${person.name}”重复列出（第 ${seen.get(person.name)! + 1} 项已有）：同名的两人请加以区分（如 王芳（教务处））` });
    else seen.set(person.name, i);
  });
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
