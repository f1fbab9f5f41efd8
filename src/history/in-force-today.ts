/**
 * 今日在用版本: what every output (site, lists, search, register, PDFs, the whole manual) shows as
 * in force on the build date. The answer is the one `npm run audit -- --at` gives (inForceAt, from
 * Git history): a revision approved for a later date does not replace the version in force before
 * that date, and a document whose first version takes effect later is not 现行 yet.
 */
import { isCalendarDate, localDate } from '../model/calendar-date.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import { parseFile } from '../model/parse-file.ts';
import { validateDocument } from '../model/load.ts';
import { readRepositoryHistory, type RepositoryHistory } from './document-history.ts';
import { gitRunner, readBlobs } from './git.ts';
import { inForceAt } from './point-in-time.ts';

/** 控制状态 as readers meet it on the build date. */
export type ControlState = 'in-force' | 'pending' | 'draft' | 'obsolete';

/** What one document is on the build date, and what it will be. */
export interface ControlDecision {
  state: ControlState;
  /** 现行 / 已批准，待生效（2027-01-04 起） / 草稿 / 作废 */
  label: string;
  /** Whether its page and PDF are the controlled copy (受控): only a version in force. */
  controlled: boolean;
  /**
   * An approved revision that takes effect later, while the version shown is the one in force today
   * (read from Git history). Absent when the working version is the one in force.
   */
  coming?: { version: string; effectiveDate: string; label: string };
  /** The commit the version in force was read from, when it is not the working file. */
  inForceCommit?: string;
}

/** The document set as in force on one date, with the decision for each document. */
export interface InForceToday {
  today: string;
  /** The set with each not-yet-effective revision replaced by the version in force (from Git). */
  set: DocumentSet;
  /** The decision for a document of `set` (or of the working set: same path). */
  decisionOf(doc: ControlledDocument): ControlDecision;
  /** The text of a document of `set`: the working file, or the in-force version's stored text. */
  textOf(doc: ControlledDocument): string;
}

/** 已批准，待生效（2027-01-04 起） */
export function pendingLabel(effectiveDate: string): string {
  return `已批准，待生效（${effectiveDate} 起）`;
}

const labels: Record<Exclude<ControlState, 'pending'>, string> = { 'in-force': '现行', draft: '草稿', obsolete: '作废' };

/**
 * The build date: SHOUKONG_TODAY (YYYY-MM-DD; `--today` of build and pdf sets it) or the machine's
 * local date. One setting for a whole build; the CI templates run in the institution's time zone
 * (TZ=Asia/Shanghai) so that a version takes effect on its day, not eight hours later.
 */
export function buildToday(): string {
  const fixed = process.env.SHOUKONG_TODAY;
  return fixed && isCalendarDate(fixed) ? fixed : localDate();
}

/**
 * The Git history when `root` is the top of its repository. Paths in the log are relative to the top,
 * so a content root inside another repository (a generated set under .cache/) has no history of its own.
 */
export function historyAtTop(root: string): RepositoryHistory {
  if (existsSync(join(root, '.git'))) return readRepositoryHistory(root);
  return { available: false, shallow: false, documents: [], byPath: new Map(), byNumber: new Map(), gitProcesses: 0, notice: `${root} 不是 Git 仓库的根目录，无法给出版本历史；修订记录仍可在各文件页查看。` };
}

/**
 * One history read, and one decision per date, per loaded set: the site, the register and the printer
 * of one build share them (a new set, as in `npm run dev` after an edit, reads again: there may be new
 * commits). Keyed by the set object, which the build hands to the Astro pages as it is.
 */
const memo = new WeakMap<DocumentSet, { history?: RepositoryHistory; inForce: Map<string, InForceToday> }>();

function memoOf(set: DocumentSet): { history?: RepositoryHistory; inForce: Map<string, InForceToday> } {
  let entry = memo.get(set);
  if (!entry) memo.set(set, (entry = { inForce: new Map() }));
  return entry;
}

