/**
 * 纸质受控件 (numbered controlled copies): their numbers, what each one is today (现行有效, 已换版,
 * 已作废, 已收回) and which must be recalled by when (JMI/CX/13 4.2.7–4.2.8, ISO 9001 7.5.3.2).
 * What is current is the in-force decision of the build date (in-force-today.ts), never re-derived.
 */
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import type { DistributedCopy, DistributionRegister } from '../model/schemas/distribution.ts';
import type { RepositoryHistory } from './document-history.ts';
import type { InForceToday } from './in-force-today.ts';
import { toCsv } from './csv.ts';
import { copyFieldLabel, fieldLabel } from '../model/field-labels.ts';

/** 回收期限的默认值：JMI/CX/13 规定 10 个工作日。 */
export const defaultRecallWorkingDays = 10;

/** The version as it appears in a 分发号: B/1 → B1, 1.0 → 10. */
export function versionCode(version: string): string {
  return version.replace(/[^A-Za-z0-9]/g, '');
}

/** 分发号：文件编号-版本-序号，如 JMI/CX/13-B1-007. */
export function copyNumber(number: string, version: string, sequence: number): string {
  return `${number}-${versionCode(version)}-${String(sequence).padStart(3, '0')}`;
}

/** The next free sequence for copies of one version of a document. */
export function nextCopySequence(copies: readonly DistributedCopy[], number: string, version: string): number {
  const prefix = `${number}-${versionCode(version)}-`;
  const used = copies.filter((c) => c.copy.startsWith(prefix)).map((c) => Number(c.copy.slice(prefix.length)));
  return Math.max(0, ...used.filter(Number.isFinite)) + 1;
}

/** Path segment of a copy's verification page: JMI/CX/13-B1-007 → jmi-cx-13-b1-007. */
export function copySlug(copy: string): string {
  return copy.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '');
}

/** Site path of a copy's verification page (核验页), e.g. /verify/jmi-cx-13-b1-007/. */
export function verifyPath(copy: string): string {
  return `/verify/${copySlug(copy)}/`;
}

/** `date` plus `days` working days (Monday to Friday; the calendar of holidays is not known here). */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/** 纸质件状态 */
export type CopyState = 'valid' | 'superseded' | 'obsolete' | 'returned' | 'destroyed';

export const copyStateLabels: Record<CopyState, string> = {
  valid: '现行有效',
  superseded: '已换版（应收回）',
  obsolete: '已作废（应收回）',
  returned: '已收回',
  destroyed: '已收回（已销毁）',
};

/** One registered copy as it stands on the build date. */
export interface CopyStatus {
  entry: DistributedCopy;
  /** Its place in the register (index in `copies`), for positions in messages. */
  index: number;
  state: CopyState;
  label: string;
  /** The document as in force today, when its number is known. */
  doc?: ControlledDocument;
  /** The version in force today (what a holder should have instead). */
  currentVersion?: string;
  /** For a copy to recall: since when, and by when (after the recall period in working days). */
  recall?: { since?: string; due?: string; overdue: boolean; reason: string };
}

/**
 * What every registered copy is on `inForce.today`: still valid, of a replaced version or an obsolete
 * document (to recall), or back. A recall runs from the day the new version took effect, or the day
 * the document was made obsolete (its successor's effective date, else the commit that made it so).
 */
export function copyStatuses(register: DistributionRegister | undefined, inForce: Pick<InForceToday, 'set' | 'today' | 'decisionOf'>, options: { recallWorkingDays?: number; history?: RepositoryHistory } = {}): CopyStatus[] {
  if (!register) return [];
  const days = options.recallWorkingDays ?? defaultRecallWorkingDays;
  const byNumber = new Map<string, ControlledDocument>();
  for (const doc of inForce.set.documents) if (doc.data.number && !byNumber.has(doc.data.number)) byNumber.set(doc.data.number, doc);
  const successorOf = successors(inForce.set);
  return register.copies.map((entry, index): CopyStatus => {
    const doc = byNumber.get(entry.number);
    const base = { entry, index, ...(doc ? { doc } : {}) };
    if (entry.destroyed) return { ...base, state: 'destroyed', label: copyStateLabels.destroyed };
    if (entry.returned) return { ...base, state: 'returned', label: copyStateLabels.returned };
    if (!doc) return { ...base, state: 'valid', label: copyStateLabels.valid };
    const decision = inForce.decisionOf(doc);
    const recallOf = (since: string | undefined, reason: string) => {
      const due = since ? addWorkingDays(since, days) : undefined;
      return { ...(since ? { since } : {}), ...(due ? { due } : {}), overdue: !!due && due < inForce.today, reason };
    };
    if (decision.state === 'obsolete' || doc.data.status === 'obsolete') {
      const successor = successorOf.get(entry.number);
      const since = successor?.data.effectiveDate ?? options.history?.byPath.get(doc.path)?.obsoletedBy?.date.slice(0, 10);
      return { ...base, state: 'obsolete', label: copyStateLabels.obsolete, recall: recallOf(since, successor ? `已作废，由 ${successor.data.number} 代替` : '文件已作废') };
    }
    const current = doc.data.version;
    if (decision.state === 'in-force' && current && current !== entry.version) {
      return { ...base, state: 'superseded', label: copyStateLabels.superseded, currentVersion: current, recall: recallOf(doc.data.effectiveDate, `已换版为 ${current}`) };
    }
    return { ...base, state: 'valid', label: copyStateLabels.valid, ...(current ? { currentVersion: current } : {}) };
  });
}

/** Copies still out that must come back (回收清单). */
export function recallItems(statuses: readonly CopyStatus[]): CopyStatus[] {
  return statuses.filter((s) => s.recall);
}

/** Obsolete number → the document that supersedes it. */
function successors(set: DocumentSet): Map<string, ControlledDocument> {
  const map = new Map<string, ControlledDocument>();
  for (const doc of set.documents) for (const old of doc.data.supersedes ?? []) if (!map.has(old)) map.set(old, doc);
  return map;
}

/** Columns of the 回收清单 (audit --recall, its CSV and the site page). */
export const recallColumns = [...(['department', 'copy', 'number'] as const).map(copyFieldLabel), fieldLabel('title'), ...(['version', 'holder', 'issued'] as const).map(copyFieldLabel), '状态', '原因', '应收回日期', '逾期'];

/** One row of the 回收清单 per copy to recall, ordered by department, then 分发号. */
export function recallRows(statuses: readonly CopyStatus[]): string[][] {
  return recallItems(statuses)
    .map((s) => [s.entry.department, s.entry.copy, s.entry.number, s.doc?.data.title ?? '', s.entry.version, s.entry.holder, s.entry.issued, s.label, s.recall!.reason, s.recall!.due ?? '', s.recall!.overdue ? '是' : ''])
    .sort((a, b) => a[0]!.localeCompare(b[0]!, 'zh') || a[1]!.localeCompare(b[1]!));
}

/** The 回收清单 as CSV (Excel opens it directly). */
export function recallCsv(statuses: readonly CopyStatus[]): string {
  return toCsv(recallColumns, recallRows(statuses));
}
