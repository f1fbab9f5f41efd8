/**
 * Fixture document sets: a minimal valid base set (test/fixtures/base) copied into a temp dir, with a
 * case's own files laid over it. A case folder holds the files it changes (same paths as in the base),
 * an optional `remove.txt` (paths to delete, one a line), an optional `symlinks.txt` (symbolic links
 * to make, `path -> target` a line; kept out of the repository's own tree, where tools would walk
 * them) and `expected.txt` (the findings, one a line).
 * A case with a `before/` folder is a change under Git: the base with `before/` laid over it is committed,
 * then the case's files are committed on top, and the check compares with that first commit (`--base`).
 */
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { flowchartSyntaxErrors } from '../../src/check/flowchart-syntax.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { compareWithBase, readBaseApprovals, readBaseDocuments } from '../../src/history/change-set.ts';
import { readRepositoryHistory } from '../../src/history/document-history.ts';
import { gitRunner } from '../../src/history/git.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { testTempDir } from './temp-dir.ts';

/** The folder holding every fixture. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The minimal valid document set every case starts from. */
export const baseDir = join(fixturesDir, 'base');
/** Where mermaid's answers on fixture flowcharts are kept between runs. */
const flowchartCache = join(tmpdir(), 'shoukong-fixture-flowcharts');

/** The day fixtures are checked on, so review dates do not depend on the clock. */
export const fixtureToday = '2025-06-01';

/** Files a case writes on top of the base: path relative to the set root → text or bytes. */
export type FileOverrides = Record<string, string | Uint8Array>;

/** Copies the base set into a fresh temp dir, lays `overrides` over it and deletes `remove`. */
export function buildSet(overrides: FileOverrides = {}, remove: readonly string[] = []): string {
  const root = testTempDir('shoukong-fixture-');
  // Only content/: a cache some run left beside it would change Git hashes in the change-control cases.
  cpSync(join(baseDir, 'content'), join(root, 'content'), { recursive: true });
  for (const path of remove) rmSync(join(root, path), { force: true });
  for (const [path, content] of Object.entries(overrides)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A built case: its root, and whether it is a Git repository whose first commit is the base of the change. */
export interface CaseSet {
  root: string;
  git: boolean;
}

/** Builds the set a case folder describes: the base, the folder's `content/` over it, minus `remove.txt`. */
export function buildCaseSet(caseDir: string): CaseSet {
  const removeFile = join(caseDir, 'remove.txt');
  const remove = existsSync(removeFile) ? lines(readFileSync(removeFile, 'utf8')) : [];
  const git = existsSync(join(caseDir, 'before'));
  const root = buildSet();
  if (git) {
    if (existsSync(join(caseDir, 'before/content'))) cpSync(join(caseDir, 'before/content'), join(root, 'content'), { recursive: true });
    commitAll(root, '基线', '2025-05-01T09:00:00+08:00');
  }
  for (const path of remove) rmSync(join(root, path), { force: true });
  if (existsSync(join(caseDir, 'content'))) cpSync(join(caseDir, 'content'), join(root, 'content'), { recursive: true });
  const symlinksFile = join(caseDir, 'symlinks.txt');
  for (const line of existsSync(symlinksFile) ? lines(readFileSync(symlinksFile, 'utf8')) : []) {
    const [path, target] = line.split(/\s+->\s+/) as [string, string];
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  if (git) commitAll(root, '变更', '2025-05-20T09:00:00+08:00');
  return { root, git };
}

/** Loads and checks a set on the fixture day; a Git case is also checked against its first commit. */
export function checkSet(root: string, git = false): Diagnostic[] {
  const set = loadDocumentSet(root);
  // Flowcharts are parsed by mermaid in a child process; answers are cached across fixtures by source.
  const flowchartErrors = flowchartSyntaxErrors(set.documents.flatMap((d) => d.file.body.mermaid.map((b) => b.code)), flowchartCache);
  if (!git) return runCheck(set, { today: fixtureToday, flowchartErrors });
  const runner = gitRunner(root);
  const changes = compareWithBase(set, readBaseDocuments(runner, 'HEAD~1'), 'HEAD~1', readBaseApprovals(runner, 'HEAD~1'));
  return runCheck(set, { today: fixtureToday, history: readRepositoryHistory(root, runner), changes, flowchartErrors });
}

/** Commits everything in `root` (initialising the repository on first use) with a fixed author and date, so hashes are stable. */
export function commitAll(root: string, message: string, date: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: root, env });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString()}`);
  };
  if (!existsSync(join(root, '.git'))) git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}

/** One finding as a line of `expected.txt`: `file:line:column  severity  rule-id  message`. */
export function findingLine(d: Diagnostic): string {
  const related = d.related ? `  [${d.related.message}：${d.related.file}:${d.related.span.start.line}:${d.related.span.start.column}]` : '';
  return `${d.file}:${d.span.start.line}:${d.span.start.column}  ${d.severity}  ${d.ruleId}  ${d.message}${related}`;
}

/** Non-empty lines of a text, without comments starting with `#`. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Removes a temp set. */
export function removeSet(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
