/**
 * 某日在用版本 on the site: the data embedded in the audit page (each document's versions with their
 * effective periods), the preset dates built as static pages, and the CSV/JSON exports.
 *
 * The browser answers a date with public/audit.js from the periods; the static pages and exports use
 * `inForceAt` itself. Both give the same answer (test/site/history-audit.test.ts checks every date
 * where the answer can change):
 * - a version is in force from its effective date until the next version's effective date
 *   (versions sorted by effective date; of two with the same date the later one in history wins,
 *   the earlier gets an empty period);
 * - a document that is obsolete now is 已作废 from `obsoleteSince` (its successor's effective date,
 *   or the day it was marked obsolete in Git) and shows the last version that was in force;
 * - before its first effective date a document is 尚未生效.
 */
import type { RepositoryHistory } from '../../history/document-history.ts';
import { inForceAt, inForceStateLabels, sourceLabels, type InForceRow } from '../../history/point-in-time.ts';
import { typeLabels, type DocumentType } from '../../model/document-types.ts';
import { documentPath } from '../../render/urls.ts';
import { historyPath, versionAnchor } from './history-view.ts';

/** One version with its effective period [from, until) (在用期间). */
export interface AuditVersion {
  version: string;
  from: string;
  /** The next version's effective date; absent while this version is the latest. */
  until?: string;
  approvedBy?: string;
  source: 'git' | 'revision-records';
  /** Full hash of the commit that brought the version in. */
  commit?: string;
  anchor: string;
}

/** One document in the embedded data. */
export interface AuditDocument {
  number: string;
  title: string;
  typeLabel: string;
  /** The document's page, when it is published. */
  href?: string;
  historyHref?: string;
  versions: AuditVersion[];
  /** Only for documents obsolete now: the date from which they count as 已作废. */
  obsoleteSince?: string;
  successor?: string;
  successorHref?: string;
}

/** Whether a document number has pages on this site (document page and history page). */
export type Published = (number: string) => { type: DocumentType } | undefined;

/** The documents with their effective periods, ordered by number like `inForceAt`. */
export function auditDocuments(history: RepositoryHistory, published: Published): AuditDocument[] {
  // At the end of time every document obsolete now shows as obsolete, with its date and successor.
  const final = new Map(inForceAt(history, '9999-12-31').map((r) => [r.number, r]));
  const out: AuditDocument[] = [];
  for (const doc of history.documents) {
    if (!doc.number || doc.deletedBy) continue;
    const effective = doc.versions
      .filter((v) => v.effectiveDate && (v.status === 'effective' || v.status === 'obsolete'))
      .map((v, order) => ({ v, order }))
      .sort((a, b) => (a.v.effectiveDate! < b.v.effectiveDate! ? -1 : a.v.effectiveDate! > b.v.effectiveDate! ? 1 : a.order - b.order))
      .map(({ v }) => v);
    const versions: AuditVersion[] = effective.map((v, i) => {
      const next = effective[i + 1]?.effectiveDate;
      return {
        version: v.version,
        from: v.effectiveDate!,
        ...(next ? { until: next } : {}),
        ...(v.approvedBy ? { approvedBy: v.approvedBy } : {}),
        source: v.fromRevisionRecords ? 'revision-records' : 'git',
        ...(v.introducedBy ? { commit: v.introducedBy.hash } : {}),
        anchor: versionAnchor(v.version),
      };
    });
    const end = final.get(doc.number);
    const page = published(doc.number);
    const successorPage = end?.successor ? published(end.successor) : undefined;
    out.push({
      number: doc.number,
      title: doc.title ?? '',
      typeLabel: doc.type && doc.type in typeLabels ? typeLabels[doc.type as DocumentType] : '',
      ...(page ? { href: documentPath(page.type, doc.number), historyHref: historyPath(doc.number) } : {}),
      versions,
      ...(end?.state === 'obsolete' && end.obsoleteSince ? { obsoleteSince: end.obsoleteSince } : {}),
      ...(end?.state === 'obsolete' && end.successor ? { successor: end.successor } : {}),
      ...(end?.state === 'obsolete' && successorPage ? { successorHref: documentPath(successorPage.type, end.successor!) } : {}),
    });
  }
  return out.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/**
 * Dates built as static pages (for readers without JavaScript and for the exports): the first day
 * of every year from the earliest effective date to today, the same day a year ago, and today.
 */
export function presetDates(documents: readonly AuditDocument[], today: string): string[] {
  const firstYear = Math.min(...documents.flatMap((d) => d.versions.map((v) => Number(v.from.slice(0, 4)))), Number(today.slice(0, 4)));
  const dates = new Set<string>();
  for (let year = firstYear; year <= Number(today.slice(0, 4)); year++) dates.add(`${year}-01-01`);
  dates.add(oneYearBefore(today));
  dates.add(today);
  return [...dates].filter((d) => d <= today).sort();
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function oneYearBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const rest = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${year}${rest}`;
}

/** Where a row's answer comes from, as shown: Git 历史 or 修订记录. */
/** One row of the point-in-time table as rendered (the same cells public/audit.js renders). */
export interface AuditRowView {
  number: string;
  title: string;
  href?: string;
  state: InForceRow['state'];
  stateLabel: string;
  version?: string;
  /** The version on the history page. */
  versionHref?: string;
  effectiveDate?: string;
  approvedBy?: string;
  sourceLabel: string;
  commit?: string;
  obsoleteSince?: string;
  successor?: string;
  successorHref?: string;
}

/** The rows of `inForceAt` with the site's links. */
export function auditRowViews(rows: readonly InForceRow[], documents: readonly AuditDocument[]): AuditRowView[] {
  const byNumber = new Map(documents.map((d) => [d.number, d]));
  return rows.map((r) => {
    const doc = byNumber.get(r.number);
    const anchor = r.version ? doc?.versions.find((v) => v.version === r.version)?.anchor : undefined;
    return {
      number: r.number,
      title: r.title,
      ...(doc?.href ? { href: doc.href } : {}),
      state: r.state,
      stateLabel: inForceStateLabels[r.state],
      ...(r.version ? { version: r.version } : {}),
      ...(doc?.historyHref && anchor ? { versionHref: `${doc.historyHref}#${anchor}` } : {}),
      ...(r.effectiveDate ? { effectiveDate: r.effectiveDate } : {}),
      ...(r.approvedBy ? { approvedBy: r.approvedBy } : {}),
      sourceLabel: sourceLabels[r.source],
      ...(r.commit ? { commit: r.commit.slice(0, 7) } : {}),
      ...(r.obsoleteSince ? { obsoleteSince: r.obsoleteSince } : {}),
      ...(r.successor ? { successor: r.successor } : {}),
      ...(doc?.successorHref ? { successorHref: doc.successorHref } : {}),
    };
  });
}

/** Counts of 现行 / 已作废 / 尚未生效 in a table. */
export function stateCounts(rows: readonly { state: InForceRow['state'] }[]): Record<InForceRow['state'], number> {
  const counts = { 'in-force': 0, obsolete: 0, 'not-yet': 0 };
  for (const r of rows) counts[r.state]++;
  return counts;
}
