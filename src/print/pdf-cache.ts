/**
 * Finished PDFs kept in .cache/shoukong/pdf/ under a key of everything they were printed from, and
 * a manifest saying, per document, which inputs its last PDF needed (see print-inputs.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { linkFile } from '../fs/hard-links.ts';
import { join } from 'node:path';
import type { PrintInput } from './print-inputs.ts';

/** Where PDFs are cached, relative to the project root. */
export const pdfCacheDir = '.cache/shoukong/pdf';

/** A content-addressed store of PDF bytes. */
export interface PdfCache {
  get(key: string): Uint8Array | undefined;
  set(key: string, bytes: Uint8Array): void;
  /** Marks the entry as used (see prune); false when there is none. */
  touch(key: string): boolean;
  /**
   * Puts the entry at `dest` as a hard link: no bytes are read or written, which for a whole set of
   * unchanged PDFs is most of a run's work. Safe because entries are only ever replaced (set writes
   * a new file and renames it), never changed in place. Copies where a link cannot be made.
   */
  placeAt(key: string, dest: string): void;
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
    touch(key) {
      try {
        const now = new Date();
        utimesSync(file(key), now, now);
        return true;
      } catch {
        return false;
      }
    },
    placeAt(key, dest) {
      linkFile(file(key), dest);
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
          if (name !== manifestName && statSync(join(dir, name)).mtimeMs < oldest) rmSync(join(dir, name), { force: true });
        } catch {
          // Removed meanwhile by another run.
        }
      }
    },
  };
}

/** What one document's PDF was last printed from: the answers it needed, and the PDF's key. */
export interface ManifestEntry {
  inputs: PrintInput[];
  pdf: string;
}

/** Per document (by its base key: file, code, fonts, kind), the inputs of its last PDF. */
export interface PrintManifest {
  get(base: string): ManifestEntry | undefined;
  set(base: string, entry: ManifestEntry): void;
  /** How many pages the whole manual's contents took last time: the first guess for the next book. */
  contentsPages: number | undefined;
  /** Writes the manifest back, leaving out entries no run has used for `maxAgeDays`. */
  save(maxAgeDays?: number): void;
}

const manifestName = 'inputs.json';

/** Opens the manifest kept beside the cached PDFs; a missing or unreadable one starts empty. */
export function openPrintManifest(dir: string): PrintManifest {
  const file = join(dir, manifestName);
  let entries: Record<string, ManifestEntry & { used: number }> = {};
  let contentsPages: number | undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; entries?: typeof entries; contentsPages?: number };
    if (parsed.version === 1 && parsed.entries) entries = parsed.entries;
    if (parsed.version === 1 && typeof parsed.contentsPages === 'number') contentsPages = parsed.contentsPages;
  } catch {
    // First run, or a damaged file: every document is looked at afresh.
  }
  const now = Date.now();
  return {
    get contentsPages() {
      return contentsPages;
    },
    set contentsPages(pages) {
      contentsPages = pages;
    },
    get(base) {
      const entry = entries[base];
      if (entry) entry.used = now;
      return entry;
    },
    set(base, entry) {
      entries[base] = { ...entry, used: now };
    },
    save(maxAgeDays = 14) {
      const oldest = now - maxAgeDays * 86_400_000;
      const kept = Object.fromEntries(Object.entries(entries).filter(([, e]) => e.used >= oldest));
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: 1, entries: kept, contentsPages }));
      renameSync(tmp, file);
    },
  };
}
