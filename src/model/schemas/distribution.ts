/**
 * 受控文件发放回收登记：the facts of form JMI/JL/13-02 kept as data (content/copies/distribution.yaml).
 * `npm run copy` appends to it; `check` validates it and warns of copies not recalled in time.
 */
import { z } from 'zod';
import { departmentRef, documentNumber, isoDate } from './common.ts';

/** 一份纸质受控件的发放与回收。 */
export const distributedCopySchema = z.strictObject({
  copy: z.string().regex(/^.+-[A-Za-z0-9]+-\d{3,}$/, '分发号应写成 文件编号-版本-序号，如 JMI/CX/13-B1-007').meta({ title: '分发号', description: '分发号：文件编号-版本（去掉分隔符）-三位序号，如 JMI/CX/13-B1-007' }),
  number: documentNumber.meta({ title: '文件编号', description: '发放的受控文件编号，如 JMI/CX/13' }),
  version: z.string().min(1).meta({ title: '版本', description: '发放时的现行版本，如 B/1' }),
  department: departmentRef.meta({ title: '领用部门', description: '领用部门：organization.yaml 中的部门' }),
  holder: z.string().min(1).meta({ title: '领用人', description: '领用人（持有人）姓名' }),
  issued: isoDate.meta({ title: '领用日期', description: '发放（领用）日期 YYYY-MM-DD' }),
  returned: isoDate.optional().meta({ title: '回收日期', description: '交回质管办的日期 YYYY-MM-DD' }),
  destroyed: isoDate.optional().meta({ title: '销毁日期', description: '确认销毁的日期 YYYY-MM-DD（持有人就地销毁、无法交回时）' }),
  note: z.string().min(1).optional().meta({ title: '备注', description: '用途、去向等说明' }),
});
export type DistributedCopy = z.output<typeof distributedCopySchema>;

/** 发放回收登记表（JMI/JL/13-02 的记录）。 */
export const distributionRegisterSchema = z.strictObject({
  form: documentNumber.optional().meta({ title: '登记表编号', description: '本登记所用的质量记录表单编号，如 JMI/JL/13-02' }),
  copies: z.array(distributedCopySchema).meta({ title: '发放记录', description: '每份纸质受控件一条，按发放顺序排列' }),
});
export type DistributionRegister = z.output<typeof distributionRegisterSchema>;
