/** Word copies: a commit that does not touch a document does not rebuild its copy (build-docx.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocumentSet } from '../../src/model/load.ts';
import { buildDocx, documentDocxFile } from '../../src/print/build-docx.ts';
import { buildSet, commitAll, fixtureToday } from '../helpers/fixture-set.ts';

describe('Word copies across commits', { timeout: 180_000 }, () => {
  it('rebuilds only the copy of the document a commit changed, and keeps the others byte for byte', async () => {
    const root = buildSet();
    commitAll(root, '基线', '2025-05-01T09:00:00+08:00');
    const out = join(root, 'docx');
    const build = () => buildDocx({ root, set: loadDocumentSet(root), outDir: out, log: () => {}, today: fixtureToday });
    const first = await build();
    expect(first.built).toBe(first.documents);
    const untouched = readFileSync(join(out, documentDocxFile('JMI/BZ/1-01')));
    const path = join(root, 'content/regulations/jmi-zd-13-01.mdx');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n新增的一段。\n`);
    // Uncommitted: the changed copy is built with the 未提交 stamp; then committed: built again, clean.
    expect(await build()).toMatchObject({ built: 1, cached: first.documents - 1 });
    commitAll(root, '改动', '2025-05-02T09:00:00+08:00');
    expect(await build()).toMatchObject({ built: 1, cached: first.documents - 1 });
    expect(readFileSync(join(out, documentDocxFile('JMI/BZ/1-01'))).equals(untouched)).toBe(true);
  });
});
