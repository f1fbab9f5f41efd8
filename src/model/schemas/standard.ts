/** 标准 */
import { z } from 'zod';
import { commonFields } from './common.ts';

/** 标准层面：学校 / 专业 / 课程 / 教师 / 学生 */
export const standardLevels = ['school', 'major', 'course', 'teacher', 'student'] as const;
export const standardLevelLabels: Record<(typeof standardLevels)[number], string> = {
  school: '学校',
  major: '专业',
  course: '课程',
  teacher: '教师',
  student: '学生',
};

export const standardSchema = z.strictObject({
  type: z.literal('standard').meta({ title: '类型', description: '文件类型，标准写 standard' }),
  ...commonFields,
  level: z.enum(standardLevels).meta({ title: '层面', description: '层面：school 学校 / major 专业 / course 课程 / teacher 教师 / student 学生' }),
});
export type Standard = z.output<typeof standardSchema>;
