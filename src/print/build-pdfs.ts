/**
 * Prints the document set: one PDF per document, one blank form per record template and the whole
 * manual, into `outDir`. One browser for the run, reused tabs, and a cache so that unchanged
 * documents are not printed again.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocumentSet } from '../model/load.ts';
import { flowchartCacheDir, renderFlowcharts } from '../render/mermaid.ts';
import { bookOrder } from './book-order.ts';
import { commitStamp } from './commit-stamp.ts';
import { documentHtml } from './document-html.ts';
import { fontFaceCss, fontsFingerprint, printFonts } from './fonts.ts';
import { blankFormHtml } from './form-html.ts';
import { cacheKey, openPdfCache, pdfCacheDir } from './pdf-cache.ts';
import { withMetadata } from './pdf-info.ts';
import { documentPdfFile, formPdfFile, wholeManualFile } from './pdf-paths.ts';
import { startRenderer } from './pdf-renderer.ts';
import { isPrintable, printContext, type PrintableDocument, type PrintContext } from './print-context.ts';
import { templateVersion } from './print-css.ts';
import { buildWholeManual } from './whole-manual.ts';
import { typeLabels } from '../model/document-types.ts';

/** What buildPdfs was asked to do. */
export interface BuildPdfsOptions {
  /** Project root (holds content/ and .cache/). */
  root: string;
  set: DocumentSet;
  /** Folder the PDFs end up in; replaced as a whole only when everything succeeded. */
  outDir: string;
  /** Progress and summary lines (Chinese), e.g. to stderr. */
  log: (line: string) => void;
  /** Tabs printing at once (default 2). */
  tabs?: number;
  /** Use and fill the PDF cache (default true). */
  cache?: boolean;
}

/** Counts of one run, for the log and the benchmark. */
export interface BuildPdfsResult {
  documents: number;
  forms: number;
  rendered: number;
  cached: number;
  bookPages: number;
}


/** One PDF to print: its document, file name under the PDF folder, print HTML and cache key. */
export interface PrintJob {
  doc: PrintableDocument;
  file: string;
  html: string;
  key: string;
  title: string;
}

/**
 * Everything to print, before any printing: each document's print HTML (and each record's blank
 * form), with its cache key. Also used by the benchmark to give pagedjs-cli the same pages.
 */
export async function printJobs(root: string, set: DocumentSet, log: (line: string) => void): Promise<{ jobs: PrintJob[]; ctx: PrintContext; fingerprint: string }> {
  const fonts = printFonts();
  const fingerprint = fontsFingerprint(fonts);
  const docs = set.documents.filter(isPrintable);
  // Flowcharts as vector graphics, shared with the site (each source rendered once, then cached).
  const flowcharts = await renderFlowcharts(
    docs.flatMap((d) => d.file.body.mermaid.map((m) => m.code)),
    { cacheDir: join(root, flowchartCacheDir), log },
  );
  const ctx = printContext(set, { commit: commitStamp(root), fontCss: fontFaceCss(fonts), flowcharts });
  const job = (doc: PrintableDocument, file: string, html: string, title: string): PrintJob => ({ doc, file, html, title, key: cacheKey(templateVersion, fingerprint, html) });
  const jobs: PrintJob[] = [];
  for (const doc of docs) {
    jobs.push(job(doc, documentPdfFile(doc.data.number), documentHtml(doc, ctx), `${doc.data.number} ${doc.data.title}`));
    if (doc.type === 'record' && doc.data.fields) jobs.push(job(doc, formPdfFile(doc.data.number), blankFormHtml(doc, ctx), `${doc.data.number} ${doc.data.title}（空白表单）`));
  }
  return { jobs, ctx, fingerprint };
}

