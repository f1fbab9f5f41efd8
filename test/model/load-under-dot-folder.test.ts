import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

it('loads a document set whose root sits inside a hidden folder, and still skips hidden folders inside content/', () => {
  const root = join(testTempDir('load-'), '.cache', 'set');
  cpSync(join(import.meta.dirname, '../fixtures/base'), root, { recursive: true });
  mkdirSync(join(root, 'content/procedures/.drafts'));
  cpSync(join(root, 'content/procedures/jmi-cx-13.mdx'), join(root, 'content/procedures/.drafts/jmi-cx-99.mdx'));
  const set = loadDocumentSet(root);
  expect(set.documents.map((d) => d.path)).toContain('content/procedures/jmi-cx-13.mdx');
  expect(set.documents.map((d) => d.path)).not.toContain('content/procedures/.drafts/jmi-cx-99.mdx');
});
