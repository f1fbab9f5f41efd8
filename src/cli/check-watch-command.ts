/** Checks again whenever a file under content/ is saved (保存即检查), printing markers that VS Code's background problem matcher waits for. */
import { join, resolve } from 'node:path';
import { prepareCheck } from '../check/prepare-check.ts';
import { watchChanges } from '../fs/watch-changes.ts';
import { runCheck } from '../check/run-check.ts';
import { checkReport } from './check-report.ts';
import { isAnswer, readOptions, writeResult, type CommandEnv } from './command.ts';

/** Printed before and after each run; .vscode/tasks.json matches these lines. */
export const watchMarkers = { begin: '受控：开始检查', end: '受控：检查完成' } as const;

/** One run of the check between the markers (without Git history, to stay fast while typing). */
export function checkOnce(root: string): string {
  const prepared = prepareCheck(root, { history: false });
  const report = checkReport(prepared.set, runCheck(prepared.set, prepared.options));
  return `${watchMarkers.begin}\n${report}${prepared.warning ? `${prepared.warning}\n` : ''}${watchMarkers.end}\n`;
}

/** Runs the check now and after every change under content/ (debounced); returns a function that stops watching. */
export function watchCheck(root: string, write: (text: string) => void, debounceMs = 300): () => void {
  write(checkOnce(root));
  return watchChanges([join(root, 'content')], () => write(checkOnce(root)), debounceMs);
}

/** Help text of `node scripts/check-watch.ts --help`. */
export const checkWatchUsage = `用法：node scripts/check-watch.ts [--root <目录>]
  现在检查一次，之后 content/ 下每次保存都重新检查（不读取 Git 历史）；VS Code 任务“受控：保存即检查”在后台运行它。按 Ctrl+C 退出。`;

/** `check-watch`: watches until the process is stopped (undefined), or exit code 2 on a bad option. */
export function checkWatchCommand(argv: string[], env: Pick<CommandEnv, 'cwd' | 'out' | 'err'>): number | undefined {
  const read = readOptions(argv, { root: { type: 'string' } }, checkWatchUsage);
  if (isAnswer(read)) return writeResult(read, env);
  const { values } = read;
  watchCheck(values.root ? resolve(env.cwd, values.root) : env.cwd, env.out);
  return undefined;
}
