/** 流程：业务概述表（流程名称即 title，流程编号即 number，业务主管部门即 owners）加流程图。 */
import { z } from 'zod';
import { commonFields, documentNumber } from './common.ts';

export const flowSchema = z.strictObject({
  type: z.literal('flow').meta({ title: '类型', description: '文件类型，流程写 flow' }),
  ...commonFields,
  procedure: documentNumber.meta({ title: '所属程序', description: '本流程所属的程序文件编号；该程序的 flows 须列出本流程' }),
  post: z.string().min(1).meta({ title: '所属岗位', description: '发起或负责本流程的岗位，如 主任' }),
  function: z.string().min(1).meta({ title: '业务功能', description: '业务功能，一句话' }),
  scope: z.string().min(1).meta({ title: '适用范围', description: '适用范围' }),
  regulations: z.array(documentNumber).optional().meta({ title: '工作准则', description: '工作准则：依据的制度编号' }),
  inputs: z.array(z.string().min(1)).optional().meta({ title: '输入资源', description: '输入资源；引用质量记录写 "[[编号]]"，如 "[[JMI/JL/03-01]]"，显示为 JMI/JL/03-01《风险与机遇评估表》，不必再写名称' }),
  outputs: z.array(z.string().min(1)).optional().meta({ title: '输出资源', description: '输出资源；引用质量记录写 "[[编号]]"（显示为 编号《名称》）' }),
  assessmentPoints: z.array(z.string().min(1)).optional().meta({ title: '考核点', description: '考核点，如 流转时间' }),
  interfaces: z.array(documentNumber).optional().meta({ title: '流程接口', description: '与本流程衔接的其他流程编号；无则不写' }),
});
export type Flow = z.output<typeof flowSchema>;

/**
 * 业务概述表的栏名: the flow form of the seed names three common fields its own way (流程名称 for
 * 文件名称 …); every other row of the table is captioned with the field's title.
 */
export const flowOverviewCaptions: Partial<Record<keyof Flow, string>> = { title: '流程名称', number: '流程编号', owners: '业务主管部门' };
