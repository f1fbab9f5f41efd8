/**
 * 今日在用版本: what every output (site, lists, search, register, PDFs, the whole manual) shows as
 * in force on the build date. The answer is the one `npm run audit -- --at` gives (inForceAt, from
 * Git history): a revision approved for a later date does not replace the version in force before
 * that date, and a document whose first version takes effect later is not 现行 yet.
 */
import { isCalendarDate, localDate } from '../model/calendar-date.ts';
import { externalStatusLabels, statusLabels } from '../model/document-types.ts';
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

/** The names of the states (现行 / 已批准，待生效 / 草稿 / 作废): the status field's names, and one for a version approved for later. */
export const controlStateLabels: Record<ControlState, string> = {
  'in-force': statusLabels.effective,
  pending: '已批准，待生效',
  draft: statusLabels.draft,
  obsolete: statusLabels.obsolete,
};

/** 已批准，待生效（2027-01-04 起） */
export function pendingLabel(effectiveDate: string): string {
  return `${controlStateLabels.pending}（${effectiveDate} 起）`;
}

/** The decision for a state that no later version changes. */
function decisionIn(state: ControlState): ControlDecision {
  return { state, label: controlStateLabels[state], controlled: state === 'in-force' };
}

/**
 * 控制状态 of one version by its own fields on `today`: an effective version is in force from its
 * effective date (without one, from its status alone: status/effective-incomplete reports it) and
 * pending before; an external document (外来文件) is obsolete from its withdrawn date (废止日期) on,
 * whatever its status still says; draft and obsolete are what they say (any other status, as an old
 * version in Git may hold, is a draft). inForceToday may then show an earlier version from Git
 * history in place of a pending one.
 */
export function stateOn(fields: { status?: string | undefined; effectiveDate?: string | undefined; withdrawnDate?: string | undefined }, today: string): ControlState {
  const { status, effectiveDate, withdrawnDate } = fields;
  if (status === 'effective' && withdrawnDate && withdrawnDate <= today) return 'obsolete';
  if (status === 'effective') return effectiveDate && effectiveDate > today ? 'pending' : 'in-force';
  return status === 'obsolete' ? 'obsolete' : 'draft';
}

/**
 * The status as lists and the register show it: a 外来文件 is not approved here, so it is 现行有效 or
 * 已废止 (also once its withdrawn date has come), never a 受控 version; any other document shows the
 * decision's label.
 */
export function statusLabelOf(doc: ControlledDocument, decision: Pick<ControlDecision, 'state' | 'label'>): string {
  if (doc.type !== 'external' || !doc.data.status) return decision.label;
  return externalStatusLabels[decision.state === 'obsolete' ? 'obsolete' : doc.data.status];
}

/**
 * The decision from the status field alone, dates aside (no status reads as a draft): for outputs
 * given no build date and no decisions (a site model or a print context built in a test, one file
 * printed on its own).
 */
export function statusDecision(doc: ControlledDocument): ControlDecision {
  return decisionIn(stateOn({ status: doc.data.status }, ''));
}

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
    const { effectiveDate, version } = doc.data;
    const state = stateOn(doc.data, today);
    if (state !== 'pending' || !effectiveDate) {
      decisions.set(doc.path, decisionIn(state));
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
      decisions.set(w.doc.path, { state: 'in-force', label: controlStateLabels['in-force'], controlled: true, coming: w.coming, inForceCommit: w.commit });
    }
  }

  const inForceSet: DocumentSet = replacements.size > 0 ? { ...set, documents: set.documents.map((d) => replacements.get(d) ?? d) } : set;
  return {
    today,
    set: inForceSet,
    decisionOf: (doc) => decisions.get(doc.path) ?? decisionIn('draft'),
    textOf: (doc) => texts.get(doc.path) ?? readFileSync(join(set.root, doc.path), 'utf8'),
  };
}
