/**
 * The full-text index in parts: Pagefind cannot update an index, only build it whole, and it reads
 * about a thousand documents a second, so for 5,000 documents a whole index takes longer than the
 * rest of a rebuild (npm run bench:site). A large set is therefore indexed in parts of about a hundred
 * documents, each document in the part its number hashes to; a change re-indexes only its part, and
 * the search page merges the parts (Pagefind's mergeIndex, which loads Pagefind's code and WebAssembly
 * once and fetches each part's small index files only). Up to `documentsPerPart` current documents
 * there is one part, the index as it always was at /pagefind/.
 */
import { createHash } from 'node:crypto';

/**
 * About how many documents one part holds: re-indexing one takes Pagefind about 0.15 s. Smaller parts
 * rebuild faster but cost the search page more requests per query (one small index file per part and
 * word): 40 parts of 5,000 documents fetch about 200 files, 300 KB, for a query.
 */
export const documentsPerPart = 125;

/** How many parts the index of this many current documents has (`perPart` other than the default only in tests). */
export function searchPartCount(documents: number, perPart = documentsPerPart): number {
  return Math.max(1, Math.ceil(documents / perPart));
}

/**
 * Where part `i` of `count` is in the site: a single index is /pagefind/ itself; parts are folders
 * side by side inside it (so that each can be replaced alone), and /pagefind/ holds the search UI.
 */
export function searchPartPath(i: number, count: number): string {
  return count === 1 ? '/pagefind/' : `/pagefind/part-${i}/`;
}

/** The files of Pagefind's search UI, which the search page loads from /pagefind/ whatever the parts. */
export const searchUiFiles = ['pagefind-ui.js', 'pagefind-ui.css'];

/** The part a document is indexed in: the same for as long as the number of parts stays the same. */
export function searchPartOf(number: string, parts: number): number {
  return parseInt(createHash('sha1').update(number).digest('hex').slice(0, 8), 16) % parts;
}
