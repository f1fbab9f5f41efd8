/** Field titles from the schemas (the single source of labels), for messages and pages. */
import type { DocumentType } from './document-types.ts';
import { documentSchemas } from './schemas/index.ts';

/** The Chinese title of a frontmatter field from its schema (生效日期 for effectiveDate), else the key. */
export function fieldLabel(field: string, type: DocumentType | undefined): string {
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
