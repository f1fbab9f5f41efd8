/** 质量手册章节 */
import { z } from 'zod';
import { clauseRef, commonFields, documentNumber } from './common.ts';

/** The four parts of the quality manual (质量手册的四个部分). */
export const manualParts = ['policy', 'commitment', 'organization', 'elements'] as const;
export const manualPartLabels: Record<(typeof manualParts)[number], string> = {
  policy: '质量方针和质量目标',
  commitment: '管理者承诺',
  organization: '学校介绍与组织架构',
  elements: '体系要素描述',
};

export const manualSectionSchema = z.strictObject({
  type: z.literal('manual-section').meta({ title: '类型', description: '文件类型，质量手册章节写 manual-section' }),
  ...commonFields,
  part: z.enum(manualParts).meta({ title: '所属部分', description: '所属部分：policy 质量方针和质量目标 / commitment 管理者承诺 / organization 学校介绍与组织架构 / elements 体系要素描述' }),
  order: z.int().nonnegative().meta({ title: '排序', description: '在手册中的顺序（小的在前）' }),
  clauses: z.array(clauseRef).optional().meta({ title: '对应条款', description: '本章节描述的要求条款' }),
  procedures: z.array(documentNumber).optional().meta({ title: '实施程序', description: '实施本章节要求的程序文件编号' }),
});
export type ManualSection = z.output<typeof manualSectionSchema>;
