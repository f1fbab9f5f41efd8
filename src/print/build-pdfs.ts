/**
 * Prints the document set: one PDF per document, one blank form per record template and the whole
 * manual, into `outDir`. One browser for the run, reused tabs, and a cache so that unchanged
 * documents are not printed again.
 */
import { localDate } from '../model/calendar-date.ts';
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildToday, inForceTodayOf, type InForceToday } from '../history/in-force-today.ts';
import type { DocumentSet } from '../model/load.ts';
import { flowchartCacheDir, renderFlowcharts } from '../render/mermaid.ts';
import { bookOrder } from './book-order.ts';
import { codeFingerprint } from './code-fingerprint.ts';
import { commitStamp } from './commit-stamp.ts';
import { documentHtml } from './document-html.ts';
import { fontFaceCss, fontsFingerprint, printFonts } from './fonts.ts';
import { blankFormHtml } from './form-html.ts';
import { cacheKey, openPdfCache, openPrintManifest, pdfCacheDir } from './pdf-cache.ts';
import { withMetadata } from './pdf-info.ts';
import { documentPdfFile, formPdfFile, wholeManualFile } from './pdf-paths.ts';
import { startRenderer, type PdfRenderer, type RendererOptions } from './pdf-renderer.ts';
import { inputsHold, recordingContext } from './print-inputs.ts';
import { isPrintable, printContext, type PrintableDocument, type PrintContext } from './print-context.ts';
import { startWholeManual } from './whole-manual.ts';
import { removeOnInterrupt, removeStaleWorkFolders } from '../fs/work-folders.ts';
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
  /** The print date (default buildToday()): what is in force, and so stamped 受控, on that day. */
  today?: string;
  /** Which browser, and hooks to watch it (tests); the tab count is `tabs`. */
  renderer?: Omit<RendererOptions, 'tabs'>;
}

/** Counts of one run, for the log and the benchmark. */
export interface BuildPdfsResult {
  documents: number;
  forms: number;
  rendered: number;
  cached: number;
  /** Of the cached, those kept without building their HTML: file, code and recorded inputs unchanged. */
  unchanged: number;
  bookPages: number;
}


/** One PDF to print: its document, its file name under the PDF folder, what it is, and its title. */
export interface PrintJob {
  doc: PrintableDocument;
  file: string;
  /** A document's own PDF, or the blank form of a record template. */
  kind: 'document' | 'form';
  title: string;
}

/** Everything to print: each printable document, and each record template's blank form. */
export function printJobs(set: DocumentSet): PrintJob[] {
  return set.documents.filter(isPrintable).flatMap((doc): PrintJob[] => {
    const own: PrintJob = { doc, file: documentPdfFile(doc.data.number), kind: 'document', title: `${doc.data.number} ${doc.data.title}` };
    if (doc.type !== 'record' || !doc.data.fields) return [own];
    return [own, { doc, file: formPdfFile(doc.data.number), kind: 'form', title: `${doc.data.number} ${doc.data.title}（空白表单）` }];
  });
}

/** The print HTML of one job. */
export function jobHtml(job: PrintJob, ctx: PrintContext): string {
  return job.kind === 'form' ? blankFormHtml(job.doc, ctx) : documentHtml(job.doc, ctx);
}

/**
 * The context every print page is built with; flowcharts are added as documents need them. Give it
 * the decisions for the print date (inForceTodayOf) and the set they hold (`inForce.set`).
 */
export function printSetup(root: string, set: DocumentSet, inForce?: InForceToday): { ctx: PrintContext; flowcharts: Map<string, string>; fingerprint: string } {
  const fonts = printFonts();
  const flowcharts = new Map<string, string>();
  const ctx = printContext(set, { commit: commitStamp(root), fontCss: fontFaceCss(fonts), flowcharts, ...(inForce ? { inForce } : {}) });
  return { ctx, flowcharts, fingerprint: cacheKey(codeFingerprint(), fontsFingerprint(fonts)) };
}

