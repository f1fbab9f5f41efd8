/** /records/schemas.json: every form's schema, for a workflow platform (智能管理系统) to import them all. */
import { getCollection } from 'astro:content';
import type { DocView } from '../../site/view/document.ts';
import { schemaIndexOf } from '../../site/view/record-schemas.ts';
import { withBase } from '../../site/build/site-base.ts';

export async function GET(): Promise<Response> {
  const docs = (await getCollection('documents')).map((e) => e.data as DocView);
  return new Response(`${JSON.stringify(schemaIndexOf(docs, withBase), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
}
