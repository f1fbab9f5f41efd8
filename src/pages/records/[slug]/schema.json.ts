/** /records/<slug>/schema.json: the JSON Schema (2020-12) of a filled record of this form (record-json-schema.ts). */
import { getCollection } from 'astro:content';
import type { DocView } from '../../../site/view/document.ts';
import { hasSchema, schemaOfView } from '../../../site/view/record-schemas.ts';

export async function getStaticPaths() {
  const docs = (await getCollection('documents')).map((e) => ({ id: e.id, doc: e.data as DocView }));
  return docs.filter((d) => d.id.startsWith('records/') && hasSchema(d.doc)).map((d) => ({ params: { slug: d.id.split('/')[1] }, props: { doc: d.doc } }));
}

export function GET({ props }: { props: { doc: DocView } }): Response {
  const doc = props.doc;
  if (!hasSchema(doc)) return new Response('', { status: 404 });
  return new Response(`${JSON.stringify(schemaOfView(doc), null, 2)}\n`, { headers: { 'content-type': 'application/schema+json' } });
}
