/**
 * The full-text search index (Pagefind), fed from the model while Astro builds the pages: Pagefind
 * runs as its own process, so indexing overlaps the page build. Only current documents are indexed.
 * A large set is indexed in parts (search-parts.ts). Each finished part is kept in a cache under a
 * key of everything it was made from, so a build whose documents in that part did not change
 * copies it instead of indexing again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { linkFile, linkTree, sameFile } from '../../fs/hard-links.ts';
import { basename, dirname, join } from 'node:path';
import type { LoadedSite } from '../astro/load-site.ts';
import { isCurrentRow, type DocView } from '../view/document.ts';
import type { RichText } from '../view/links.ts';
import { fieldLabel } from '../../model/field-labels.ts';
import { documentsPerPart, searchPartCount, searchPartOf, searchPartPath, searchUiFiles } from './search-parts.ts';

/** A search index being filled; `finish` writes it into the built site. */
export interface PendingSearchIndex {
  /**
   * Links the index into `staging`/pagefind; `reused` when every part was copied from the cache.
   * Given the site `previous`, only the parts that differ from its own are linked, and `written`
   * names them (folders relative to the site) for the build to put into that site in place.
   */
  finish(staging: string, previous?: string): Promise<{ pages: number; reused: boolean; parts: number; indexedParts: number; written: string[] }>;
  /** Stops Pagefind without writing anything (the build failed). */
  abort(): Promise<void>;
}

/** Where finished indexes are kept, under the content root. */
export const searchCacheDir = '.cache/shoukong/search';

/**
 * Starts Pagefind and hands it every current document's page text. Pagefind writes the index into
 * `cacheDir` as soon as it has read every page, while Astro is still building; `finish` then only
 * links it into the site. When an index made from the same inputs is already there, nothing is
 * indexed at all.
 */
export async function startSearchIndex(site: LoadedSite, cacheDir: string, perPart = documentsPerPart): Promise<PendingSearchIndex> {
  const current = site.documents.filter(isCurrentRow);
  const count = searchPartCount(current.length, perPart);
  const members: (typeof current)[] = Array.from({ length: count }, () => []);
  for (const doc of current) members[searchPartOf(doc.number, count)]!.push(doc);
  const indexer = indexerKey();
  const parts = members.map((docs, i) => {
    const cached = join(cacheDir, searchInputsKey(site, docs, `${i}/${count}`, indexer));
    return { i, docs, cached, ready: existsSync(join(cached, entryFile)) };
  });
  const pending = parts.filter((part) => !part.ready);
  const linkInto = (staging: string, previous: string | undefined) => {
    const written: string[] = [];
    for (const part of parts) {
      const path = searchPartPath(part.i, count).slice(1, -1);
      // The previous site's part is this very index when it holds the same files (hard links).
      if (previous !== undefined && sameFile(join(previous, path, entryFile), join(part.cached, entryFile))) continue;
      linkTree(part.cached, join(staging, path));
      written.push(path);
    }
    if (count > 1 && previous === undefined) for (const file of searchUiFiles) linkFile(join(parts[0]!.cached, file), join(staging, 'pagefind', file));
    return written;
  };
  const result = { pages: current.length, reused: pending.length === 0, parts: count, indexedParts: pending.length };
  const inUse = new Set(parts.map((part) => basename(part.cached)));
  if (pending.length === 0) {
    return {
      async finish(staging, previous) {
        return { ...result, written: linkInto(staging, previous) };
      },
      async abort() {},
    };
  }
  // Old parts, hundreds of files each, are removed while Pagefind indexes.
  const pruning = existsSync(cacheDir) ? pruneCache(cacheDir, inUse, count) : Promise.resolve();
  pruning.catch(() => undefined); // awaited by finish or abort
  const pagefind = await import('pagefind');
  // Resolved once the first part's pages are handed to Pagefind (or indexing stopped): from then on
  // Pagefind works in its own process while the build goes on.
  let handedOver!: () => void;
  const firstHandedOver = new Promise<void>((resolve) => (handedOver = resolve));
  const written = (async () => {
    try {
      for (const part of pending) {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', includeCharacters: '/-' });
        if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
        const pages = searchPagesOf(site, part.docs, join(cacheDir, pagesDir, `${part.i}-of-${count}.json`), indexer);
        const added = part.docs.map((doc) => index.addHTMLFile({ url: doc.href, content: pages.page(doc.number) }));
        handedOver();
        const results = await Promise.all(added);
        const failed = results.flatMap((r) => r.errors);
        if (failed.length > 0) throw new Error(`Pagefind 索引出错：${failed.join('；')}`);
        const temporary = `${part.cached}.${process.pid}.tmp`;
        try {
          mkdirSync(cacheDir, { recursive: true });
          rmSync(temporary, { recursive: true, force: true });
          const output = await index.writeFiles({ outputPath: temporary });
          if (output.errors.length > 0) throw new Error(`Pagefind 写入出错：${output.errors.join('；')}`);
          rmSync(part.cached, { recursive: true, force: true });
          renameSync(temporary, part.cached);
          pages.save();
        } finally {
          rmSync(temporary, { recursive: true, force: true });
        }
      }
    } finally {
      handedOver();
      await pagefind.close();
    }
  })();
  written.catch(() => undefined); // awaited by finish or abort
  await firstHandedOver;
  return {
    async finish(staging, previous) {
      await Promise.all([written, pruning]);
      return { ...result, written: linkInto(staging, previous) };
    },
    async abort() {
      await Promise.all([written, pruning].map((p) => p.catch(() => undefined)));
    },
  };
}

