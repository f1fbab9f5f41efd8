/** One frontmatter schema per document type: the single source of the TypeScript types and the JSON Schema. */
import type { z } from 'zod';
import type { DocumentType } from '../document-types.ts';
import { externalSchema } from './external.ts';
import { flowSchema } from './flow.ts';
import { manualSectionSchema } from './manual-section.ts';
import { procedureSchema } from './procedure.ts';
import { recordSchema } from './record.ts';
import { regulationSchema } from './regulation.ts';
import { standardSchema } from './standard.ts';

export const documentSchemas = {
  'manual-section': manualSectionSchema,
  procedure: procedureSchema,
  flow: flowSchema,
  standard: standardSchema,
  regulation: regulationSchema,
  record: recordSchema,
  external: externalSchema,
} as const satisfies Record<DocumentType, z.ZodType>;

export type DocumentData = { [T in DocumentType]: z.output<(typeof documentSchemas)[T]> }[DocumentType];
export type DataOf<T extends DocumentType> = z.output<(typeof documentSchemas)[T]>;

export * from './common.ts';
export * from './distribution.ts';
export * from './external.ts';
export * from './flow.ts';
export * from './manual-section.ts';
export * from './procedure.ts';
export * from './record.ts';
export * from './regulation.ts';
export * from './standard.ts';
