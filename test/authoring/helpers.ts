/** Temp document sets for the authoring tests: an empty one (organisation and frameworks only) and a copy of the example. */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/check/run-check.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const today = '2026-11-22';

/** A set with only content/org (organization.yaml and the frameworks) of the example. */
export function emptySet(): string {
  const root = testTempDir('shoukong-new-empty-');
  mkdirSync(join(root, 'content'), { recursive: true });
  cpSync(join(projectRoot, 'content/org'), join(root, 'content/org'), { recursive: true });
  return root;
}

/** A copy of the whole example content/. */
export function exampleSet(): string {
  const root = testTempDir('shoukong-new-example-');
  cpSync(join(projectRoot, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

/** The findings of the full check (without Git history) in the given files, as `rule file` lines. */
export function findingsIn(root: string, files: readonly string[]): string[] {
  return runCheck(loadDocumentSet(root), { today })
    .filter((d) => files.includes(d.file))
    .map((d) => `${d.severity} ${d.ruleId} ${d.file}:${d.span.start.line}`);
}

/** Every error of the full check. */
export function errorsOf(root: string): string[] {
  return runCheck(loadDocumentSet(root), { today })
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.ruleId} ${d.file}:${d.span.start.line} ${d.message}`);
}
