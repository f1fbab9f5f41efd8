/**
 * Work folders a build writes before it moves them into place (dist.building-<pid>, the PDF
 * staging folder, dist.previous-<pid> while it is deleted). Named with the pid of the process
 * that owns them, so that a later build can tell a folder left by an interrupted one (its process
 * is gone) from one a build running meanwhile still uses; and removed when the build is
 * interrupted by Ctrl-C or kill (SIGINT, SIGTERM, SIGHUP).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** True while a process with this id exists (owned by anyone). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the folders in `dir` named `<prefix><pid>` whose process is no longer running, and
 * returns their paths. Folders of running processes (another build at work) are left alone.
 */
export function removeStaleWorkFolders(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = name.slice(prefix.length);
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(join(dir, name));
  }
  return removed;
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Exit codes a shell reports for a process ended by each signal (128 + its number). */
const exitCodes: Record<(typeof signals)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const pending = new Set<string>();

function onSignal(signal: (typeof signals)[number]): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
  // The browser (playwright) is killed by its own exit handler.
  process.exit(exitCodes[signal]);
}

/**
 * Removes `path` when the process is interrupted before the returned function is called; the
 * process then exits as the signal would have ended it. Call the returned function once the
 * folder is moved into place or removed.
 */
export function removeOnInterrupt(path: string): () => void {
  if (pending.size === 0) for (const signal of signals) process.on(signal, onSignal);
  pending.add(path);
  return () => {
    pending.delete(path);
    if (pending.size === 0) for (const signal of signals) process.off(signal, onSignal);
  };
}
