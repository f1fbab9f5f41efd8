/**
 * Links between views: a document or department as a reader meets it in a list, a panel or a matrix
 * cell, and text with [[编号]] references turned into links.
 */
import type { DocumentType, Status } from '../../model/document-types.ts';
import type { ControlledDocument } from '../../model/load.ts';
import type { DepartmentIndex } from '../../model/organization.ts';
import type { Department } from '../../model/schemas/organization.ts';
import { inlineRefPattern } from '../../model/body.ts';
import { compareNumbers } from '../../model/number-order.ts';
import { departmentPath, documentPath } from '../../render/urls.ts';

/** A link to a document with what a reader needs to choose it. */
export interface DocLink {
  number: string;
  title: string;
  href: string;
  type: DocumentType;
  status: Status;
}

/** A link to a department page. */
export interface DeptLink {
  id: string;
  name: string;
  shortName: string;
  href: string;
}

/** Text with references: a reference is shown as 编号《标题》, or as its label when written [[编号|显示文字]], as in the body. */
export type RichText = (string | (DocLink & { label?: string }))[];

/** The link to a published document (one with a type, number, title and status). */
export function docLink(doc: ControlledDocument): DocLink {
  const number = doc.data.number!;
  return { number, title: doc.data.title!, href: documentPath(doc.type!, number), type: doc.type!, status: doc.data.status! };
}

/** The link to a department's page. */
export function deptLink(d: Department): DeptLink {
  return { id: d.id, name: d.name, shortName: d.shortName, href: departmentPath(d.id) };
}

/** A name that is no department of organization.yaml: shown as written, without a page. */
const emptyDept = (name: string): DeptLink => ({ id: '', name, shortName: name, href: '' });

/** The departments a reference names: one department, a group's members, or the name as written. */
export function resolveDepartments(index: DepartmentIndex | undefined, ref: string): DeptLink[] {
  const found = index?.resolve(ref);
  if (!found) return [emptyDept(ref)];
  return found.kind === 'department' ? [deptLink(found.department)] : found.members.map(deptLink);
}

/** Splits text with [[编号]] references into text and links. */
export function richText(text: string, resolve: (number: string) => DocLink | undefined): RichText {
  const parts: RichText = [];
  let last = 0;
  for (const match of text.matchAll(inlineRefPattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const target = resolve(match[1]!.trim());
    const label = match[2]?.trim();
    parts.push(target ? { ...target, ...(label ? { label } : {}) } : match[0]);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Links without repeats, first one kept (a document cited twice is listed once). */
export function uniqueLinks(links: DocLink[]): DocLink[] {
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.number) && seen.add(l.number));
}

/** Links ordered by document number. */
export function sortLinks(links: DocLink[]): DocLink[] {
  return [...links].sort((a, b) => compareNumbers(a.number, b.number));
}

/** The bare link of a document view. */
export function linkOfView(d: DocLink): DocLink {
  return { number: d.number, title: d.title, href: d.href, type: d.type, status: d.status };
}
