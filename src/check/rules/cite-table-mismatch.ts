import type { DocumentType } from '../../model/document-types.ts';
import { fieldLabel, fieldOfLabel } from '../../model/field-labels.ts';
import type { ControlledDocument } from '../../model/load.ts';
import type { DepartmentIndex } from '../../model/organization.ts';
import { inlineRefPattern } from '../../model/body.ts';
import { defineRule, isCurrent, nameOf, placeOf } from '../define-rule.ts';

/** Words before 名称 that make a column the listed documents' titles (记录名称, 制度名称 …); 要素名称 is not one. */
const titleHeader = /^(文件|记录|表单|制度|程序|程序文件|流程|标准|章节|手册章节|质量记录)?名称$/;

/** The first [[编号]] of a cell: the body's pattern without its global flag, so it keeps no lastIndex between cells. */
const refInCell = new RegExp(inlineRefPattern.source);

/** The field a column header names for a target of `type`: its schema title, or 文件名称-like headers for the title. */
function fieldOfHeader(header: string, type: DocumentType): string | undefined {
  const text = header.replace(/[*_`\s]/g, '');
  if (titleHeader.test(text)) return 'title';
  const field = fieldOfLabel(text, type);
  return field && ['version', 'keeper', 'retention', 'owners', 'effectiveDate', 'status', 'title', 'issuedAs', 'post'].includes(field) ? field : undefined;
}

/** What the document holds for a field, as comparable strings (departments resolved to their id). */
function valuesOf(doc: ControlledDocument, field: string, departments: DepartmentIndex | undefined): string[] | undefined {
  const value = (doc.data as Record<string, unknown>)[field];
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  return field === 'owners' || field === 'keeper' ? list.map((d) => canonical(d, departments)) : list;
}

function canonical(department: string, departments: DepartmentIndex | undefined): string {
  const found = departments?.resolve(department);
  return found?.kind === 'department' ? found.department.id : found?.kind === 'group' ? `group:${found.id}` : department;
}

/**
 * cite/table-mismatch: a body table that lists documents (a cell holds [[编号]]) shows, in a column
 * named after a field (记录名称, 版本, 保管部门, 保存期限, 牵头部门 …), a value that document does not hold.
 */
export default defineRule({
  id: 'cite/table-mismatch',
  severity: 'error',
  description: '正文表格中列出文件时，名称、版本、保管部门、保存期限等列须与被列文件的文件头一致',
  run({ set, graph, departments, report }) {
    for (const doc of set.documents) {
      if (!isCurrent(doc)) continue; // frozen as issued
      for (const table of doc.file.body.tables) {
        const [header, ...rows] = table.rows;
        if (!header) continue;
        for (const row of rows) {
          const refCell = row.cells.findIndex((cell) => refInCell.test(cell.text));
          if (refCell < 0) continue;
          const number = refInCell.exec(row.cells[refCell]!.text)![1]!.trim();
          const target = graph.byNumber.get(number);
          if (!target?.type || target.file.yamlProblems.length > 0) continue;
          row.cells.forEach((cell, i) => {
            if (i === refCell || !header.cells[i]) return;
            const field = fieldOfHeader(header.cells[i]!.text, target.type!);
            const expected = field && valuesOf(target, field, departments);
            if (!field || !expected) return;
            const written = cell.text.replace(/[*_`]/g, '').trim();
            if (!written) return;
            const parts = field === 'owners' ? written.split(/[、，,\s]+/).filter(Boolean) : [written.replace(/^《(.*)》$/, '$1')];
            const actual = field === 'owners' || field === 'keeper' ? parts.map((d) => canonical(d, departments)) : parts;
            if (actual.length === expected.length && actual.every((v) => expected.includes(v))) return;
            const shown = ((doc2: ControlledDocument) => {
              const v = (doc2.data as Record<string, unknown>)[field];
              return Array.isArray(v) ? v.join('、') : String(v);
            })(target);
            report(
              doc.path,
              cell.span,
              `表格中 ${number} 的“${header.cells[i]!.text}”写的是“${written}”，而该文件的${fieldLabel(field, target.type)}是“${shown}”：请改为“${shown}”；若应以本表为准，请先修改 ${number} 的文件头`,
              { file: target.path, span: placeOf(target, field), message: `${nameOf(target)} 的${fieldLabel(field, target.type)}在这里` },
            );
          });
        }
      }
    }
  },
});
