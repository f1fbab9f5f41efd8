/** Gives the run a folder for temporary files (see helpers/temp-dir.ts) and removes it at the end. */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function setup(): () => void {
  const run = `${process.pid}-${Date.now()}`;
  // Set before the test workers start, so they inherit it.
  process.env.SHOUKONG_TEST_RUN = run;
  return () => rmSync(join(tmpdir(), `shoukong-test-run-${run}`), { recursive: true, force: true });
}