/** Where the page text each part was last indexed from is kept, under the cache folder. */
const pagesDir = 'pages';

/**
 * What Pagefind reads for each document of a part, and `save` to keep it beside the index: a
 * document whose page inputs are those of the part's last indexing is not rendered again (parsing
 * its body is most of the cost of indexing a part).
 */
function searchPagesOf(site: LoadedSite, docs: readonly DocView[], file: string, indexer: string): { page(number: string): string; save(): void } {
  let known: { indexer: string; pages: Record<string, [digest: string, page: string]> } | undefined;
  try {
    known = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    known = undefined;
  }
  const kept = known?.indexer === indexer ? known.pages : {};
  const pages: Record<string, [digest: string, page: string]> = {};
  for (const doc of docs) {
    const digest = site.pageDigest(doc.number);
    // Flowcharts stay empty slots: Pagefind skips the text of an SVG anyway, and each is tens of kilobytes to send it.
    pages[doc.number] = kept[doc.number]?.[0] === digest ? kept[doc.number]! : [digest, searchPage(doc, site.renderBodyOf(doc.number).html)];
  }
  return {
    page: (number) => pages[number]![1],
    save() {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ indexer, pages }));
      renameSync(`${file}.${process.pid}.tmp`, file);
    },
  };
}

/** The file every Pagefind index has, written last: the part's identity here. */
const entryFile = 'pagefind-entry.json';

/**
 * Leaves in the cache the parts this build uses and the newest `others` besides (the build before's,
 * so that undoing a change finds its index). A part in use may be old: it is never removed. Run
 * before this build writes its new parts, which are therefore never among those removed.
 */
async function pruneCache(dir: string, inUse: ReadonlySet<string>, others: number): Promise<void> {
  const entries = readdirSync(dir).filter((name) => /^[0-9a-f]{40}$/.test(name) && !inUse.has(name));
  const newestFirst = entries.map((name) => ({ name, time: statTime(join(dir, name)) })).sort((a, b) => b.time - a.time);
  await Promise.all(newestFirst.slice(others).map(({ name }) => rm(join(dir, name), { recursive: true, force: true })));
}

/**
 * The key of an index: what it is made by (indexerKey), and for every indexed document its page
 * data and what its body is rendered from (its bytes, the titles it cites, its flowcharts), the same
 * inputs that decide whether the site renders its body again.
 */
function searchInputsKey(site: LoadedSite, current: LoadedSite['documents'], part: string, indexer: string): string {
  const hash = createHash('sha1');
  hash.update(indexer).update(part);
  for (const doc of current) hash.update(site.pageDigest(doc.number));
  return hash.digest('hex');
}

/** What every part's index is made by: Pagefind's version, this file and the body renderer. */
function indexerKey(): string {
  const hash = createHash('sha1').update(pagefindVersion());
  for (const source of ['search-index.ts', 'search-parts.ts', '../../render/body-html.ts']) hash.update(readFileSync(new URL(source, import.meta.url)));
  return hash.digest('hex');
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const plain = (parts: RichText) => parts.map((p) => (typeof p === 'string' ? p : `${p.number} ${p.title}`)).join('');

/** What the index reads for one document: title and number weighted, the overview or form, then the body (headings keep their ids for sub-results). */
export function searchPage(doc: DocView, bodyHtml: string): string {
  const extra: string[] = [];
  for (const row of doc.flow ?? []) {
    const value = row.kind === 'text' ? row.text : row.kind === 'links' ? row.docs.map((d) => `${d.number} ${d.title}`).join('、') : row.kind === 'departments' ? row.departments.map((d) => d.name).join('、') : row.items.map(plain).join('；');
    extra.push(`<p>${escape(row.label)}：${escape(value)}</p>`);
  }
  // Said only when the document is not in force yet: a search result must not pass for 现行.
  const pendingNote = doc.controlState === 'pending' ? `<p>${fieldLabel('status')}：${escape(doc.statusLabel)}</p>` : '';
  for (const field of doc.record?.fields ?? []) extra.push(`<p>${escape(field.label)}${field.note ? `：${escape(field.note)}` : ''}</p>`);
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>` +
    `<body data-pagefind-body data-pagefind-meta="title:${escape(`${doc.number} ${doc.title}`)}" data-pagefind-filter="类型:${escape(doc.typeLabel)}">` +
    `<h1 data-pagefind-weight="10">${escape(doc.title)}</h1><p data-pagefind-weight="10">${escape(doc.number)}</p>${pendingNote}` +
    `<p>${escape(doc.owners.map((o) => o.name).join('、'))}</p>${extra.join('')}${bodyHtml}</body></html>`
  );
}

function statTime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Pagefind's version, from node_modules/pagefind/package.json in the nearest folder above this file that has one. */
function pagefindVersion(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules/pagefind/package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '';
    if (dirname(dir) === dir) return '';
  }
}
