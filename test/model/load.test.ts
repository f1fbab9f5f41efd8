/** Loading with the parse cache: unchanged files come from the cache, a changed one is parsed again. */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocumentSet, shardedParseCache, type ParseCache } from '../../src/model/load.ts';
import type { ParsedFile } from '../../src/model/parse-file.ts';
import { buildSet, removeSet } from '../helpers/fixture-set.ts';

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
/** The keys of the cache's entries, across its shard files. */
const entries = (version = 'v1') =>
  readdirSync(join(cacheDir, `parse-${version}`))
    .flatMap((shard) => Object.keys(JSON.parse(readFileSync(join(cacheDir, `parse-${version}`, shard), 'utf8')) as object))
    .sort();

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

  it('keeps six entries in fewer files, by the first two digits of their key', () => {
    const shards = readdirSync(join(cacheDir, 'parse-v1'));
    expect(shards.every((name) => /^[0-9a-f]{2}\.json$/.test(name))).toBe(true);
    expect(new Set(entries().map((key) => `${key.slice(0, 2)}.json`))).toEqual(new Set(shards));
  });

  it('treats a damaged shard as missing, and a new parser version starts over and removes the old folder', () => {
    const shard = `${entries()[0]!.slice(0, 2)}.json`;
    const inShard = entries().filter((key) => `${key.slice(0, 2)}.json` === shard).length;
    writeFileSync(join(cacheDir, 'parse-v1', shard), '{"path": "content/');
    expect(load().parsed).toHaveLength(inShard);
    expect(entries()).toHaveLength(6);
    expect(load('v2').parsed).toHaveLength(6);
    expect(readdirSync(cacheDir)).toEqual(['parse-v2']);
  });
});
