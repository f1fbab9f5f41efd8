/** Builds real temporary Git repositories for history tests: commits with chosen authors and dates. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSet } from '../helpers/fixture-set.ts';

export interface TestRepo {
  root: string;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  read(path: string): string;
  edit(path: string, change: (text: string) => string): void;
  move(from: string, to: string): void;
  remove(path: string): void;
  /** Commits everything as `author` on `date` (YYYY-MM-DD); returns the commit hash. */
  commit(message: string, author: string, date: string): string;
}

/** A repository whose first state is the fixture base set (not yet committed). */
export function testRepo(): TestRepo {
  const root = buildSet();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.edu.cn');
  git('config', 'commit.gpgsign', 'false');
  return {
    root,
    git,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    edit(path, change) {
      writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
    },
    move(from, to) {
      mkdirSync(dirname(join(root, to)), { recursive: true });
      renameSync(join(root, from), join(root, to));
    },
    remove(path) {
      rmSync(join(root, path));
    },
    commit(message, author, date) {
      git('add', '-A');
      execFileSync('git', ['-c', `user.name=${author}`, 'commit', '-q', '-m', message], {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` },
      });
      return git('rev-parse', 'HEAD').trim();
    },
  };
}

export const regulationPath = 'content/regulations/jmi-zd-13-01.mdx';
export const procedurePath = 'content/procedures/jmi-cx-13.mdx';

/** Raises the fixture regulation to `version`, effective on `effective`, with a revision record and a body change. */
export function reviseRegulation(repo: TestRepo, version: string, revised: string, effective: string, summary: string, newArticle: string, path = regulationPath): void {
  repo.edit(path, (text) =>
    text
      .replace(/^version: .*$/m, `version: ${version}`)
      .replace(/^effectiveDate: .*$/m, `effectiveDate: ${effective}`)
      .replace(/^issuedAs:/m, `  - version: ${version}\n    date: ${revised}\n    summary: ${summary}\n    author: 孙晓燕\nissuedAs:`)
      .concat(`\n${newArticle}\n`),
  );
}
