/**
 * Temporary folders for tests, all inside one folder per test run that the global teardown removes
 * (test/global-setup.ts), so that a run leaves nothing behind in the system's temporary folder.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run's folder; outside a vitest run (no SHOUKONG_TEST_RUN), the system's temporary folder itself. */
export function testRunDir(): string {
  const run = process.env.SHOUKONG_TEST_RUN;
  if (!run) return tmpdir();
  const dir = join(tmpdir(), `shoukong-test-run-${run}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A new empty folder named `<prefix>XXXXXX` inside the run's folder. */
export function testTempDir(prefix: string): string {
  return mkdtempSync(join(testRunDir(), prefix));
}
