/** 制度：程序文件的支持性文件，与程序一一对应。 */
import { z } from 'zod';
import { commonFields } from './common.ts';

export const regulationSchema = z.strictObject({
  type: z.literal('regulation').meta({ title: '类型', description: '文件类型，制度写 regulation' }),
  ...commonFields,
  issuedAs: z.string().min(1).optional().meta({ title: '发文字号', description: '印发时的发文字号，如 江海院〔2019〕12号' }),
});
export type Regulation = z.output<typeof regulationSchema>;
