/**
 * The full-text index in parts: Pagefind cannot update an index, only build it whole, and for 5,000
 * documents that takes longer than the rest of a rebuild (npm run bench:site). So a large set is
 * indexed in parts of about a thousand documents, each document in the part its number hashes to;
 * a change re-indexes only its part, and the search page merges the parts (Pagefind's mergeIndex).
 * Up to a thousand current documents there is one part, the index as it always was at /pagefind/.
 */
import { createHash } from 'node:crypto';

/** About how many documents one part holds. */
export const documentsPerPart = 1000;

/** How many parts the index of this many current documents has (`perPart` other than the default only in tests). */
export function searchPartCount(documents: number, perPart = documentsPerPart): number {
  return Math.max(1, Math.ceil(documents / perPart));
}

/** Where part `i` is in the site: the first is /pagefind/ itself (it also holds the search UI), the others inside it. */
export function searchPartPath(i: number): string {
  return i === 0 ? '/pagefind/' : `/pagefind/part-${i}/`;
}

/** The part a document is indexed in: the same for as long as the number of parts stays the same. */
export function searchPartOf(number: string, parts: number): number {
  return parseInt(createHash('sha1').update(number).digest('hex').slice(0, 8), 16) % parts;
}