/** `historyAtTop` of the set's root, read once per set. */
export function sharedHistory(set: DocumentSet): RepositoryHistory {
  const entry = memoOf(set);
  return (entry.history ??= historyAtTop(set.root));
}

/** `inForceToday` of a loaded set on the build date, computed once per set and date. */
export function inForceTodayOf(set: DocumentSet, today = buildToday()): InForceToday {
  const entry = memoOf(set);
  let value = entry.inForce.get(today);
  if (!value) {
    // Git history is read only when some version takes effect after today (rare): a build or a dev
    // reload where every version is in force never waits for it.
    value = inForceToday(set, () => sharedHistory(set), today);
    entry.inForce.set(today, value);
  }
  return value;
}

/**
 * Decides, for every document, what is in force on `today`. A working version that takes effect
 * after `today` is replaced by the version in force from Git history, when there is one; otherwise
 * it stays, marked 已批准，待生效 and not controlled.
 */
export function inForceToday(set: DocumentSet, historyOrRead: RepositoryHistory | (() => RepositoryHistory), today: string): InForceToday {
  let history: RepositoryHistory | undefined;
  let rows: Map<string, ReturnType<typeof inForceAt>[number]> | undefined;
  const rowOf = (path: string) => {
    history ??= typeof historyOrRead === 'function' ? historyOrRead() : historyOrRead;
    rows ??= new Map(history.available ? inForceAt(history, today).map((r) => [r.path, r]) : []);
    return rows.get(path);
  };
  const decisions = new Map<string, ControlDecision>();
  const texts = new Map<string, string>();
  const replacements = new Map<ControlledDocument, ControlledDocument>();
  const wanted: { doc: ControlledDocument; blob: string; commit: string; coming: NonNullable<ControlDecision['coming']> }[] = [];

  for (const doc of set.documents) {
    const { status, effectiveDate, version } = doc.data;
    if (status !== 'effective' || !effectiveDate || effectiveDate <= today) {
      const state: ControlState = status === 'effective' ? 'in-force' : status === 'obsolete' ? 'obsolete' : 'draft';
      decisions.set(doc.path, { state, label: labels[state], controlled: state === 'in-force' });
      continue;
    }
    const pending: ControlDecision = { state: 'pending', label: pendingLabel(effectiveDate), controlled: false };
    decisions.set(doc.path, pending);
    // The version in force today, as `audit --at` finds it; only a stored text can be shown instead.
    const row = rowOf(doc.path);
    const entry = row?.state === 'in-force' && row.version !== version && row.commit ? history!.byPath.get(doc.path)?.versions.find((v) => v.introducedBy?.hash === row.commit) : undefined;
    if (entry?.blob) wanted.push({ doc, blob: entry.blob, commit: row!.commit!, coming: { version: version ?? '', effectiveDate, label: pendingLabel(effectiveDate) } });
  }

  if (wanted.length > 0) {
    const blobs = readBlobs(gitRunner(set.root), wanted.map((w) => w.blob));
    for (const w of wanted) {
      const bytes = blobs.get(w.blob);
      if (!bytes) continue;
      const inForce = validateDocument(parseFile(w.doc.path, bytes));
      // An old text that no longer validates far enough to show stays unshown: the working one is marked pending.
      if (!inForce.data.number || inForce.data.status !== 'effective') continue;
      replacements.set(w.doc, inForce);
      texts.set(w.doc.path, bytes.toString('utf8'));
      decisions.set(w.doc.path, { state: 'in-force', label: labels['in-force'], controlled: true, coming: w.coming, inForceCommit: w.commit });
    }
  }

  const inForceSet: DocumentSet = replacements.size > 0 ? { ...set, documents: set.documents.map((d) => replacements.get(d) ?? d) } : set;
  return {
    today,
    set: inForceSet,
    decisionOf: (doc) => decisions.get(doc.path) ?? { state: 'draft', label: labels.draft, controlled: false },
    textOf: (doc) => texts.get(doc.path) ?? readFileSync(join(set.root, doc.path), 'utf8'),
  };
}
