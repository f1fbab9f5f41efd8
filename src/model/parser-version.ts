/**
 * A fingerprint of the parsing and validating code: a cached parse, and the fields a file passed its
 * schema with, are reused only by the same code (and the same zod).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const parserSources = ['parse-file.ts', 'body.ts', 'frontmatter.ts', 'position.ts', 'issue-number.ts'];
/** What decides a document's type and whether its fields pass (load.ts keeps the passed fields). */
const validatorSources = ['load.ts', 'validate.ts', 'document-types.ts', 'calendar-date.ts'];

export function parserVersion(): string {
  const hash = createHash('sha1');
  const schemas = readdirSync(new URL('schemas/', import.meta.url)).filter((name) => name.endsWith('.ts')).sort().map((name) => `schemas/${name}`);
  for (const file of [...parserSources, ...validatorSources, ...schemas]) hash.update(readFileSync(new URL(file, import.meta.url)));
  hash.update((createRequire(import.meta.url)('zod/package.json') as { version: string }).version);
  return hash.digest('hex');
}
