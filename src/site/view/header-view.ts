/** 文件头 of a document page: the shared header rows (document-header.ts) with the links a page adds. */
import { documentHeader, type HeaderRow } from '../../history/document-header.ts';
import type { ControlDecision } from '../../history/in-force-today.ts';
import type { ControlledDocument } from '../../model/load.ts';
import type { DepartmentIndex } from '../../model/organization.ts';
import { departmentPath } from '../../render/urls.ts';
import type { DocLink } from './links.ts';

/** One header row as the page shows it: the row's text, or its departments or document as links. */
export interface HeaderRowView {
  field: string;
  label: string;
  text: string;
  /** Department rows: each department by its full name, linked to its page (a group has no page). */
  departments?: { name: string; href?: string }[];
  /** 所属程序: the document, linked. */
  doc?: DocLink;
}

/** The page's header: control rows, then 编制 / 审核 / 批准 (empty for 外来文件). */
export interface HeaderView {
  rows: HeaderRowView[];
  signatures: HeaderRowView[];
}

/** The header of a document page, the same rows as its PDF and Word copy. */
export function headerView(doc: ControlledDocument, decision: ControlDecision, departments: DepartmentIndex | undefined, resolved: (number: string) => DocLink | undefined): HeaderView {
  const header = documentHeader(doc, { decision, departments, titleOf: (number) => resolved(number)?.title });
  const view = ({ field, label, text, departments: shown, ref }: HeaderRow): HeaderRowView => {
    const linked = ref ? resolved(ref) : undefined;
    return {
      field,
      label,
      text,
      ...(shown?.length ? { departments: shown.map((d) => ({ name: d.name, ...(d.id ? { href: departmentPath(d.id) } : {}) })) } : {}),
      ...(linked ? { doc: linked } : {}),
    };
  };
  return { rows: header.rows.map(view), signatures: header.signatures.map(view) };
}
