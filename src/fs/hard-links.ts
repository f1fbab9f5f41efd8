/**
 * Sites and caches share files by hard links: a reused page, a cached search index or PDF is the
 * very file of the build before, not a copy. Nothing ever writes into such a file: a new version is
 * always a new file renamed into place, so the other names of the old one keep their bytes.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Links `from` at `to`, copying when the two are on different file systems. */
export function linkFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Puts a copy of the tree `from` at `to` by hard links (thousands of small files: linking is much cheaper than copying). */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) linkFile(source, target);
  }
}

/** Whether two paths are one file (the same inode); false when either is missing. */
export function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/**
 * Moves each of `paths` (files or folders, relative) from `staging` into `site`, replacing what is
 * there: a file by one rename, so a reader sees the old file or the new one, never half of either;
 * a folder by two (the old aside, the new in), the old then removed. Both folders are on one file
 * system (staging is next to the site).
 */
export function replaceInPlace(staging: string, site: string, paths: readonly string[]): void {
  for (const path of paths) {
    const from = join(staging, path);
    const to = join(site, path);
    mkdirSync(dirname(to), { recursive: true });
    if (!statSync(from).isDirectory()) {
      renameSync(from, to);
      continue;
    }
    const aside = `${to}.replaced-${process.pid}`;
    rmSync(aside, { recursive: true, force: true });
    let moved = false;
    try {
      renameSync(to, aside);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    renameSync(from, to);
    if (moved) rmSync(aside, { recursive: true, force: true });
  }
}
