import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/site/astro/load-site.ts';
import { startSearchIndex } from '../../src/site/search/search-index.ts';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const fixture = join(import.meta.dirname, '../print/fixtures/small-system');
const work = testTempDir('shoukong-search-test-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const filesOf = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

async function index(root: string, cacheDir: string, out: string) {
  const pending = await startSearchIndex(await loadSite(root, projectRoot), cacheDir);
  return pending.finish(out);
}

describe('search index cache', () => {
  it('copies the index of an unchanged set from the cache, and indexes again after a change', { timeout: 60_000 }, async () => {
    const root = join(work, 'site');
    cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
    const cacheDir = join(work, 'cache');

    const first = await index(root, cacheDir, join(work, 'out-1'));
    expect(first).toEqual({ pages: 9, reused: false });
    const second = await index(root, cacheDir, join(work, 'out-2'));
    expect(second).toEqual({ pages: 9, reused: true });
    expect(filesOf(join(work, 'out-2/pagefind'))).toEqual(filesOf(join(work, 'out-1/pagefind')));

    // A new title is new index content.
    const file = join(root, 'content/procedures/jmi-cx-13.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 文件与资料控制', 'title: 文件和资料控制'));
    const copy = join(work, 'site-changed');
    cpSync(root, copy, { recursive: true });
    const third = await index(copy, cacheDir, join(work, 'out-3'));
    expect(third).toEqual({ pages: 9, reused: false });
  });
});
