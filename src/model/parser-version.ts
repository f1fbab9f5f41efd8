/** A fingerprint of the parsing code: a cached parse is reused only by the same parser. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const parserSources = ['parse-file.ts', 'body.ts', 'frontmatter.ts', 'position.ts', 'issue-number.ts'];

export function parserVersion(): string {
  const hash = createHash('sha1');
  for (const file of parserSources) hash.update(readFileSync(new URL(file, import.meta.url)));
  return hash.digest('hex');
}