/** Renders (or reads from the cache) the flowcharts of these documents into the setup's map. */
export async function addFlowcharts(root: string, docs: PrintableDocument[], flowcharts: Map<string, string>, log: (line: string) => void): Promise<void> {
  const codes = new Set(docs.flatMap((d) => d.file.body.mermaid.map((m) => m.code)).filter((c) => !flowcharts.has(c)));
  if (codes.size === 0) return;
  for (const [code, svg] of await renderFlowcharts(codes, { cacheDir: join(root, flowchartCacheDir), log })) flowcharts.set(code, svg);
}

/** Builds every PDF; throws BrowserNotFoundError when something must be printed and no browser exists. */
export async function buildPdfs(options: BuildPdfsOptions): Promise<BuildPdfsResult> {
  const { root, outDir, log } = options;
  // What is in force on the print date: a revision approved for later is not printed (nor stamped) yet.
  const inForce = inForceTodayOf(options.set, options.today ?? buildToday());
  const set = inForce.set;
  const started = performance.now();
  const tabs = options.tabs ?? 2;
  // Written beside the cache, not inside the output's parent (a site build may replace that folder
  // meanwhile), and moved into place only when every PDF is there.
  const staging = join(root, '.cache/shoukong', `pdf-out-${process.pid}`);
  removeStaleWorkFolders(dirname(staging), 'pdf-out-');
  const releaseStaging = removeOnInterrupt(staging);
  let renderer: Promise<PdfRenderer> | undefined;
  let closing: Promise<void> | undefined;
  const closeRenderer = () => (closing ??= renderer?.then((r) => r.close(), () => undefined));
  try {
    const { ctx, flowcharts, fingerprint } = printSetup(root, set, inForce);
    const jobs = printJobs(set);
    const docs = set.documents.filter(isPrintable);
    // The whole manual holds what is in force: not a document whose first version takes effect later.
    const bookable = docs.filter((d) => inForce.decisionOf(d).state === 'in-force');
    const cacheDir = join(root, pdfCacheDir);
    const cache = options.cache === false ? undefined : openPdfCache(cacheDir);
    const manifest = options.cache === false ? undefined : openPrintManifest(cacheDir);

    // Started when the first page must be printed, so a run with nothing new never launches a browser.
    const browser = (): Promise<PdfRenderer> => {
      if (!renderer) {
        renderer = startRenderer({ ...options.renderer, tabs });
        renderer.catch(() => undefined); // a missing browser matters only to the pages awaiting it
      }
      return renderer;
    };
    const render = (html: string): Promise<Uint8Array> => browser().then((r) => r.render(html));

    // 1. Documents whose file, code and recorded inputs are unchanged keep their PDF, without
    //    building their HTML, and without even reading it unless the whole manual is merged again.
    const keys = new Map<PrintJob, string>();
    const baseOf = (j: PrintJob) => cacheKey(fingerprint, j.kind, j.doc.path, j.doc.file.hash);
    for (const j of jobs) {
      const entry = manifest?.get(baseOf(j));
      if (entry && inputsHold(entry.inputs, ctx, set) && cache?.touch(entry.pdf)) keys.set(j, entry.pdf);
    }
    const kept = jobs.filter((j) => keys.has(j));
    const pending = jobs.filter((j) => !keys.has(j));
    const created = new Date();
    const date = localDate(created);
    const bookDocs = bookOrder(bookable);
    const inBook = new Set(bookDocs);
    const ownJob = new Map(jobs.filter((j) => j.kind === 'document').map((j) => [j.doc, j]));
    // The whole manual is merged again only when one of its documents, the commit or the date changed.
    const bookKeyNow = () => cacheKey(fingerprint, 'book', ctx.commit, date, ...bookDocs.map((doc) => keys.get(ownJob.get(doc)!)!));
    const bookCached = pending.length === 0 && cache?.touch(bookKeyNow()) === true;
    // Launching the browser is the longest wait of a run that prints a few pages (a changed document,
    // or the book's cover after a new commit), so it starts before anything else is done.
    if (pending.length > 0 || !bookCached) void browser();

    // 2. The others: build their HTML (recording what it needed) and print what the cache lacks.
    let rendered = 0;
    if (pending.length > 0) await addFlowcharts(root, pending.map((j) => j.doc), flowcharts, log);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(staging, 'forms'), { recursive: true });
    const fresh = new Map<PrintJob, Uint8Array>();
    const bytesOf = (j: PrintJob): Uint8Array => {
      const pdf = fresh.get(j) ?? cache?.get(keys.get(j)!);
      if (!pdf) throw new Error(`缓存中的 ${j.file} 在构建过程中被删除；请重新运行`);
      return pdf;
    };
    // Into the output folder: a link to the cached file (no bytes copied), or the bytes without a cache.
    const place = (key: string, pdf: Uint8Array | undefined, file: string) => (cache ? cache.placeAt(key, join(staging, file)) : writeFileSync(join(staging, file), pdf!));
    const book = bookCached ? undefined : startWholeManual();
    // While the browser prints, the unchanged PDFs are placed and copied into the whole manual.
    const meanwhile = (async () => {
      for (const j of kept) {
        await new Promise((resolve) => setImmediate(resolve)); // lets the browser's messages through
        place(keys.get(j)!, undefined, j.file);
        if (book && j.kind === 'document' && inBook.has(j.doc)) await (await book).add(j.doc, bytesOf(j));
      }
    })();
    meanwhile.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let done = 0;
    await runPool(pending, tabs, async (j) => {
      const recording = recordingContext(ctx);
      const { html, inputs } = recording.finish(jobHtml(j, recording.ctx));
      const key = cacheKey(baseOf(j), ...inputs.flat());
      let pdf = cache?.get(key);
      if (!pdf) {
        const meta = { title: j.title, subject: j.doc.data.number, keywords: keywordsOf(j.doc), author: ctx.institution, created };
        pdf = await withMetadata(await render(html), meta);
        cache?.set(key, pdf);
        rendered++;
      }
      manifest?.set(baseOf(j), { inputs, pdf: key });
      keys.set(j, key);
      fresh.set(j, pdf);
      place(key, pdf, j.file);
      if (book && j.kind === 'document' && inBook.has(j.doc)) await (await book).add(j.doc, pdf);
      done++;
      if (done % 10 === 0 || done === pending.length) log(`PDF ${done}/${pending.length}（新生成 ${rendered}，其余 ${kept.length} 份未变）`);
    });

    await meanwhile;

    // 3. The whole manual.
    const bookKey = bookKeyNow();
    let bookPages = 0;
    if (book && !cache?.touch(bookKey)) {
      const bookStarted = performance.now();
      const manual = await book;
      // All are in already unless nothing needed printing (the book is new because the date or commit is).
      for (const doc of bookDocs) if (!manual.has(doc)) await manual.add(doc, bytesOf(ownJob.get(doc)!));
      // Cover and contents come from the cache too when their HTML is unchanged (same page counts).
      const renderCached = async (html: string) => {
        const key = cacheKey(fingerprint, html);
        const hit = cache?.get(key);
        if (hit) return hit;
        const pdf = await render(html);
        cache?.set(key, pdf);
        return pdf;
      };
      const built = await manual.finish({ docs: bookDocs, ctx, render: renderCached, created, date, rendered: () => void closeRenderer(), ...(manifest?.contentsPages ? { contentsPages: manifest.contentsPages } : {}) });
      if (manifest) manifest.contentsPages = built.layout.contentsPages;
      bookPages = built.layout.totalPages;
      cache?.set(bookKey, built.pdf);
      place(bookKey, built.pdf, wholeManualFile);
      log(`体系文件汇编：${bookDocs.length} 份文件，共 ${bookPages} 页（合并用时 ${((performance.now() - bookStarted) / 1000).toFixed(1)} 秒）`);
    } else {
      place(bookKey, undefined, wholeManualFile);
    }
    void closeRenderer();
    manifest?.save();
    cache?.prune();

    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    moveInto(staging, outDir);
    const forms = jobs.length - docs.length;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`PDF 完成：${docs.length} 份文件、${forms} 份空白表单、体系文件汇编 ${bookDocs.length} 份文件；新生成 ${rendered}，复用缓存 ${jobs.length - rendered}；用时 ${seconds} 秒 → ${outDir}`);
    return { documents: docs.length, forms, rendered, cached: jobs.length - rendered, unchanged: jobs.length - pending.length, bookPages };
  } finally {
    await closeRenderer();
    rmSync(staging, { recursive: true, force: true });
    releaseStaging();
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


/** Runs `work` over `items` with at most `limit` at once; the first failure stops the run. */
async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
