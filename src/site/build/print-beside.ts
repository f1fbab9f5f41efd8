/**
 * The PDFs and Word copies of a site build, printed while Astro builds the pages: Chromium prints in
 * its own processes, so the two overlap instead of adding up. They are written into a work folder
 * of their own (Astro owns the site's folder while it builds) and moved into the site afterwards.
 */
import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { removeOnInterrupt, removeStaleWorkFolders } from '../../fs/work-folders.ts';
import type { DocumentSet } from '../../model/load.ts';

/** Printing under way; `moveInto` waits for it and puts pdf/ and docx/ into the site. */
export interface Printing {
  moveInto(site: string): Promise<void>;
  /** Waits for the printing to stop and removes what it wrote (the build failed). */
  abort(): Promise<void>;
}

export interface PrintOptions {
  contentRoot: string;
  set: DocumentSet;
  today: string;
  log: (line: string) => void;
  /** Times a step into the build's timings. */
  time: <T>(step: string, run: () => Promise<T>) => Promise<T>;
}

/** Starts printing the PDFs, then the Word copies (cached the same way), into a work folder under the content root's cache. */
export function startPrinting({ contentRoot, set, today, log, time }: PrintOptions): Printing {
  const cache = join(contentRoot, '.cache/shoukong');
  removeStaleWorkFolders(cache, 'print-out-');
  const work = join(cache, `print-out-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const release = removeOnInterrupt(work);
  const printed = (async () => {
    // Loaded here, not with the build: a build without PDFs (--no-pdf, no browser) never loads the Word writer.
    const [{ buildPdfs }, { buildDocx }] = await Promise.all([import('../../print/build-pdfs.ts'), import('../../print/build-docx.ts')]);
    await time('pdf', () => buildPdfs({ root: contentRoot, set, outDir: join(work, 'pdf'), log, today }));
    await time('docx', () => buildDocx({ root: contentRoot, set, outDir: join(work, 'docx'), log, today }));
  })();
  printed.catch(() => undefined); // awaited by moveInto or abort
  const done = () => {
    rmSync(work, { recursive: true, force: true });
    release();
  };
  return {
    async moveInto(site) {
      try {
        await printed;
        for (const folder of ['pdf', 'docx']) move(join(work, folder), join(site, folder));
      } finally {
        done();
      }
    },
    async abort() {
      await printed.catch(() => undefined);
      done();
    },
  };
}

/** Renames, or copies when the two are on different file systems. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
  }
}
