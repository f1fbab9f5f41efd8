/** The loader never follows a symbolic link under content/, whatever it points to, and lists each one. */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.ts';
import { loadDocumentSet, readSourceFile } from '../../src/model/load.ts';
import { baseDir, buildSet, fixtureToday } from '../helpers/fixture-set.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

describe('symbolic links under content/', () => {
  it('content/ itself as a link: nothing is read, one finding', () => {
    const elsewhere = testTempDir('shoukong-elsewhere-');
    cpSync(join(baseDir, 'content'), join(elsewhere, 'content'), { recursive: true });
    const root = testTempDir('shoukong-linked-content-');
    symlinkSync(join(elsewhere, 'content'), join(root, 'content'));
    const set = loadDocumentSet(root);
    expect(set.documents).toEqual([]);
    expect(set.symlinks).toEqual([{ path: 'content', target: join(elsewhere, 'content') }]);
    expect(runCheck(set, { today: fixtureToday }).map((d) => `${d.file} ${d.ruleId}`)).toEqual(['content syntax/symlink', 'content/org/organization.yaml org/missing']);
  });

  it('organization.yaml and a framework as links are not read, even when they point to identical copies', () => {
    const root = buildSet();
    const outside = testTempDir('shoukong-outside-org-');
    for (const path of ['content/org/organization.yaml', 'content/org/frameworks/iso9001.yaml']) {
      const copy = join(outside, path.replace(/\//g, '-'));
      cpSync(join(root, path), copy);
      rmSync(join(root, path));
      symlinkSync(copy, join(root, path));
    }
    const set = loadDocumentSet(root);
    expect(set.organization.missing).toBe(true);
    expect(set.frameworks).toEqual([]);
    expect(set.symlinks.map((l) => l.path)).toEqual(['content/org/frameworks/iso9001.yaml', 'content/org/organization.yaml']);
  });

  it('a source line is never read through a link, in the path or at its end', () => {
    const root = buildSet();
    const outside = testTempDir('shoukong-outside-src-');
    mkdirSync(join(outside, 'd'));
    writeFileSync(join(outside, 'd/x.mdx'), 'secret');
    symlinkSync(join(outside, 'd'), join(root, 'content/linked'));
    symlinkSync(join(outside, 'd/x.mdx'), join(root, 'content/regulations/x.mdx'));
    expect(readSourceFile(root, 'content/linked/x.mdx')).toBeUndefined();
    expect(readSourceFile(root, 'content/regulations/x.mdx')).toBeUndefined();
    expect(readSourceFile(root, 'content/regulations/jmi-zd-13-01.mdx')).toMatch(/^---\n/);
  });
});
