/**
 * 表单数据结构: the JSON Schema (2020-12) of a filled record (填好的质量记录) of one form template, and
 * the index of all forms, so that a college's workflow platform can import every form. The site
 * serves them (/records/<slug>/schema.json, /records/schemas.json); `check-records` checks the same
 * shape with Chinese messages.
 *
 * A filled record is `{ form, version, date, values }`: the form number and template version it was
 * made on, the date it was filled in (填写日期), and the values keyed by field (fieldKeys: the label).
 */
import { fieldKeys, formLayout, type KeyedField } from './form-layout.ts';
import { shownColumns } from './form-table.ts';
import { fieldLabel } from './field-labels.ts';
import type { FormField, RecordTemplate } from './schemas/record.ts';

/** The dialect every schema declares. */
export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Annotation keywords the schemas carry beside the standard ones (kind of each field, form facts).
 * A validator in strict mode must be told of them (ajv: `addVocabulary(recordSchemaKeywords)`).
 */
export const recordSchemaKeywords = ['x-kind', 'x-form', 'x-rows'] as const;

/** YYYY-MM-DD; whether the day exists is checked by check-records (isCalendarDate). */
export const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

/** The top-level keys of a filled record and what they are called in Chinese. */
export const recordKeys = { form: fieldLabel('number', 'record'), version: '表单版本', date: '填写日期', values: '填写内容' } as const;

/** The keys of a signature value. */
export const signatureKeys = { name: '签名', date: '日期' } as const;

type Schema = Record<string, unknown>;

/** The form template facts a schema is made from. */
export type SchemaTemplate = Pick<RecordTemplate, 'number' | 'title' | 'version' | 'fields'> &
  Partial<Pick<RecordTemplate, 'effectiveDate' | 'retention' | 'status' | 'orientation'>>;

const dateSchema = (title: string): Schema => ({ type: 'string', pattern: datePattern, format: 'date', title });

/** Schema of one value of a table column. */
function columnSchema(column: NonNullable<FormField['columns']>[number]): Schema {
  const kind = column.kind ?? 'text';
  const base = { title: column.label, 'x-kind': kind };
  switch (kind) {
    case 'number':
      return { ...base, type: 'number' };
    case 'date':
      return { ...base, ...dateSchema(column.label) };
    case 'checkbox':
      return { ...base, type: 'boolean' };
    case 'choice':
      return { ...base, enum: column.options ?? [] };
    default:
      return { ...base, type: 'string' };
  }
}

/** Schema of one field's value. */
function fieldSchema({ field }: KeyedField): Schema {
  const base: Schema = { title: field.label, 'x-kind': field.kind, ...(field.note ? { description: field.note } : {}) };
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return { ...base, type: 'string', ...(field.required ? { minLength: 1 } : {}) };
    case 'number':
      return { ...base, type: 'number' };
    case 'date':
      return { ...base, ...dateSchema(field.label) };
    case 'choice':
      return { ...base, enum: field.options ?? [] };
    case 'multichoice':
      return { ...base, type: 'array', items: { enum: field.options ?? [] }, uniqueItems: true, ...(field.required ? { minItems: 1 } : {}) };
    case 'checkbox':
      return { ...base, type: 'boolean' };
    case 'signature':
      return {
        ...base,
        type: 'object',
        properties: { [signatureKeys.name]: { type: 'string', title: '签名人', ...(field.required ? { minLength: 1 } : {}) }, [signatureKeys.date]: dateSchema('签名日期') },
        ...(field.required ? { required: [signatureKeys.name] } : {}),
        additionalProperties: false,
      };
    case 'table': {
      // 序号 is the position of the row: not a value of its own.
      const columns = shownColumns(field).filter((c) => !c.serial);
      return {
        ...base,
        type: 'array',
        ...(field.required ? { minItems: 1 } : {}),
        'x-rows': field.rows ?? 3,
        items: {
          type: 'object',
          properties: Object.fromEntries(columns.map((c) => [c.label, columnSchema(c)])),
          additionalProperties: false,
        },
      };
    }
  }
}

/** The JSON Schema of a filled record of this template version. */
export function recordJsonSchema(template: SchemaTemplate, options: { id?: string } = {}): Schema {
  const fields = fieldKeys(template.fields);
  const layout = formLayout({ fields: template.fields, orientation: template.orientation });
  return {
    $schema: jsonSchemaDialect,
    ...(options.id ? { $id: options.id } : {}),
    title: `${template.number} ${template.title}（${template.version}）`,
    description: `质量记录“${template.title}”填写后的数据：记录编号、表单版本、填写日期和各栏目的填写内容。`,
    'x-form': {
      number: template.number,
      title: template.title,
      version: template.version,
      ...(template.effectiveDate ? { effectiveDate: template.effectiveDate } : {}),
      ...(template.retention ? { retention: template.retention } : {}),
      orientation: layout.orientation,
      fields: fields.map(({ key, field }) => ({ key, label: field.label, kind: field.kind, required: Boolean(field.required) })),
    },
    type: 'object',
    properties: {
      form: { const: template.number, title: recordKeys.form },
      version: { const: template.version, title: recordKeys.version },
      date: dateSchema(recordKeys.date),
      values: {
        title: recordKeys.values,
        type: 'object',
        properties: Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f)])),
        required: fields.filter((f) => f.field.required).map((f) => f.key),
        additionalProperties: false,
      },
    },
    required: ['form', 'version', 'date', 'values'],
    additionalProperties: false,
  };
}

/** One form of the index (/records/schemas.json). */
export interface SchemaIndexEntry {
  number: string;
  title: string;
  version: string;
  effectiveDate?: string;
  /** Where the schema is, relative to the site root (with the base path when given). */
  schema: string;
  /** The record page (在线填写). */
  page: string;
}

/** The index of every form's schema, for a workflow platform to import them all. */
export function recordSchemaIndex(entries: SchemaIndexEntry[]): Schema {
  return {
    title: '质量记录表单数据结构索引',
    dialect: jsonSchemaDialect,
    description: '每张质量记录表单（现行版本）填写后数据的 JSON Schema 位置。',
    forms: entries,
  };
}

/** The start of a saved record's file name: 记录编号_版本_ with / turned into -. */
export function recordFilePrefix(form: string, version: string): string {
  return `${form}_${version}_`.replace(/[/\\]/g, '-');
}

/** The file a filled record is saved as: 记录编号_版本_日期.json. */
export function recordFileName(form: string, version: string, date: string): string {
  return `${recordFilePrefix(form, version)}${date}.json`;
}

/**
 * What the online form (在线填写, public/record-fill.js) is built from: the form's facts and its layout
 * (the same formLayout as paper), the keys of a signature and the saved file's name.
 */
export function fillDefinition(template: SchemaTemplate): Record<string, unknown> {
  return {
    number: template.number,
    title: template.title,
    version: template.version,
    filePrefix: recordFilePrefix(template.number, template.version),
    signatureKeys,
    layout: formLayout({ fields: template.fields, orientation: template.orientation }),
  };
}
