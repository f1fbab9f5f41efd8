import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/site/astro/load-site.ts';
import { startSearchIndex } from '../../src/site/search/search-index.ts';
import { searchPartOf, searchPartPath } from '../../src/site/search/search-parts.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const fixture = join(import.meta.dirname, '../print/fixtures/small-system');
const work = testTempDir('shoukong-search-test-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const filesOf = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

async function index(root: string, cacheDir: string, out: string, perPart?: number) {
  const pending = await startSearchIndex(await loadSite(root, projectRoot), cacheDir, perPart);
  return pending.finish(out);
}

describe('search index cache', () => {
  it('copies the index of an unchanged set from the cache, and indexes again after a change', { timeout: 60_000 }, async () => {
    const root = join(work, 'site');
    cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
    const cacheDir = join(work, 'cache');

    const first = await index(root, cacheDir, join(work, 'out-1'));
    expect(first).toEqual({ pages: 9, reused: false, parts: 1, indexedParts: 1 });
    const second = await index(root, cacheDir, join(work, 'out-2'));
    expect(second).toEqual({ pages: 9, reused: true, parts: 1, indexedParts: 0 });
    expect(filesOf(join(work, 'out-2/pagefind'))).toEqual(filesOf(join(work, 'out-1/pagefind')));

    // A new title is new index content.
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 文件与资料控制', 'title: 文件和资料控制'));
    const copy = join(work, 'site-changed');
    cpSync(root, copy, { recursive: true });
    const third = await index(copy, cacheDir, join(work, 'out-3'));
    expect(third).toEqual({ pages: 9, reused: false, parts: 1, indexedParts: 1 });
  });

  it('indexes a large set in parts, and after a change only the part holding the changed document', { timeout: 60_000 }, async () => {
    const root = join(work, 'parts');
    cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
    const cacheDir = join(work, 'parts-cache');
    // Three documents a part stands for a thousand: nine documents, three parts.
    const first = await index(root, cacheDir, join(work, 'parts-1'), 3);
    expect(first).toMatchObject({ pages: 9, parts: 3, indexedParts: 3 });
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n新增的检索词：蓝鲸计划。\n`);
    const copy = join(work, 'parts-changed');
    cpSync(root, copy, { recursive: true });
    const second = await index(copy, cacheDir, join(work, 'parts-2'), 3);
    expect(second).toMatchObject({ pages: 9, parts: 3, indexedParts: 1 });
    const own = searchPartPath(searchPartOf('JMI/CX/13', 3)).slice(1);
    for (const i of [0, 1, 2]) {
      const path = searchPartPath(i).slice(1);
      const files = (out: string) => filesOf(join(work, out, path)).filter((f) => !f.startsWith('part-'));
      // The other parts are the very same files; the changed document's part is new.
      if (path === own) expect(files('parts-2')).not.toEqual(files('parts-1'));
      else expect(files('parts-2')).toEqual(files('parts-1'));
    }
  });
});
