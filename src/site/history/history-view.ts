/**
 * 版本历史页 data: one document's versions from Git (and the revision records older than Git), each
 * with its commit, approver, revision summary, frontmatter changes and a readable body diff.
 * Plain, serialisable data for the thin history-*.astro components.
 */
import { evidenceFor, evidenceShort } from '../../model/approval-evidence.ts';
import { meetingDecisionSchema } from '../../model/schemas/common.ts';
import type { ApprovalRecord } from '../../model/schemas/approvals.ts';
import { pendingLabel, stateOn, type ControlDecision, type ControlState } from '../../history/in-force-today.ts';
import { statusLabels, typeLabels, type DocumentType, type Status } from '../../model/document-types.ts';
import { fieldLabel } from '../../model/field-labels.ts';
import type { CommitRef, DocumentHistory, VersionEntry } from '../../history/document-history.ts';
import { charDiff, type DiffLine } from '../../history/diff.ts';
import { documentPath, slugOf } from '../../render/urls.ts';

/** A commit as the page shows it (提交). */
export interface CommitView {
  hash: string;
  short: string;
  /** YYYY-MM-DD of the author date. */
  date: string;
  author: string;
  subject: string;
}

/** A frontmatter field that changed (文件头变更): 字段: before → after. */
export interface FieldChangeView {
  field: string;
  /** The field's Chinese title from the schema (e.g. 生效日期), or the key itself. */
  label: string;
  before?: string;
  after?: string;
}

/** A piece of a diff line; `changed` marks the characters that differ from the paired line. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/** One line of the body diff (正文变更): added, removed, unchanged context, or a gap of unchanged lines. */
export interface DiffRow {
  kind: DiffLine['kind'];
  parts: DiffPart[];
}

/** One version (版本) on the history page. */
export interface VersionView {
  /** Fragment id on the history page, e.g. v-b-1. */
  anchor: string;
  version: string;
  statusLabel: string;
  effectiveDate: string;
  approvedBy: string;
  /** 批准证据: the merge request approval or the meeting decision; empty when none is recorded. */
  evidence: string;
  /** 修订摘要 from the revision record, with its author and date. */
  summary: string;
  revisionAuthor: string;
  revisionDate: string;
  /** The commit that brought this version in; absent for versions known only from revision records. */
  introducedBy?: CommitView;
  /** Later commits while the document stayed at this version (edits without a new version). */
  edits: CommitView[];
  /** Older than the Git history: known only from the revision records (仅有修订记录). */
  fromRevisionRecords: boolean;
  /** The first version Git saw: nothing to compare with. */
  firstInGit: boolean;
  fieldChanges: FieldChangeView[];
  bodyDiff: DiffRow[];
}

/** Everything the history page of one document shows. */
export interface HistoryPageView {
  number: string;
  title: string;
  typeLabel: string;
  /** The document's own page, e.g. /procedures/jmi-cx-13/. */
  href: string;
  historyHref: string;
  path: string;
  currentVersion: string;
  status?: Status;
  /** What the document is on the build date (现行, 已批准，待生效…), as every page says (in-force-today.ts). */
  state?: { state: ControlState; label: string };
  renames: { from: string; to: string; commit: CommitView }[];
  obsoletedBy?: CommitView;
  lastChange?: CommitView;
  /** Newest first. */
  versions: VersionView[];
}

/** Site path of a document's history page, e.g. /history/jmi-cx-13/. */
export function historyPath(number: string): string {
  return `/history/${slugOf(number)}/`;
}

/** Fragment id of a version on its history page: B/1 → v-b-1. */
export function versionAnchor(version: string): string {
  return `v-${slugOf(version) || 'none'}`;
}

/** Link to one version on the history page, e.g. /history/jmi-cx-13/#v-b-1. */
export function versionHref(number: string, version: string): string {
  return `${historyPath(number)}#${versionAnchor(version)}`;
}

/** The commit as shown: short hash (7), date, author. */
export function commitView(commit: CommitRef): CommitView {
  return { hash: commit.hash, short: commit.hash.slice(0, 7), date: commit.date.slice(0, 10), author: commit.author, subject: commit.subject };
}

