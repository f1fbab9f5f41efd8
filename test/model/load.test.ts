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

  it('a later run in this process takes unchanged shards as read before: the same frozen entries, not parsed again', () => {
    const first = load().set.documents[0]!;
    const again = load().set.documents[0]!;
    expect(again.file).toBe(first.file);
    expect(Object.isFrozen(again.file.body.refs)).toBe(true);
    expect(() => (again.file.body.refs as unknown[]).push('x')).toThrow(TypeError);
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

describe('what validation gave, kept in the parse cache', () => {
  const valid = 'content/regulations/jmi-zd-13-01.mdx';
  const invalid = 'content/records/jmi-jl-13-01.mdx';
  const fieldsRoot = buildSet();
  afterAll(() => removeSet(fieldsRoot));
  const text = readFileSync(join(fieldsRoot, invalid), 'utf8');
  writeFileSync(join(fieldsRoot, invalid), text.replace('---\n', '---\nnotAField: 1\n'));
  const dir = join(fieldsRoot, '.cache/shoukong');
  const loadCached = () => {
    const cache = shardedParseCache(dir, 'f1');
    const set = loadDocumentSet(fieldsRoot, { cache });
    cache.save();
    return set;
  };
  const cachedEntries = () =>
    Object.assign({}, ...readdirSync(join(dir, 'parse-f1')).map((shard) => JSON.parse(readFileSync(join(dir, 'parse-f1', shard), 'utf8')) as object)) as Record<
      string,
      { file?: ParsedFile; fields?: Record<string, unknown>; dataFile?: { path: string } }
    >;
  const entryOf = (path: string) => Object.values(cachedEntries()).find((e) => (e.file ?? e.dataFile)?.path === path)!;

  it('are kept for a valid document only, and a later run loads the same documents, field order included', () => {
    const first = loadCached();
    expect(entryOf(valid).fields).toEqual(first.documents.find((d) => d.path === valid)!.data);
    expect(entryOf(invalid).fields).toBeUndefined();
    const again = loadCached();
    expect(JSON.stringify(again.documents)).toBe(JSON.stringify(loadDocumentSet(fieldsRoot).documents));
    expect(again.documents.find((d) => d.path === invalid)!.schemaIssues.map((i) => i.path)).toEqual(['notAField']);
  });

  it('keep the organisation and framework files too, which a later run loads the same from the cache', () => {
    const again = loadCached();
    expect(entryOf('content/org/organization.yaml').dataFile).toBeDefined();
    const uncached = loadDocumentSet(fieldsRoot);
    expect(JSON.stringify([again.organization, again.frameworks])).toBe(JSON.stringify([uncached.organization, uncached.frameworks]));
  });

  it('are taken from the cache on a later run instead of validating the file again', () => {
    const shard = readdirSync(join(dir, 'parse-f1')).find((name) => Object.values(JSON.parse(readFileSync(join(dir, 'parse-f1', name), 'utf8')) as object).some((e: { file?: ParsedFile }) => e.file?.path === valid))!;
    const entries = JSON.parse(readFileSync(join(dir, 'parse-f1', shard), 'utf8')) as Record<string, { file?: ParsedFile; fields?: Record<string, unknown> }>;
    for (const entry of Object.values(entries)) if (entry.file?.path === valid) entry.fields = { ...entry.fields, title: '缓存中的名称' };
    writeFileSync(join(dir, 'parse-f1', shard), JSON.stringify(entries));
    expect(loadCached().documents.find((d) => d.path === valid)!.data.title).toBe('缓存中的名称');
  });
});
