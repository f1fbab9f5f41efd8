/** Finished PDFs kept in .cache/shoukong/pdf/ under a key of their print HTML, template and fonts. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where PDFs are cached, relative to the project root. */
export const pdfCacheDir = '.cache/shoukong/pdf';

/** A content-addressed store of PDF bytes. */
export interface PdfCache {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
  /** Removes entries no run has used for `maxAgeDays` (runs may share the cache, so never fresher ones). */
  prune(maxAgeDays?: number): void;
}

/** The key of one PDF: sha1 over every input that changes its bytes. */
export function cacheKey(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** Opens (creating when needed) the cache folder. */
export function openPdfCache(dir: string): PdfCache {
  mkdirSync(dir, { recursive: true });
  const file = (key: string) => join(dir, `${key}.pdf`);
  return {
    get(key) {
      try {
        const bytes = readFileSync(file(key));
        const now = new Date();
        utimesSync(file(key), now, now);
        return new Uint8Array(bytes);
      } catch {
        return undefined;
      }
    },
    set(key, bytes) {
      const tmp = `${file(key)}.${process.pid}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, file(key));
    },
    prune(maxAgeDays = 14) {
      const oldest = Date.now() - maxAgeDays * 86_400_000;
      for (const name of readdirSync(dir)) {
        try {
          if (statSync(join(dir, name)).mtimeMs < oldest) rmSync(join(dir, name), { force: true });
        } catch {
          // Removed meanwhile by another run.
        }
      }
    },
  };
}
