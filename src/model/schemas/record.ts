/** 质量记录：表单模板，带表单字段定义。 */
import { z } from 'zod';
import { commonFields, departmentRef, documentNumber } from './common.ts';

/** 表单字段类型：文本 / 多行文本 / 数字 / 日期 / 单选 / 多选 / 勾选 / 表格 / 签名 */
export const formFieldKinds = ['text', 'textarea', 'number', 'date', 'choice', 'multichoice', 'checkbox', 'table', 'signature'] as const;

const columnSchema = z.strictObject({
  label: z.string().min(1).meta({ description: '列名' }),
  kind: z.enum(['text', 'number', 'date', 'choice', 'checkbox']).optional().meta({ description: '列类型，默认 text' }),
  options: z.array(z.string().min(1)).optional().meta({ description: 'choice 列的选项' }),
});

export const formFieldSchema = z.strictObject({
  label: z.string().min(1).meta({ description: '字段名称，如 申请部门' }),
  kind: z.enum(formFieldKinds).meta({ description: '字段类型：text 文本 / textarea 多行文本 / number 数字 / date 日期 / choice 单选 / multichoice 多选 / checkbox 勾选 / table 表格 / signature 签名' }),
  required: z.boolean().optional().meta({ description: '是否必填' }),
  options: z.array(z.string().min(1)).optional().meta({ description: 'choice、multichoice 的选项' }),
  columns: z.array(columnSchema).optional().meta({ description: 'table 的列' }),
  rows: z.int().positive().optional().meta({ description: 'table 打印时的空行数' }),
  note: z.string().min(1).optional().meta({ description: '填写说明（备注），说明如何填写' }),
});
export type FormField = z.output<typeof formFieldSchema>;

export const recordSchema = z.strictObject({
  type: z.literal('record').meta({ title: '类型', description: '文件类型，质量记录写 record' }),
  ...commonFields,
  number: documentNumber.meta({ title: '记录编号', description: '记录编号（质量记录表单的编号），格式见 organization.yaml 的 numbering，如 JMI/JL/13-01' }),
  procedure: documentNumber.meta({ title: '所属程序', description: '产生本记录的程序文件编号' }),
  keeper: departmentRef.meta({ title: '保管部门', description: '记录的保管部门' }),
  // The allowed forms are the school's (organization.yaml retention.forms): checked by record/retention.
  retention: z
    .string()
    .min(1)
    .meta({ title: '保存期限', description: '保存期限，按 organization.yaml 中 retention.forms 的写法，如 3年、6个月、长期、永久、毕业后5年' }),
  fields: z.array(formFieldSchema).min(1).meta({ title: '表单字段', description: '表单字段，按填写顺序' }),
  orientation: z
    .enum(['portrait', 'landscape'])
    .optional()
    .meta({ title: '打印方向', description: '打印方向：portrait 纵向 / landscape 横向；不写时按最宽的表格自动选择（A4 纵向放不下就横向）' }),
});
export type RecordTemplate = z.output<typeof recordSchema>;

