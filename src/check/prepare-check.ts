/**
 * The inputs of a check (检查), assembled one way for every command that checks: the document set
 * (through the parse cache npm run check shares), the Git history for 待复核引用, the comparison with
 * a base commit for change control, mermaid's verdict on every flowchart and the date. `npm run check`,
 * pdf, export:docx, pack, check-watch, build and the dev preview all go through here, so a finding
 * one of them stops on is the finding `npm run check` prints.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithBase, readBaseApprovals, readBaseDocuments, type ChangeSet } from '../history/change-set.ts';
import { readRepositoryHistory, type RepositoryHistory } from '../history/document-history.ts';
import { gitRunner, repositoryState } from '../history/git.ts';
import { loadDocumentSet, openParseCache, type DocumentSet } from '../model/load.ts';
import { parserVersion } from '../model/parser-version.ts';
import { flowchartSyntaxErrors } from './flowchart-syntax.ts';
import type { CheckOptions } from './run-check.ts';

/** What to read besides the files; each costs time (history: one Git log; flowcharts: mermaid in a child process once per new chart). */
export interface PrepareCheckOptions {
  /** Read Git history, when the root is the top of its work tree (default true). */
  history?: boolean;
  /** Have mermaid parse every flowchart (default true). */
  flowcharts?: boolean;
  /** Compare with this Git commit or branch (变更控制: version raised, revision recorded, …). */
  base?: string;
  /** The date reviews are overdue from (default: the build date, buildToday()). */
  today?: string;
  /** Use and fill the parse cache under .cache/shoukong (default true). */
  cache?: boolean;
  /** Keep each body's syntax tree for the site renderer (the build renders them all next). */
  keepBodyTrees?: boolean;
}

/** A loaded set and everything runCheck(set, options) needs for it. */
export interface PreparedCheck {
  root: string;
  set: DocumentSet;
  /** The second argument of runCheck. */
  options: CheckOptions;
  /** The comparison with `base`, when one was asked for (also used for the change summary and the approval pack). */
  changes?: ChangeSet;
  /** A note for the user (the cache folder cannot be written), or undefined. */
  warning?: string;
}

/** `base` names no commit here (a typo, or a shallow clone in CI). */
export class BaseRefError extends Error {
  /** The reference as given. */
  readonly ref: string;
  /** Git's own words, for a message that quotes them. */
  readonly reason: string;
  constructor(ref: string, reason: string) {
    super(`找不到 Git 提交 "${ref}"：请确认引用名（如 origin/main），并用完整历史克隆（CI 中设置 fetch-depth: 0）`);
    this.ref = ref;
    this.reason = reason;
  }
}

/** Loads the set under `root` and assembles its check inputs; throws BaseRefError for a `base` that is no commit. */
export function prepareCheck(root: string, options: PrepareCheckOptions = {}): PreparedCheck {
  const opened = options.cache === false ? {} : openParseCache(root, parserVersion());
  const set = loadDocumentSet(root, { ...(opened.cache ? { cache: opened.cache } : {}), ...(options.keepBodyTrees ? { keepBodyTrees: true } : {}) });
  opened.cache?.save();
  const changes = options.base === undefined ? undefined : changesSince(root, set, options.base);
  const check = checkInputs(set, { ...options, ...(opened.dir ? { cacheDir: opened.dir } : {}) });
  return { root, set, options: { ...check, ...(changes ? { changes } : {}) }, ...(changes ? { changes } : {}), ...(opened.warning ? { warning: opened.warning } : {}) };
}

/**
 * The check inputs of a set already loaded (the dev preview reloads only the files that changed):
 * history and flowchart verdicts as `prepareCheck` reads them. `cacheDir` is .cache/shoukong of the
 * root, where mermaid's verdicts are kept; without it every flowchart is parsed again.
 */
export function checkInputs(set: DocumentSet, options: Omit<PrepareCheckOptions, 'base' | 'cache' | 'keepBodyTrees'> & { cacheDir?: string }): CheckOptions {
  const history = options.history === false ? undefined : historyAtTopLevel(set.root);
  const flowchartErrors =
    options.flowcharts === false
      ? undefined
      : flowchartSyntaxErrors(
          set.documents.flatMap((d) => d.file.body.mermaid.map((b) => b.code)),
          options.cacheDir ? join(options.cacheDir, 'mermaid-parse') : undefined,
        );
  return { ...(options.today ? { today: options.today } : {}), ...(history ? { history } : {}), ...(flowchartErrors ? { flowchartErrors } : {}) };
}

/** The comparison of the set with the documents at `base`. */
function changesSince(root: string, set: DocumentSet, base: string): ChangeSet {
  const git = gitRunner(root);
  try {
    git.run(['rev-parse', '--verify', '--quiet', `${base}^{commit}`]);
    return compareWithBase(set, readBaseDocuments(git, base), base, readBaseApprovals(git, base));
  } catch (error) {
    throw new BaseRefError(base, (error as Error).message);
  }
}

/** History is read only when the document set is the top of its own Git work tree (not a fixture inside another repository). */
function historyAtTopLevel(root: string): RepositoryHistory | undefined {
  const git = gitRunner(root);
  const state = repositoryState(git);
  if (!state.isRepository || !state.topLevel || realpathSync(state.topLevel) !== realpathSync(root)) return undefined;
  return readRepositoryHistory(root, git, state);
}
