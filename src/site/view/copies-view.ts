/** 纸质受控件 for the site: the verification page of each copy (/verify/<分发号>/) and the 回收清单. */
import { copyStatuses, copySlug, type CopyState } from '../../history/copies.ts';
import type { RepositoryHistory } from '../../history/document-history.ts';
import type { InForceToday } from '../../history/in-force-today.ts';
import type { DocumentSet } from '../../model/load.ts';
import { documentPath } from '../../render/urls.ts';

/** One registered paper copy as its verification page shows it. */
export interface CopyView {
  copy: string;
  slug: string;
  number: string;
  title: string;
  version: string;
  department: string;
  holder: string;
  issued: string;
  /** 回收 or 销毁 date. */
  back: string;
  state: CopyState;
  /** 现行有效 / 已换版（应收回） / 已作废（应收回） / 已收回 */
  label: string;
  /** Whether a reader may work from this copy. */
  valid: boolean;
  /** The version in force today and the page of the current document (or its successor). */
  currentVersion: string;
  currentHref: string;
  recall?: { reason: string; due: string; overdue: boolean };
}

/** Every registered copy, in register order, as of the build date. */
export function copyViews(set: DocumentSet, inForce: InForceToday, history: RepositoryHistory | undefined): CopyView[] {
  const days = set.organization.data?.copies?.recallWorkingDays;
  const successorOf = new Map<string, { number: string; href: string }>();
  for (const doc of inForce.set.documents) {
    for (const old of doc.data.supersedes ?? []) if (doc.type && doc.data.number) successorOf.set(old, { number: doc.data.number, href: documentPath(doc.type, doc.data.number) });
  }
  return copyStatuses(set.distribution?.data, inForce, { ...(days ? { recallWorkingDays: days } : {}), ...(history ? { history } : {}) }).map((s) => {
    const successor = successorOf.get(s.entry.number);
    const own = s.doc?.type ? documentPath(s.doc.type, s.entry.number) : '';
    return {
      copy: s.entry.copy,
      slug: copySlug(s.entry.copy),
      number: s.entry.number,
      title: s.doc?.data.title ?? '',
      version: s.entry.version,
      department: s.entry.department,
      holder: s.entry.holder,
      issued: s.entry.issued,
      back: s.entry.returned ?? s.entry.destroyed ?? '',
      state: s.state,
      label: s.label,
      valid: s.state === 'valid',
      currentVersion: s.currentVersion ?? '',
      currentHref: s.state === 'obsolete' && successor ? successor.href : own,
      ...(s.recall ? { recall: { reason: s.recall.reason, due: s.recall.due ?? '', overdue: s.recall.overdue } } : {}),
    };
  });
}

/** The 回收清单: copies to recall, grouped by department (departments in name order). */
export function recallByDepartment(copies: readonly CopyView[]): { department: string; copies: CopyView[] }[] {
  const groups = new Map<string, CopyView[]>();
  for (const c of copies) if (c.recall) groups.set(c.department, [...(groups.get(c.department) ?? []), c]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh')).map(([department, list]) => ({ department, copies: list.sort((a, b) => a.copy.localeCompare(b.copy)) }));
}