/** Builds the history page of one document; `type` falls back to the type recorded in Git. */
export function historyPageView(
  history: DocumentHistory,
  type: DocumentType | undefined = history.type as DocumentType | undefined,
  onDate?: { today: string; decision: ControlDecision },
  approvals: readonly ApprovalRecord[] = [],
): HistoryPageView {
  const number = history.number ?? history.path;
  const last = history.versions.at(-1);
  const firstGit = history.versions.find((v) => !v.fromRevisionRecords);
  const status = last?.status && last.status in statusLabels ? (last.status as Status) : undefined;
  return {
    number,
    title: history.title ?? '',
    typeLabel: type && type in typeLabels ? typeLabels[type] : '',
    href: type && type in typeLabels ? documentPath(type, number) : '',
    historyHref: historyPath(number),
    path: history.path,
    currentVersion: last?.version ?? '',
    ...(status ? { status } : {}),
    ...(onDate ? { state: { state: onDate.decision.state, label: onDate.decision.label } } : {}),
    renames: history.renames.map((r) => ({ from: r.from, to: r.to, commit: commitView(r.commit) })),
    ...(history.obsoletedBy ? { obsoletedBy: commitView(history.obsoletedBy) } : {}),
    ...(history.lastChange ? { lastChange: commitView(history.lastChange) } : {}),
    versions: history.versions.map((v) => versionView(v, type, v === firstGit, onDate?.today, number, approvals)).reverse(),
  };
}

function versionView(v: VersionEntry, type: DocumentType | undefined, firstInGit: boolean, today: string | undefined, number: string, approvals: readonly ApprovalRecord[]): VersionView {
  // The decision as that version's own frontmatter had it; a malformed one counts as none.
  const decision = meetingDecisionSchema.safeParse(v.fields?.raw.decision);
  const evidence = evidenceFor(number, v.version, decision.success ? decision.data : undefined, approvals);
  // An approved version whose date has not come is not 现行 yet, whatever its status field says.
  const pending = today && v.effectiveDate && stateOn(v, today) === 'pending' ? pendingLabel(v.effectiveDate) : undefined;
  const introducedBy = v.introducedBy ? commitView(v.introducedBy) : undefined;
  return {
    anchor: versionAnchor(v.version),
    version: v.version,
    statusLabel: pending ?? (v.status && v.status in statusLabels ? statusLabels[v.status as Status] : (v.status ?? '')),
    effectiveDate: v.effectiveDate ?? '',
    approvedBy: v.approvedBy ?? '',
    evidence: evidence ? evidenceShort(evidence) : '',
    summary: v.revision?.summary ?? '',
    revisionAuthor: v.revision?.author ?? '',
    revisionDate: v.revision?.date ?? '',
    ...(introducedBy ? { introducedBy } : {}),
    edits: v.commits.filter((c) => c.hash !== v.introducedBy?.hash).map(commitView),
    fromRevisionRecords: v.fromRevisionRecords === true,
    firstInGit,
    fieldChanges: (v.fieldChanges ?? []).map((c) => ({ ...c, label: fieldLabel(c.field, type) })),
    bodyDiff: diffRows(v.bodyDiff ?? []),
  };
}

/**
 * Turns diff lines into rows and, where a run of removed lines is followed by as many added lines,
 * marks the characters that differ between each pair (common head and tail left plain), so a
 * one-word change in a long paragraph is visible at a glance.
 */
export function diffRows(lines: readonly DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = lines.map((line) => ({ kind: line.kind, parts: [{ text: line.text, changed: false }] }));
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== 'del') {
      i++;
      continue;
    }
    let dels = i;
    while (dels < lines.length && lines[dels]!.kind === 'del') dels++;
    let adds = dels;
    while (adds < lines.length && lines[adds]!.kind === 'add') adds++;
    if (adds - dels === dels - i) {
      for (let k = 0; k < dels - i; k++) {
        const [before, after] = markChanged(lines[i + k]!.text, lines[dels + k]!.text);
        rows[i + k]!.parts = before;
        rows[dels + k]!.parts = after;
      }
    }
    i = Math.max(adds, i + 1);
  }
  return rows;
}

/** Marks the characters deleted from `a` and inserted into `b` (jsdiff diffChars, see charDiff). */
export function markChanged(a: string, b: string): [DiffPart[], DiffPart[]] {
  const { before, after, common } = charDiff(a, b);
  // Lines that share little are shown as wholly changed: highlighting most of a line helps nobody.
  if (common < Math.min([...a].length, [...b].length) / 3) return [[{ text: a, changed: false }], [{ text: b, changed: false }]];
  return [before, after];
}
