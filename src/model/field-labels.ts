/** Field titles from the schemas (the single source of labels), for messages and pages. */
import type { DocumentType } from './document-types.ts';
import { distributedCopySchema, documentSchemas, revisionSchema, type DistributedCopy, type Revision } from './schemas/index.ts';
import { flowOverviewCaptions } from './schemas/flow.ts';

/** The fields of an object schema, as far as their titles are read. */
type Shape = Record<string, { meta?: () => { title?: string } | undefined } | undefined>;

/** The title a schema gives one of its fields, if any. */
function titleIn(shape: Shape, field: string): string | undefined {
  return shape[field]?.meta?.()?.title;
}

/**
 * The Chinese title of a frontmatter field from its schema (生效日期 for effectiveDate), else the key.
 * With a type, that type's own title (记录编号 for a record's number); without, the first schema's.
 */
export function fieldLabel(field: string, type?: DocumentType): string {
  const schemas = type && type in documentSchemas ? [documentSchemas[type]] : Object.values(documentSchemas);
  for (const schema of schemas) {
    const title = titleIn(schema.shape as Shape, field);
    if (title) return title;
  }
  return field;
}

/** Per type, each field title → the first field with it; built once, as the checks ask it for every chapter heading. */
const fieldsByLabel = new Map<DocumentType, Map<string, string>>();

/** The field of a type whose title is `label` (支持性文件 → regulations), if any. */
export function fieldOfLabel(label: string, type: DocumentType): string | undefined {
  let fields = fieldsByLabel.get(type);
  if (!fields) {
    const shape = documentSchemas[type].shape as Shape;
    fields = new Map();
    for (const key of Object.keys(shape)) {
      const title = titleIn(shape, key);
      if (title !== undefined && !fields.has(title)) fields.set(title, key);
    }
    fieldsByLabel.set(type, fields);
  }
  return fields.get(label);
}

/** The columns of a 修订记录 table, on the page, the PDF and the Word copy. */
export const revisionColumns = ['version', 'date', 'summary', 'author'] as const satisfies readonly (keyof Revision)[];

/** The title of a field of one 修订记录 entry (版本、修订日期、修订内容、修订人). */
export function revisionFieldLabel(field: keyof Revision): string {
  return titleIn(revisionSchema.shape as Shape, field) ?? field;
}

/** The title of a field of one distributed paper copy (分发号、领用部门 …). */
export function copyFieldLabel(field: keyof DistributedCopy): string {
  return titleIn(distributedCopySchema.shape as Shape, field) ?? field;
}

/** A field as messages name it: the key to write and its title, effectiveDate（生效日期）. */
export function fieldNamed(field: string, type?: DocumentType): string {
  return `${field}（${fieldLabel(field, type)}）`;
}

/** The caption of a row of a flow's 业务概述表: the form's own name for the field, else its title. */
export function flowOverviewLabel(field: string): string {
  return flowOverviewCaptions[field as keyof typeof flowOverviewCaptions] ?? fieldLabel(field, 'flow');
}
