/** The layer lists (受控文件清单) the site publishes, and how rows are filtered for them. */
import type { DocumentType } from '../../model/document-types.ts';
import { compareNumbers } from '../../model/number-order.ts';
import { isCurrentRow, type ListRow } from './document.ts';

/** One list page: its path segment, heading and the types it holds. */
export interface ListDefinition {
  slug: string;
  title: string;
  description: string;
  types: DocumentType[];
}

/** 质量手册 / 程序文件 / 知识库（流程、标准、制度）/ 质量记录 */
export const listDefinitions: ListDefinition[] = [
  { slug: 'manual', title: '质量手册', description: '质量方针和质量目标、管理者承诺、组织架构与体系要素描述。', types: ['manual-section'] },
  { slug: 'procedures', title: '程序文件', description: '规定各项业务“做什么、谁来做、依据什么”的程序文件。', types: ['procedure'] },
  { slug: 'knowledge', title: '知识库', description: '流程、标准和制度：程序文件的展开与支持性文件。', types: ['flow', 'standard', 'regulation'] },
  { slug: 'flows', title: '流程', description: '各程序下属的业务流程，含业务概述表和流程图。', types: ['flow'] },
  { slug: 'standards', title: '标准', description: '学校、专业、课程、教师、学生五个层面的质量标准。', types: ['standard'] },
  { slug: 'regulations', title: '制度', description: '程序文件的支持性文件（制度库）。', types: ['regulation'] },
  { slug: 'records', title: '质量记录', description: '体系运行中填写的表单模板。', types: ['record'] },
  { slug: 'external', title: '外来文件', description: '学校执行但不由学校编写的文件：上级主管部门文件、国家与行业标准、国际标准，由质管办登记并跟踪其有效性。', types: ['external'] },
];

/** Current rows of the given types (not obsolete on the build date: a 外来文件 past its 废止日期 is not), ordered by number. */
export function rowsOfList(rows: readonly ListRow[], types: readonly DocumentType[]): ListRow[] {
  return rows.filter((r) => types.includes(r.type) && isCurrentRow(r)).sort((a, b) => compareNumbers(a.number, b.number));
}

/** Obsolete rows for the archive (作废文件), ordered by number. */
export function archiveRows(rows: readonly ListRow[]): ListRow[] {
  return rows.filter((r) => !isCurrentRow(r)).sort((a, b) => compareNumbers(a.number, b.number));
}
