/** An ajv as a workflow platform would set it up to read the forms' schemas: 2020-12, strict. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { recordSchemaKeywords } from '../../src/model/record-json-schema.ts';

/** Strict 2020-12 ajv told of the schemas' annotation keywords (x-kind, x-form, x-rows). */
export function recordAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary([...recordSchemaKeywords]);
  // ajv-formats is not needed: the pattern already holds dates to YYYY-MM-DD.
  ajv.addFormat('date', true);
  return ajv;
}
