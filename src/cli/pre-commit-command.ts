/** The pre-commit check (提交前检查): checks the staged state of content/ and blocks the commit on errors the staged files have or cause. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheck } from '../check/run-check.ts';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatPretty } from '../diagnostics/format-pretty.ts';
import { gitRunner, listTree, readBlobs, type GitRunner } from '../history/git.ts';
import { contentDir, loadDocumentSet, readSourceFile, shardedParseCache } from '../model/load.ts';
import { parseFile } from '../model/parse-file.ts';
import { parserVersion } from '../model/parser-version.ts';
import type { CommandResult } from './command.ts';

/** Options of the pre-commit check; `today` only for tests. */
export interface PreCommitOptions {
  today?: string;
  color?: boolean;
}

/** Runs the check on what is staged under content/; exit code 1 blocks the commit. */
export function preCommitCheck(repoRoot: string, options: PreCommitOptions = {}): CommandResult {
  const git = gitRunner(repoRoot);
  const staged = git
    .run(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMRD', '--', contentDir])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  if (staged.length === 0) return { exitCode: 0, stdout: '', stderr: '' };
  // The same parse cache as npm run check: unchanged files are not parsed again.
  const cache = shardedParseCache(join(repoRoot, '.cache/shoukong'), parserVersion());
  const check = (root: string) => runCheck(loadDocumentSet(root, { cache }), options.today ? { today: options.today } : {});

  const indexRoot = materialize(git, ':', git.run(['ls-files', '-z', '--', contentDir]).toString('utf8').split('\0').filter(Boolean));
  try {
    const now = check(indexRoot);
    const stagedSet = new Set(staged);
    const inStaged = now.filter((d) => stagedSet.has(d.file));
    let caused: Diagnostic[] = now.filter((d) => !stagedSet.has(d.file) && d.severity === 'error');
    if (caused.length > 0) caused = newSince(git, caused, check);
    cache.save();
    const shown = explainUnstaged(git, repoRoot, [...inStaged, ...caused]);
    const { errors } = countBySeverity(shown);
    const readSource = (file: string) => readSourceFile(indexRoot, file);
    const head = `受控文件提交前检查：暂存了 ${staged.length} 个文件`;
    if (shown.length === 0) return { exitCode: 0, stdout: `${head}，✔ 没有发现问题\n`, stderr: '' };
    const report = `${head}\n\n${formatPretty(shown, { readSource, color: options.color ?? false })}\n`;
    if (errors === 0) return { exitCode: 0, stdout: report, stderr: '' };
    return {
      exitCode: 1,
      stdout: report,
      stderr: '✖ 提交已取消：请修正上面的错误后重新 git add 并提交。（确需跳过本次检查：git commit --no-verify）\n',
    };
  } finally {
    rmSync(indexRoot, { recursive: true, force: true });
  }
}

/**
 * A staged document that cites one the author created or changed but did not `git add` gets "不存在"
 * from the check of the staged state: say instead that it is not staged, and how to stage it.
 */
function explainUnstaged(git: GitRunner, repoRoot: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!diagnostics.some((d) => d.ruleId === 'ref/unknown-target')) return diagnostics;
  const list = (args: string[]) => git.run(args).toString('utf8').split('\0').filter((p) => /\.mdx?$/.test(p));
  const unstaged = [...list(['ls-files', '--others', '--exclude-standard', '-z', '--', contentDir]), ...list(['diff', '--name-only', '-z', '--', contentDir])];
  const pathByNumber = new Map<string, string>();
  for (const path of unstaged) {
    let number: unknown;
    try {
      number = (parseFile(path, readFileSync(join(repoRoot, path))).data as { number?: unknown } | undefined)?.number;
    } catch {
      continue; // Deleted in the working tree.
    }
    if (typeof number === 'string') pathByNumber.set(number, path);
  }
  return diagnostics.map((d) => {
    const number = d.ruleId === 'ref/unknown-target' ? /"([^"]+)" 不存在/.exec(d.message)?.[1] : undefined;
    const path = number ? pathByNumber.get(number) : undefined;
    if (!path) return d;
    return { ...d, message: `${d.message.slice(0, d.message.indexOf(' 不存在'))} 未暂存：${path} 在工作区中，但还没有加入这次提交。请运行 git add ${path}，再提交` };
  });
}

/** Keeps the errors that HEAD did not already have: those the staged change causes in other files. */
function newSince(git: GitRunner, errors: Diagnostic[], check: (root: string) => Diagnostic[]): Diagnostic[] {
  let headPaths: string[];
  try {
    headPaths = listTree(git, 'HEAD', contentDir);
  } catch {
    return errors; // First commit: every error is new.
  }
  const headRoot = materialize(git, 'HEAD:', headPaths);
  try {
    const before = new Set(check(headRoot).map(key));
    return errors.filter((d) => !before.has(key(d)));
  } finally {
    rmSync(headRoot, { recursive: true, force: true });
  }
}

function key(d: Diagnostic): string {
  return `${d.ruleId}\0${d.file}\0${d.message}`;
}

/** Writes the files of the index (`:`) or a commit (`HEAD:`) into a temp dir, with one Git process. */
function materialize(git: GitRunner, revPrefix: string, paths: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'shoukong-pre-commit-'));
  const blobs = readBlobs(git, paths.map((p) => `${revPrefix}${p}`));
  for (const path of paths) {
    const blob = blobs.get(`${revPrefix}${path}`);
    if (!blob) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), blob);
  }
  return root;
}

