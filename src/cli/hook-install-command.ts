/** Installs the optional pre-commit hook (提交前检查钩子) with one command; never replaces someone else's hook. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { gitRunner } from '../history/git.ts';
import type { CommandResult } from './command.ts';

/** The line that marks a hook as ours, so that reinstalling may replace it. */
export const hookMarker = '# shoukong pre-commit hook';

/** The hook script: runs `scripts/hook.ts pre-commit` with the project's Node. */
export const hookScript = `#!/bin/sh
${hookMarker}
# 受控（Shoukong）提交前检查：检查暂存的受控文件，有错误时取消提交。
# 由 npm run hook:install 安装；不再需要时删除本文件即可。临时跳过：git commit --no-verify
if [ -x node_modules/.bin/node ]; then NODE=node_modules/.bin/node; else NODE=node; fi
exec "$NODE" scripts/hook.ts pre-commit
`;

/** Writes .git/hooks/pre-commit (or core.hooksPath's) as an executable file. */
export function installHook(repoRoot: string, options: { force?: boolean } = {}): CommandResult {
  const git = gitRunner(repoRoot);
  let hooksDir: string;
  try {
    hooksDir = git.run(['rev-parse', '--git-path', 'hooks']).toString('utf8').trim();
  } catch {
    return { exitCode: 1, stdout: '', stderr: `✖ ${repoRoot} 不是 Git 仓库，无法安装提交前检查\n` };
  }
  const target = join(isAbsolute(hooksDir) ? hooksDir : join(repoRoot, hooksDir), 'pre-commit');
  if (existsSync(target) && !readFileSync(target, 'utf8').includes(hookMarker) && !options.force) {
    return {
      exitCode: 1,
      stdout: '',
      stderr: `✖ ${target} 已有别的提交前钩子，没有覆盖。\n  改法：把 "node scripts/hook.ts pre-commit" 加进这个钩子，或确认不再需要它后运行 npm run hook:install -- --force\n`,
    };
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, hookScript);
  chmodSync(target, 0o755);
  return { exitCode: 0, stdout: `✔ 已安装提交前检查：${target}\n  以后每次 git commit 都会先检查暂存的受控文件；有错误时取消提交。\n`, stderr: '' };
}
