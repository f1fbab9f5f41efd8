/** Checks again whenever a file under content/ is saved (保存即检查), printing markers that VS Code's background problem matcher waits for. */
import { watch } from 'node:fs';
import { join } from 'node:path';
import { checkCommand } from './check-command.ts';

/** Printed before and after each run; .vscode/tasks.json matches these lines. */
export const watchMarkers = { begin: '受控：开始检查', end: '受控：检查完成' } as const;

/** One run of the check between the markers (without Git history, to stay fast while typing). */
export function checkOnce(root: string): string {
  const result = checkCommand(['--no-history'], { cwd: root, color: false });
  return `${watchMarkers.begin}\n${result.stdout}${result.stderr}${watchMarkers.end}\n`;
}

/** Runs the check now and after every change under content/ (debounced); returns a function that stops watching. */
export function watchCheck(root: string, write: (text: string) => void, debounceMs = 300): () => void {
  write(checkOnce(root));
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(join(root, 'content'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => write(checkOnce(root)), debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
