/** 外来文件：学校不编写但必须受控的文件（上级主管部门文件、国家与行业标准、国际标准）。 */
import { z } from 'zod';
import { statuses } from '../document-types.ts';
import { departmentRef, isoDate } from './common.ts';

export const externalSchema = z.strictObject({
  type: z.literal('external').meta({ title: '类型', description: '文件类型，外来文件写 external' }),
  number: z.string().min(1).meta({ title: '文号或标准号', description: '发文字号或标准号，如 教职成厅〔2015〕2号、GB/T 19001-2016、ISO 9001:2015；正文用 [[文号]] 引用' }),
  title: z.string().min(1).meta({ title: '文件名称', description: '文件全称，如 教育部办公厅关于建立职业院校教学工作诊断与改进制度的通知' }),
  issuer: z.string().min(1).meta({ title: '发文机关', description: '发文机关或标准发布机构，如 教育部办公厅、国际标准化组织（ISO）' }),
  status: z.enum(statuses).meta({ title: '状态', description: '状态：effective 现行有效 / obsolete 已废止（写明 withdrawnDate）/ draft 待核实（已收到，尚未确认有效性）' }),
  issuedDate: isoDate.optional().meta({ title: '发布日期', description: '发布（印发）日期 YYYY-MM-DD' }),
  effectiveDate: isoDate.optional().meta({ title: '实施日期', description: '实施日期 YYYY-MM-DD；不写表示自发布之日起实施' }),
  withdrawnDate: isoDate.optional().meta({ title: '废止日期', description: '废止日期 YYYY-MM-DD；已废止的文件必填' }),
  departments: z.array(departmentRef).min(1).meta({ title: '使用部门', description: '使用本文件的部门；写 all 以外的部门、部门组或简称' }),
  owners: z.array(departmentRef).min(1).meta({ title: '登记部门', description: '负责登记和跟踪本文件有效性的部门，一般为质管办' }),
  registeredDate: isoDate.optional().meta({ title: '登记日期', description: '质管办登记本文件的日期 YYYY-MM-DD' }),
  replacedBy: z.string().min(1).optional().meta({ title: '替代文件', description: '废止后代替它的外来文件的文号或标准号' }),
  example: z.boolean().optional().meta({ title: '示例文本', description: '为 true 时页面标注“示例文本”' }),
});
export type ExternalDocument = z.output<typeof externalSchema>;
