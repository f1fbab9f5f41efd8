/**
 * The full-text search index (Pagefind), fed from the model while Astro builds the pages: Pagefind
 * runs as its own process, so indexing overlaps the page build. Only current documents are indexed.
 */
import type { LoadedSite } from './load-site.ts';
import type { DocView, RichText } from './site-model.ts';

/** A search index being filled; `finish` writes it into the built site. */
export interface PendingSearchIndex {
  finish(outDir: string): Promise<{ pages: number }>;
  /** Stops Pagefind without writing anything (the build failed). */
  abort(): Promise<void>;
}

/** Starts Pagefind and hands it every current document's page text. */
export async function startSearchIndex(site: LoadedSite): Promise<PendingSearchIndex> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh', includeCharacters: '/-' });
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
  const current = site.documents.filter((d) => d.status !== 'obsolete');
  const added = current.map((doc) => index.addHTMLFile({ url: doc.href, content: searchPage(doc, site.renderBodyOf(doc.number).html) }));
  return {
    async finish(outDir) {
      try {
        const results = await Promise.all(added);
        const failed = results.flatMap((r) => r.errors);
        if (failed.length > 0) throw new Error(`Pagefind 索引出错：${failed.join('；')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind 写入出错：${written.errors.join('；')}`);
        return { pages: results.length };
      } finally {
        await pagefind.close();
      }
    },
    async abort() {
      await Promise.allSettled(added);
      await pagefind.close();
    },
  };
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
  for (const field of doc.record?.fields ?? []) extra.push(`<p>${escape(field.label)}${field.note ? `：${escape(field.note)}` : ''}</p>`);
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>` +
    `<body data-pagefind-body data-pagefind-meta="title:${escape(`${doc.number} ${doc.title}`)}" data-pagefind-filter="类型:${escape(doc.typeLabel)}">` +
    `<h1 data-pagefind-weight="10">${escape(doc.title)}</h1><p data-pagefind-weight="10">${escape(doc.number)}</p>` +
    `<p>${escape(doc.owners.map((o) => o.name).join('、'))}</p>${extra.join('')}${bodyHtml}</body></html>`
  );
}
