/** Loading with the parse cache: unchanged files come from the cache, a changed one is parsed again. */
import { appendFileSync, cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocumentSet, loadDocumentSetInParallel, shardedParseCache, type ParseCache } from '../../src/model/load.ts';
import type { ParsedFile } from '../../src/model/parse-file.ts';
import { buildSet, removeSet } from '../helpers/fixture-set.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

const root = buildSet();
afterAll(() => removeSet(root));
const cacheDir = join(root, '.cache/shoukong');

/** Loads the set through a fresh cache and says which paths had to be parsed. */
function load(version = 'v1') {
  const cache = shardedParseCache(cacheDir, version);
  const parsed: string[] = [];
  const counting: ParseCache = { get: (p, h) => cache.get(p, h), set: (file: ParsedFile) => (parsed.push(file.path), cache.set(file)) };
  const set = loadDocumentSet(root, { cache: counting });
  cache.save();
  return { set, parsed: parsed.sort() };
}
const entries = (version = 'v1') => readdirSync(join(cacheDir, `parse-${version}`)).sort();

describe('the sharded parse cache', () => {
  it('parses every file on the first run and none on the second', () => {
    expect(load().parsed).toHaveLength(6);
    expect(entries()).toHaveLength(6);
    expect(load().parsed).toEqual([]);
  });

  it('parses only the changed file, gives the same result as without a cache, and drops the stale entry', () => {
    appendFileSync(join(root, 'content/regulations/jmi-zd-13-01.mdx'), '\n第二条 新增一条。\n');
    const { set, parsed } = load();
    expect(parsed).toEqual(['content/regulations/jmi-zd-13-01.mdx']);
    expect(entries()).toHaveLength(6);
    expect(JSON.parse(JSON.stringify(set.documents))).toEqual(JSON.parse(JSON.stringify(loadDocumentSet(root).documents)));
  });

  it('treats a damaged entry as missing, and a new parser version starts over and removes the old folder', () => {
    writeFileSync(join(cacheDir, 'parse-v1', entries()[0]!), '{"path": "content/');
    expect(load().parsed).toHaveLength(1);
    expect(load('v2').parsed).toHaveLength(6);
    expect(readdirSync(cacheDir)).toEqual(['parse-v2']);
  });
});

describe('loadDocumentSetInParallel', () => {
  it('gives the same set as loadDocumentSet when a worker thread parses half of the files', { timeout: 60_000 }, async () => {
    // Twice the example under another folder name, so that there are enough files for the worker.
    const root = testTempDir('shoukong-parallel-load-');
    try {
      const example = join(import.meta.dirname, '../../content');
      cpSync(example, join(root, 'content'), { recursive: true });
      cpSync(join(example, 'procedures'), join(root, 'content/procedures-copy'), { recursive: true });
      cpSync(join(example, 'regulations'), join(root, 'content/regulations-copy'), { recursive: true });
      cpSync(join(example, 'records'), join(root, 'content/records-copy'), { recursive: true });
      cpSync(join(example, 'flows'), join(root, 'content/flows-copy'), { recursive: true });
      const sequential = loadDocumentSet(root);
      expect(sequential.documents.length).toBeGreaterThan(300);
      const parallel = await loadDocumentSetInParallel(root);
      expect(parallel).toEqual(sequential);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
