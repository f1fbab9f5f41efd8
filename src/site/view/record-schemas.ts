/** The JSON Schemas of the forms as the site serves them: /records/<slug>/schema.json and /records/schemas.json. */
import { fillDefinition, recordJsonSchema, recordSchemaIndex, type SchemaIndexEntry, type SchemaTemplate } from '../../model/record-json-schema.ts';
import { isCurrentRow, type DocView } from './document.ts';

/** A record template the site publishes a schema for: a form in use (not obsolete) with fields. */
export function hasSchema(doc: DocView): doc is DocView & { record: NonNullable<DocView['record']> } {
  return doc.type === 'record' && isCurrentRow(doc) && Boolean(doc.record?.fields.length);
}

/** Where a record page's schema is served, from the page's address (/records/jmi-jl-13-01/). */
export function schemaHref(doc: Pick<DocView, 'href'>): string {
  return `${doc.href}schema.json`;
}

/** The template of the version the page shows (the one in force today). */
function templateOfView(doc: DocView & { record: NonNullable<DocView['record']> }): SchemaTemplate {
  return {
    number: doc.number,
    title: doc.title,
    version: doc.version,
    fields: doc.record.fields,
    ...(doc.effectiveDate ? { effectiveDate: doc.effectiveDate } : {}),
    ...(doc.record.retention ? { retention: doc.record.retention as NonNullable<SchemaTemplate['retention']> } : {}),
    orientation: doc.record.layout.orientation,
  };
}

/** The schema of the version the page shows. */
export function schemaOfView(doc: DocView & { record: NonNullable<DocView['record']> }): Record<string, unknown> {
  return recordJsonSchema(templateOfView(doc));
}

/** What the page's online form (在线填写) is built from, as JSON safe inside a <script> element. */
export function fillDataOfView(doc: DocView & { record: NonNullable<DocView['record']> }): string {
  return JSON.stringify(fillDefinition(templateOfView(doc))).replace(/</g, '\\u003c');
}

/** The index of every published form schema; `withBase` puts the addresses under the site's base path. */
export function schemaIndexOf(docs: DocView[], withBase: (href: string) => string): Record<string, unknown> {
  const entries: SchemaIndexEntry[] = docs.filter(hasSchema).map((d) => ({
    number: d.number,
    title: d.title,
    version: d.version,
    ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}),
    schema: withBase(schemaHref(d)),
    page: withBase(d.href),
  }));
  return recordSchemaIndex(entries);
}
