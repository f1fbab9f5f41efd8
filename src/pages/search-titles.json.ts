/** /search-titles.json: number, title and address of every current document, for the search page. */
import { getCollection } from 'astro:content';
import { isCurrentRow, type DocView } from '../site/view/document.ts';
import type { TitleEntry } from '../site/search/title-search.ts';
import { withBase } from '../site/build/site-base.ts';

export async function GET(): Promise<Response> {
  const docs = (await getCollection('documents')).map((e) => e.data as DocView).filter(isCurrentRow);
  const entries: TitleEntry[] = docs.map((d) => ({ n: d.number, t: d.title, h: withBase(d.href), k: d.controlState === 'in-force' ? d.typeLabel : `${d.typeLabel} · ${d.statusLabel}` }));
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
}
