/** Field titles from the schemas (the single source of labels), for messages and pages. */
import type { DocumentType } from './document-types.ts';
import { documentSchemas } from './schemas/index.ts';
import { flowOverviewCaptions } from './schemas/flow.ts';

/**
 * The Chinese title of a frontmatter field from its schema (生效日期 for effectiveDate), else the key.
 * With a type, that type's own title (记录编号 for a record's number); without, the first schema's.
 */
export function fieldLabel(field: string, type?: DocumentType): string {
  const schemas = type && type in documentSchemas ? [documentSchemas[type]] : Object.values(documentSchemas);
  for (const schema of schemas) {
    const title = (schema.shape as Record<string, { meta?: () => { title?: string } | undefined }>)[field]?.meta?.()?.title;
    if (title) return title;
  }
  return field;
}

/** The field of a type whose title is `label` (支持性文件 → regulations), if any. */
export function fieldOfLabel(label: string, type: DocumentType): string | undefined {
  const shape = documentSchemas[type].shape as Record<string, { meta?: () => { title?: string } | undefined }>;
  return Object.keys(shape).find((key) => shape[key]?.meta?.()?.title === label);
}

/** A field as messages name it: the key to write and its title, effectiveDate（生效日期）. */
export function fieldNamed(field: string, type?: DocumentType): string {
  return `${field}（${fieldLabel(field, type)}）`;
}

/** The caption of a row of a flow's 业务概述表: the form's own name for the field, else its title. */
export function flowOverviewLabel(field: string): string {
  return flowOverviewCaptions[field as keyof typeof flowOverviewCaptions] ?? fieldLabel(field, 'flow');
}
