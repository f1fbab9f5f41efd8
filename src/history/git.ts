/** A bounded number of Git processes: one log pass and one batched blob reader, never one per file. */
import { spawnSync } from 'node:child_process';

export interface GitChange {
  /** A added, M modified, D deleted, R renamed (path is the new path). */
  status: 'A' | 'M' | 'D' | 'R';
  path: string;
  oldPath?: string;
  /** Blob id of the new state (absent for a deletion). */
  blob?: string;
}

export interface GitCommit {
  hash: string;
  /** Position in the log, oldest first. */
  seq: number;
  /** Author date, ISO 8601. */
  date: string;
  author: string;
  email: string;
  subject: string;
  changes: GitChange[];
  /**
   * The commit on the main line (first parents from HEAD) that brought this one in: itself, or the
   * merge commit of its pull request. Commits merged together share it (reviewed together).
   */
  batch: string;
}

export class GitError extends Error {
  override name = 'GitError';
}

/** Runs git and counts the processes it starts, so benchmarks and tests can assert the bound. */
export interface GitRunner {
  run(args: string[], input?: Buffer | string): Buffer;
  readonly processes: number;
}

export function gitRunner(cwd: string): GitRunner {
  let processes = 0;
  return {
    run(args, input) {
      processes++;
      const result = spawnSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, input, maxBuffer: 1 << 30 });
      if (result.error) throw new GitError(`无法运行 git：${result.error.message}`);
      if (result.status !== 0) throw new GitError(`git ${args[0]} 失败：${result.stderr.toString().trim()}`);
      return result.stdout;
    },
    get processes() {
      return processes;
    },
  };
}

/** Whether `cwd` is inside a Git work tree, and whether the clone is shallow. One process. */
export interface RepositoryState {
  isRepository: boolean;
  shallow: boolean;
  head?: string;
  topLevel?: string;
}

export function repositoryState(git: GitRunner): RepositoryState {
  try {
    const [inside, shallow, topLevel, head] = git.run(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-toplevel', 'HEAD']).toString().trim().split('\n');
    return { isRepository: inside === 'true', shallow: shallow === 'true', ...(topLevel ? { topLevel } : {}), ...(head ? { head } : {}) };
  } catch {
    return { isRepository: false, shallow: false };
  }
}

/**
 * Every commit touching files under the folder `prefix` (e.g. `content`), oldest first, with renames
 * detected and the blob id of each new file state. One process. The log is read whole and filtered
 * here: a pathspec and --reverse make git itself several times slower on long histories.
 */
export function readLog(git: GitRunner, prefix: string, until = 'HEAD'): GitCommit[] {
  // Merge commits are listed too (git shows no changes for them) for their parents: they tell which
  // commits a pull request brought in together.
  const out = git.run(['log', until, '-M', '--raw', '--no-abbrev', '-z', '--format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae%x1f%s']).toString('utf8');
  const inside = (path: string) => path.startsWith(`${prefix}/`);
  const commits: Omit<GitCommit, 'seq' | 'batch'>[] = [];
  const parents = new Map<string, string[]>();
  let head: string | undefined;
  for (const chunk of out.split('\x1e')) {
    if (!chunk) continue;
    const headerEnd = chunk.indexOf('\0');
    const header = headerEnd === -1 ? chunk : chunk.slice(0, headerEnd);
    const [hash, parentList, date, author, email, subject] = header.split('\x1f') as [string, string, string, string, string, string];
    head ??= hash;
    parents.set(hash, parentList ? parentList.split(' ') : []);
    const tokens = (headerEnd === -1 ? '' : chunk.slice(headerEnd + 1)).replace(/^\n/, '').split('\0');
    const changes: GitChange[] = [];
    for (let i = 0; i < tokens.length; ) {
      const meta = tokens[i++];
      if (!meta?.startsWith(':')) continue;
      const [, , , blob, status = ''] = meta.split(' ');
      const kind = status[0];
      if (kind === 'R' || kind === 'C') {
        const oldPath = tokens[i++]!;
        const path = tokens[i++]!;
        if (kind === 'R' && inside(oldPath) && inside(path)) changes.push({ status: 'R', path, oldPath, blob: blob! });
        else {
          if (kind === 'R' && inside(oldPath)) changes.push({ status: 'D', path: oldPath });
          if (inside(path)) changes.push({ status: 'A', path, blob: blob! });
        }
      } else {
        const path = tokens[i++]!;
        if (!inside(path)) continue;
        if (kind === 'D') changes.push({ status: 'D', path });
        else changes.push({ status: kind === 'A' ? 'A' : 'M', path, blob: blob! });
      }
    }
    if (changes.length > 0) commits.push({ hash, date, author, email, subject, changes });
  }
  const batches = mainLineBatches(parents, head);
  return commits.reverse().map((commit, seq) => ({ ...commit, seq, batch: batches.get(commit.hash) ?? commit.hash }));
}

/**
 * For every commit, the main-line commit that brought it in (see GitCommit.batch). Merges are taken
 * oldest first, so a commit belongs to the first merge that made it part of the main line.
 */
function mainLineBatches(parents: ReadonlyMap<string, string[]>, head: string | undefined): Map<string, string> {
  const batch = new Map<string, string>();
  const mainLine: string[] = [];
  for (let commit = head; commit !== undefined && parents.has(commit) && !batch.has(commit); commit = parents.get(commit)![0]) {
    batch.set(commit, commit);
    mainLine.push(commit);
  }
  for (const merge of mainLine.reverse()) {
    const stack = parents.get(merge)!.slice(1);
    while (stack.length > 0) {
      const commit = stack.pop()!;
      if (batch.has(commit) || !parents.has(commit)) continue;
      batch.set(commit, merge);
      stack.push(...parents.get(commit)!);
    }
  }
  return batch;
}

/** Reads many objects (blob ids or `<rev>:<path>`) through one `git cat-file --batch` process. Missing ones are absent. */
export function readBlobs(git: GitRunner, specs: readonly string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (specs.length === 0) return blobs;
  const out = git.run(['cat-file', '--batch'], `${specs.join('\n')}\n`);
  let offset = 0;
  for (const spec of specs) {
    const lineEnd = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, lineEnd).toString('utf8');
    offset = lineEnd + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    blobs.set(spec, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return blobs;
}

/** Paths of the files under `pathspec` at `rev`. One process. */
export function listTree(git: GitRunner, rev: string, pathspec: string): string[] {
  return git
    .run(['ls-tree', '-r', '-z', '--name-only', rev, '--', pathspec])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
}
