/**
 * 文件头: the rows of a document's header (编号、版本、状态、生效日期 … 编制、审核、批准) in order, with
 * labels from the schema (fieldLabel) and values as text. The site page, the PDF title block and the
 * Word copy all render these rows, so what one shows the others show, and a label renamed in the
 * schema changes in all three. It lives here because the 状态 row is the in-force decision
 * (in-force-today.ts), not the status field.
 */
import type { DocumentType } from '../model/document-types.ts';
import { fieldLabel } from '../model/field-labels.ts';
import type { ControlledDocument } from '../model/load.ts';
import { departmentShown, type DepartmentIndex } from '../model/organization.ts';
import { manualPartLabels } from '../model/schemas/manual-section.ts';
import { standardLevelLabels } from '../model/schemas/standard.ts';
import { statusLabelOf, type ControlDecision } from './in-force-today.ts';

/** A department as a header row shows it: its full name, and its id when it is one department (not a group). */
export interface HeaderDepartment {
  name: string;
  id?: string;
}

/** One row of the header: a frontmatter field, its label and its value. */
export interface HeaderRow {
  /** The frontmatter key (effectiveDate). */
  field: string;
  /** The field's title from the schema (生效日期). */
  label: string;
  /** The value as plain text; — when empty. */
  text: string;
  /** Set for department fields: the departments the text names, in order (the site links them). */
  departments?: HeaderDepartment[];
  /** Set for a reference to another document: its number (the site links it). */
  ref?: string;
  /** A list of departments, printed across the whole width of the table. */
  wide?: boolean;
}

/** The header of one document. */
export interface DocumentHeader {
  /** 控制字段: number, version, status, effective date, departments and the type's own fields. */
  rows: HeaderRow[];
  /** 编制 / 审核 / 批准 (empty for 外来文件, which are not approved here). */
  signatures: HeaderRow[];
}

/** What the header needs besides the document. */
export interface HeaderInputs {
  /** What the document is on the build or print date (its 状态 row). */
  decision: Pick<ControlDecision, 'state' | 'label'>;
  /** The organisation's departments, to show full names; undefined shows references as written. */
  departments: DepartmentIndex | undefined;
  /** The title of a referenced document, when it exists (所属程序 shows 编号《名称》). */
  titleOf(number: string): string | undefined;
}

/** Shown for an empty value, on every output. */
export const emptyValue = '—';

/** 协作部门 written as `all`. */
export const allDepartments = '所有受控部门';

/** The header rows of a document that has a type, in the order every output shows them. */
export function documentHeader(doc: ControlledDocument, inputs: HeaderInputs): DocumentHeader {
  const d = doc.data;
  const type = doc.type!;
  const row = (field: string, value: string | undefined, extra: Partial<HeaderRow> = {}): HeaderRow => ({ field, label: fieldLabel(field, type), text: value || emptyValue, ...extra });
  const departments = (field: string, refs: readonly string[] | 'all' | undefined, wide = true): HeaderRow => {
    if (refs === 'all') return row(field, allDepartments, { departments: [], wide });
    const shown = (refs ?? []).map((ref): HeaderDepartment => {
      const { name, department } = departmentShown(inputs.departments, ref);
      return department ? { name, id: department.id } : { name };
    });
    return row(field, shown.map((s) => s.name).join('、'), { departments: shown, ...(wide ? { wide } : {}) });
  };

  if (type === 'external') {
    return {
      rows: [
        row('number', d.number),
        row('issuer', d.issuer),
        // 现行有效, or 已废止 also once its 废止日期 has come: as the lists and the register say it.
        row('status', d.status ? statusLabelOf(doc, inputs.decision) : undefined),
        row('issuedDate', d.issuedDate),
        // 不写实施日期 means it took effect when issued.
        row('effectiveDate', d.effectiveDate || d.issuedDate),
        row('withdrawnDate', d.withdrawnDate),
        ...(d.replacedBy ? [row('replacedBy', d.replacedBy)] : []),
        departments('departments', d.departments),
        departments('owners', d.owners),
        row('registeredDate', d.registeredDate),
      ],
      signatures: [],
    };
  }

  const rows = [
    row('number', d.number),
    row('version', d.version),
    row('status', statusLabelOf(doc, inputs.decision)),
    row('effectiveDate', d.effectiveDate),
    departments('owners', d.owners),
    departments('cooperating', d.cooperating ?? []),
    ...typeRows(doc.type!, d, inputs, row, departments),
  ];
  return { rows, signatures: [row('preparedBy', d.preparedBy), row('reviewedBy', d.reviewedBy), row('approvedBy', d.approvedBy)] };
}

/** The fields only some types have (所属部分、所属程序、保管部门、保存期限、发文字号、层面), when written. */
function typeRows(
  type: DocumentType,
  d: ControlledDocument['data'],
  inputs: HeaderInputs,
  row: (field: string, value: string | undefined, extra?: Partial<HeaderRow>) => HeaderRow,
  departments: (field: string, refs: readonly string[] | undefined, wide: boolean) => HeaderRow,
): HeaderRow[] {
  const rows: HeaderRow[] = [];
  if (type === 'manual-section' && d.part) rows.push(row('part', manualPartLabels[d.part]));
  if (d.procedure) {
    const title = inputs.titleOf(d.procedure);
    rows.push(row('procedure', title ? `${d.procedure}《${title}》` : d.procedure, { ref: d.procedure }));
  }
  if (type === 'record' && d.keeper) rows.push(departments('keeper', [d.keeper], false));
  if (type === 'record' && d.retention) rows.push(row('retention', d.retention));
  if (type === 'regulation' && d.issuedAs) rows.push(row('issuedAs', d.issuedAs));
  if (type === 'standard' && d.level) rows.push(row('level', standardLevelLabels[d.level]));
  return rows;
}
