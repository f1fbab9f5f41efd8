import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceInPlace } from '../../src/fs/hard-links.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
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
    expect(first).toEqual({ pages: 9, reused: false, parts: 1, indexedParts: 1, written: ['pagefind'] });
    const second = await index(root, cacheDir, join(work, 'out-2'));
    expect(second).toEqual({ pages: 9, reused: true, parts: 1, indexedParts: 0, written: ['pagefind'] });
    expect(filesOf(join(work, 'out-2/pagefind'))).toEqual(filesOf(join(work, 'out-1/pagefind')));

    // A new title is new index content.
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 文件与资料控制', 'title: 文件和资料控制'));
    const copy = join(work, 'site-changed');
    cpSync(root, copy, { recursive: true });
    const third = await index(copy, cacheDir, join(work, 'out-3'));
    expect(third).toEqual({ pages: 9, reused: false, parts: 1, indexedParts: 1, written: ['pagefind'] });
  });

  it('indexes a large set in parts, and after a change only the part holding the changed document', { timeout: 60_000 }, async () => {
    const root = join(work, 'parts');
    cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
    const cacheDir = join(work, 'parts-cache');
    // Three documents a part stands for hundreds: nine documents, three parts, each a folder of /pagefind/ beside the search UI.
    const first = await index(root, cacheDir, join(work, 'parts-1'), 3);
    expect(first).toMatchObject({ pages: 9, parts: 3, indexedParts: 3 });
    expect(readdirSync(join(work, 'parts-1/pagefind')).sort()).toEqual(['pagefind-ui.css', 'pagefind-ui.js', 'part-0', 'part-1', 'part-2']);
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n新增的检索词：蓝鲸计划。\n`);
    const copy = join(work, 'parts-changed');
    cpSync(root, copy, { recursive: true });
    const second = await index(copy, cacheDir, join(work, 'parts-2'), 3);
    expect(second).toMatchObject({ pages: 9, parts: 3, indexedParts: 1 });
    const own = searchPartPath(searchPartOf('JMI/CX/13', 3), 3).slice(1);
    for (const i of [0, 1, 2]) {
      const path = searchPartPath(i, 3).slice(1);
      const files = (out: string) => filesOf(join(work, out, path));
      // The other parts are the very same files; the changed document's part is new.
      if (path === own) expect(files('parts-2')).not.toEqual(files('parts-1'));
      else expect(files('parts-2')).toEqual(files('parts-1'));
    }
  });

  it('given the previous site, writes only the parts that differ from it, and keeps an old part in use in the cache', { timeout: 60_000 }, async () => {
    const root = join(work, 'in-place');
    cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
    const cacheDir = join(work, 'in-place-cache');
    const site = join(work, 'in-place-site');
    await index(root, cacheDir, site, 3);
    const own = searchPartPath(searchPartOf('JMI/CX/13', 3), 3).slice(1, -1);
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    // More changes to one part than the cache keeps besides the parts in use: the other two parts,
    // the oldest entries, must stay (they were removed once, and the build failed linking them).
    for (let change = 1; change <= 5; change++) {
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n第 ${change} 次补充：检索词${change}。\n`);
      const staging = join(work, `in-place-staging-${change}`);
      const pending = await startSearchIndex(await loadSite(root, projectRoot, { set: loadDocumentSet(root), today: undefined }), cacheDir, 3);
      const result = await pending.finish(staging, site);
      expect(result).toMatchObject({ indexedParts: 1, written: [own] });
      expect(readdirSync(join(staging, 'pagefind'))).toEqual([basename(own)]);
      replaceInPlace(staging, site, result.written);
    }
    // The site now holds the latest index of every part: nothing differs from a fresh link of the cache.
    const fresh = await index(root, cacheDir, join(work, 'in-place-fresh'), 3);
    expect(fresh).toMatchObject({ reused: true });
    expect(filesOf(join(site, 'pagefind'))).toEqual(filesOf(join(work, 'in-place-fresh/pagefind')));
    expect(await (await startSearchIndex(await loadSite(root, projectRoot, { set: loadDocumentSet(root), today: undefined }), cacheDir, 3)).finish(join(work, 'in-place-none'), site)).toMatchObject({ written: [] });
    // The changed part took its unchanged documents' text from the last indexing: the very index one made from nothing is.
    await index(root, join(work, 'in-place-cold-cache'), join(work, 'in-place-cold'), 3);
    const bytes = (dir: string) => filesOf(dir).map((f) => [f, statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f)).toString('base64') : '']);
    expect(bytes(join(site, own))).toEqual(bytes(join(work, 'in-place-cold', own)));
  });
});
