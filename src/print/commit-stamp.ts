/** The Git commit a PDF is built from, printed small on every page so a paper copy can be traced. */
import { execFileSync } from 'node:child_process';

/** The commit read once per run, and which content files differ from it. */
export interface CommitStamp {
  /** Stamp for the whole run: “构建 3f2a9c1”, with “ 未提交” when any content file has changes. */
  overall: string;
  /** True when that file differs from the commit (or is not committed at all). */
  dirty(path: string): boolean;
  /** The stamp with or without 未提交 (a file's own: `stamp(dirty(path))`). */
  stamp(uncommitted: boolean): string;
  /** The file's bytes at the commit, or undefined when it is not there (or there is no Git). */
  committed(path: string): Uint8Array | undefined;
}

/**
 * Reads `git rev-parse --short HEAD` and the changed files under content/ once. A document's stamp
 * says 未提交 only when its own file differs from that commit, so editing one document does not
 * change the stamp (and the cached PDF) of all the others.
 */
export function commitStamp(root: string): CommitStamp {
  let hash: string;
  try {
    hash = git(root, ['rev-parse', '--short', 'HEAD']).trim();
  } catch {
    const none = '构建 未纳入版本库';
    return { overall: none, dirty: () => true, stamp: () => none, committed: () => undefined };
  }
  const lines = (text: string) => text.split('\n').filter(Boolean);
  const changed = new Set([
    ...lines(git(root, ['diff', '--name-only', '--relative', 'HEAD', '--', 'content'])),
    ...lines(git(root, ['ls-files', '--others', '--exclude-standard', '--', 'content'])),
  ]);
  const clean = `构建 ${hash}`;
  const dirty = `${clean} 未提交`;
  return { overall: changed.size > 0 ? dirty : clean, dirty: (path) => changed.has(path), stamp: (uncommitted) => (uncommitted ? dirty : clean), committed: memo(root) };
}

/** Reads files at HEAD with `git show`, once each; only files with changes are ever asked for. */
function memo(root: string): (path: string) => Uint8Array | undefined {
  const seen = new Map<string, Uint8Array | undefined>();
  return (path) => {
    if (!seen.has(path)) {
      try {
        seen.set(path, execFileSync('git', ['show', `HEAD:${path}`], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }));
      } catch {
        seen.set(path, undefined);
      }
    }
    return seen.get(path);
  };
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}
