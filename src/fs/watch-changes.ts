/**
 * Runs a task again after files change (保存即检查, 保存即构建): changes are gathered for a moment
 * (an editor saves in several writes, a commit touches several files), and a change during a run
 * runs it once more afterwards, never two at once.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';

/**
 * Watches `paths` (folders recursively; those missing are skipped) and calls `run` `debounceMs`
 * after the last change; returns a function that stops watching.
 */
export function watchChanges(paths: readonly string[], run: () => unknown, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const start = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await run();
    } finally {
      running = false;
      if (again) {
        again = false;
        void start();
      }
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void start(), debounceMs);
  };
  const watchers: FSWatcher[] = paths.filter((path) => existsSync(path)).map((path) => watch(path, { recursive: true }, changed));
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
