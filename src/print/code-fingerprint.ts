/**
 * A fingerprint of the code that turns a document into a PDF: Shoukong's model, renderer, print
 * and browser sources and the locked dependency versions (mermaid, Chromium, the Markdown parser).
 * Part of every PDF cache key, so a change to a template or a dependency prints everything again
 * without anyone having to remember to bump a version.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const srcDir = join(import.meta.dirname, '..');
const codeDirs = ['model', 'render', 'print', 'browser'];
const lockFile = join(srcDir, '../package-lock.json');

let memo: string | undefined;

/** sha1 over the sources (sorted by path) and package-lock.json; computed once per process. */
export function codeFingerprint(): string {
  if (memo) return memo;
  const hash = createHash('sha1');
  for (const dir of codeDirs) {
    const files = (readdirSync(join(srcDir, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
    for (const file of files) hash.update(`${dir}/${file}\0`).update(readFileSync(join(srcDir, dir, file))).update('\0');
  }
  if (existsSync(lockFile)) hash.update(readFileSync(lockFile));
  memo = hash.digest('hex');
  return memo;
}
