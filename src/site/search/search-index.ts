/**
 * The full-text search index (Pagefind), fed from the model while Astro builds the pages: Pagefind
 * runs as its own process, so indexing overlaps the page build. Only current documents are indexed.
 * A large set is indexed in parts (search-parts.ts). Each finished part is kept in a cache under a
 * key of everything it was made from, so a build whose documents in that part did not change
 * copies it instead of indexing again.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fillFlowcharts } from '../astro/flowchart-slots.ts';
import type { LoadedSite } from '../astro/load-site.ts';
import { isCurrentRow, type DocView } from '../view/document.ts';
import type { RichText } from '../view/links.ts';
import { fieldLabel } from '../../model/field-labels.ts';
import { documentsPerPart, searchPartCount, searchPartOf, searchPartPath } from './search-parts.ts';

/** A search index being filled; `finish` writes it into the built site. */
export interface PendingSearchIndex {
  /** Writes the index into `outDir`/pagefind; `reused` when every part was copied from the cache. */
  finish(outDir: string): Promise<{ pages: number; reused: boolean; parts: number; indexedParts: number }>;
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
  const parts = members.map((docs, i) => {
    const cached = join(cacheDir, searchInputsKey(site, docs, `${i}/${count}`));
    return { i, docs, cached, ready: existsSync(join(cached, 'pagefind-entry.json')) };
  });
  const pending = parts.filter((part) => !part.ready);
  const linkInto = (outDir: string) => {
    for (const part of parts) linkTree(part.cached, join(outDir, searchPartPath(part.i)));
  };
  const result = { pages: current.length, reused: pending.length === 0, parts: count, indexedParts: pending.length };
  if (pending.length === 0) {
    return {
      async finish(outDir) {
        linkInto(outDir);
        return result;
      },
      async abort() {},
    };
  }
  const pagefind = await import('pagefind');
  const written = (async () => {
    try {
      for (const part of pending) {
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', includeCharacters: '/-' });
        if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
        const results = await Promise.all(part.docs.map((doc) => index.addHTMLFile({ url: doc.href, content: searchPage(doc, fillFlowcharts(site.renderBodyOf(doc.number).html, site.flowchartSvg)) })));
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
        } finally {
          rmSync(temporary, { recursive: true, force: true });
        }
      }
      pruneCache(cacheDir, 2 * count);
    } finally {
      await pagefind.close();
    }
  })();
  written.catch(() => undefined); // awaited by finish or abort
  return {
    async finish(outDir) {
      await written;
      linkInto(outDir);
      return result;
    },
    async abort() {
      await written.catch(() => undefined);
    },
  };
}

/** Leaves the newest `keep` indexes (parts) in the cache: this build's and the one before's. */
function pruneCache(dir: string, keep: number): void {
  const entries = readdirSync(dir).filter((name) => !name.endsWith('.tmp'));
  const newestFirst = entries.map((name) => ({ name, time: statTime(join(dir, name)) })).sort((a, b) => b.time - a.time);
  for (const { name } of newestFirst.slice(keep)) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * Puts a copy of the tree `from` at `to` by hard links (thousands of small files: linking is much
 * cheaper than copying, and nothing ever writes into either tree), copying across file systems.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * The key of an index: Pagefind's version, this file and the body renderer, and for every indexed
 * document its page data and what its body is rendered from (its bytes, the titles it cites, its
 * flowcharts), the same inputs that decide whether the site renders its body again.
 */
function searchInputsKey(site: LoadedSite, current: LoadedSite['documents'], part: string): string {
  const hash = createHash('sha1');
  hash.update(pagefindVersion()).update(part);
  for (const source of ['search-index.ts', 'search-parts.ts', '../../render/body-html.ts']) hash.update(readFileSync(new URL(source, import.meta.url)));
  for (const doc of current) hash.update(site.pageInputs(doc.number));
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
