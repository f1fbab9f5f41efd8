/** 程序文件 */
import { z } from 'zod';
import { clauseRef, commonFields, documentNumber } from './common.ts';

export const procedureSchema = z.strictObject({
  type: z.literal('procedure').meta({ title: '类型', description: '文件类型，程序文件写 procedure' }),
  ...commonFields,
  regulations: z.array(documentNumber).optional().meta({ title: '支持性文件', description: '支持性文件：制度库中的制度编号（与制度一一对应）' }),
  records: z.array(documentNumber).optional().meta({ title: '质量记录', description: '本程序使用的质量记录表单编号' }),
  flows: z.array(documentNumber).optional().meta({ title: '相关流程', description: '本程序下属的流程编号' }),
  standards: z.array(documentNumber).optional().meta({ title: '相关标准', description: '本程序依据的标准编号' }),
  externals: z.array(z.string().min(1)).optional().meta({ title: '依据的外来文件', description: '本程序依据的外来文件：content/external/ 中登记的文号或标准号，如 教职成厅〔2015〕2号' }),
  clauses: z.array(clauseRef).optional().meta({ title: '对应条款', description: '本程序实施的要求条款，如 iso9001:7.5.3' }),
});
export type Procedure = z.output<typeof procedureSchema>;