/** Builds every PDF; throws BrowserNotFoundError when something must be printed and no browser exists. */
export async function buildPdfs(options: BuildPdfsOptions): Promise<BuildPdfsResult> {
  const { root, set, outDir, log } = options;
  const started = performance.now();
  // The browser starts while the print HTML is being prepared; it is only waited for when a page
  // is not in the cache (and a missing browser only matters then).
  const starting = startRenderer({ tabs: options.tabs ?? 2 });
  starting.catch(() => undefined);
  // Written beside the cache, not inside the output's parent (a site build may replace that folder
  // meanwhile), and moved into place only when every PDF is there.
  const staging = join(root, '.cache/shoukong', `pdf-out-${process.pid}`);
  try {
    const { jobs, ctx, fingerprint } = await printJobs(root, set, log);
    const docs = set.documents.filter(isPrintable);
    const cache = options.cache === false ? undefined : openPdfCache(join(root, pdfCacheDir));
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(staging, 'forms'), { recursive: true });
    const render = async (html: string): Promise<Uint8Array> => (await starting).render(html);
    const created = new Date();
    const byFile = new Map<string, Uint8Array>();
    let rendered = 0;
    let done = 0;

    await runPool(jobs, options.tabs ?? 2, async (j) => {
      let pdf = cache?.get(j.key);
      if (!pdf) {
        const meta = { title: j.title, subject: j.doc.data.number, keywords: keywordsOf(j.doc), author: ctx.institution, created };
        pdf = await withMetadata(await render(j.html), meta);
        cache?.set(j.key, pdf);
        rendered++;
      }
      byFile.set(j.file, pdf);
      writeFileSync(join(staging, j.file), pdf);
      done++;
      if (done % 10 === 0 || done === jobs.length) log(`PDF ${done}/${jobs.length}（新生成 ${rendered}，缓存 ${done - rendered}）`);
    });

    const parts = bookOrder(docs).map((doc) => ({ doc, pdf: byFile.get(documentPdfFile(doc.data.number))! }));
    const date = localDate(created);
    const bookKey = cacheKey(templateVersion, fingerprint, 'book', ctx.commit, date, ...jobs.filter((j) => parts.some((p) => p.doc === j.doc)).map((j) => j.key));
    let book = cache?.get(bookKey);
    let bookPages = 0;
    if (!book) {
      const bookStarted = performance.now();
      // Cover and contents come from the cache too when their HTML is unchanged (same page counts).
      const renderCached = async (html: string) => {
        const key = cacheKey(templateVersion, fingerprint, html);
        const hit = cache?.get(key);
        if (hit) return hit;
        const pdf = await render(html);
        cache?.set(key, pdf);
        return pdf;
      };
      const built = await buildWholeManual({ parts, ctx, render: renderCached, created, date });
      book = built.pdf;
      bookPages = built.layout.totalPages;
      cache?.set(bookKey, book);
      log(`体系文件汇编：${parts.length} 份文件，共 ${bookPages} 页（合并用时 ${((performance.now() - bookStarted) / 1000).toFixed(1)} 秒）`);
    }
    writeFileSync(join(staging, wholeManualFile), book);
    cache?.prune();

    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    moveInto(staging, outDir);
    const forms = jobs.length - docs.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`PDF 完成：${docs.length} 份文件、${forms} 份空白表单、体系文件汇编 ${parts.length} 份文件；新生成 ${rendered}，复用缓存 ${jobs.length - rendered}；用时 ${seconds} 秒 → ${outDir}`);
    return { documents: docs.length, forms, rendered, cached: jobs.length - rendered, bookPages };
  } finally {
    await starting.then((renderer) => renderer.close(), () => undefined);
    rmSync(staging, { recursive: true, force: true });
  }
}

function keywordsOf(doc: PrintableDocument): string[] {
  return [doc.data.number, typeLabels[doc.type!], '受控文件', ...(doc.data.clauses ?? [])];
}

/** Renames a finished folder into place, copying when it crosses file systems. */
function moveInto(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}

/** YYYY-MM-DD in local time. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Runs `work` over `items` with at most `limit` at once; the first failure stops the run. */
async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
