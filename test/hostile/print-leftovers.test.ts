/**
 * A build interrupted during the PDF step leaves nothing behind (issue 23, defect 8): its work
 * folders are removed on SIGINT/SIGTERM, and a later build removes those of builds that were
 * killed outright, while the folders of a build still running stay.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleWorkFolders } from '../../src/fs/work-folders.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const node = process.execPath;
const workFolders = join(import.meta.dirname, '../../src/fs/work-folders.ts');

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(node, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('removeStaleWorkFolders', () => {
  it('removes the folders of ended processes and keeps those of running ones', () => {
    const dir = testTempDir('shoukong-leftovers-');
    const dead = deadPid();
    for (const name of [`dist.building-${dead}`, `dist.building-${process.pid}`, `dist.building-1`, 'dist.building-x', 'dist', `dist.previous-${dead}`]) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.html'), 'x');
    }
    expect(removeStaleWorkFolders(dir, 'dist.building-')).toEqual([join(dir, `dist.building-${dead}`)]);
    expect(removeStaleWorkFolders(dir, 'dist.previous-')).toEqual([join(dir, `dist.previous-${dead}`)]);
    // This process, pid 1 (always running) and names without a pid stay.
    for (const kept of [`dist.building-${process.pid}`, 'dist.building-1', 'dist.building-x', 'dist']) expect(existsSync(join(dir, kept)), kept).toBe(true);
  });

  it('finds nothing in a folder that does not exist', () => {
    expect(removeStaleWorkFolders(join(testTempDir('shoukong-leftovers-'), 'missing'), 'dist.building-')).toEqual([]);
  });
});

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
])('a build process that gets %s', (signal, code) => {
  it(`removes its work folder and exits with ${code}`, () => {
    const dir = testTempDir('shoukong-leftovers-');
    const staging = join(dir, 'dist.building-child');
    const kept = join(dir, 'released');
    const script = `
      import { mkdirSync, writeFileSync } from 'node:fs';
      import { removeOnInterrupt } from ${JSON.stringify(workFolders)};
      mkdirSync(${JSON.stringify(staging)});
      writeFileSync(${JSON.stringify(join(staging, 'a.pdf'))}, 'x');
      removeOnInterrupt(${JSON.stringify(staging)});
      mkdirSync(${JSON.stringify(kept)});
      removeOnInterrupt(${JSON.stringify(kept)})(); // moved into place already: no longer removed
      process.kill(process.pid, ${JSON.stringify(signal)});
      setInterval(() => {}, 1000); // a build still at work
    `;
    const child = spawnSync(node, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(code);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });
});
