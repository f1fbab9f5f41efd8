/**
 * `npm run build`: check, render flowcharts, build the Astro site into a temporary folder, index it
 * with Pagefind, print the PDFs, then swap the folder into dist/ with a rename. A failed step leaves
 * the previous dist/ untouched; a successful one keeps the site it replaced in dist.previous/ until
 * the next build. When only bodies changed (build/incremental.ts), the temporary folder holds just
 * the changed pages, search parts and PDF folders, and each is renamed into dist/ in place.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../../browser/find-browser.ts';
import { prepareCheck } from '../../check/prepare-check.ts';
import { runCheck } from '../../check/run-check.ts';
import { countBySeverity, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatPretty } from '../../diagnostics/format-pretty.ts';
import { buildToday } from '../../history/in-force-today.ts';
import { readSourceFile, type DocumentSet } from '../../model/load.ts';
import { flowchartCacheDir, renderFlowchartsReporting } from '../../render/mermaid.ts';
import { removeOnInterrupt, removeStaleWorkFolders } from '../../fs/work-folders.ts';
import { handOverBuildInput, rememberSite, type BuildInput } from '../astro/build-input.ts';
import { loadSite } from '../astro/load-site.ts';
import { searchCacheDir, startSearchIndex, type PendingSearchIndex } from '../search/search-index.ts';
import { buildIdDefine } from '../astro/page-selection.ts';
import { historySite } from '../history/history-site.ts';
import { planPageReuse, type PageReusePlan } from './incremental.ts';
import { replaceInPlace } from '../../fs/hard-links.ts';
import { startPrinting, type Printing } from './print-beside.ts';

/** The project that holds astro.config.mjs and src/pages. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BuildSiteOptions {
  /** Folder holding content/ (default: the project root). */
  contentRoot?: string;
  /** Output folder (default <project>/dist). */
  outDir?: string;
  /** Whether to print PDFs and Word copies when a browser exists (default true). */
  pdf?: boolean;
  /** Whether to build the search index (default true). */
  search?: boolean;
  /** Whether to stop on check errors (default true; the benchmark's generated sets are known clean). */
  check?: boolean;
  /** Whether to use the parse cache shared with npm run check (default true). */
  parseCache?: boolean;
  /**
   * The build date (default buildToday(): SHOUKONG_TODAY or the local date): what every page, list,
   * search entry, register row and PDF shows as in force, and what the check counts overdue from.
   */
  today?: string;
  /** Base path the site is published under, normalised ('/zlbz/'; default '/'). */
  base?: string;
  log?: (line: string) => void;
  color?: boolean;
}

export interface BuildSiteResult {
  exitCode: number;
  /** Diagnostics that stopped the build (check errors or flowcharts mermaid cannot parse). */
  diagnostics: Diagnostic[];
  pages: number;
  /** Milliseconds per step. */
  timings: Record<string, number>;
  /** 'incremental' when unchanged document and history pages were reused from the previous site, 'bodies' when only bodies changed and Astro did not run (build/incremental.ts). */
  mode?: 'full' | 'incremental' | 'bodies';
}

/** Builds the site; never leaves a half-written outDir. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const outDir = options.outDir ?? join(projectRoot, 'dist');
  // Folders of builds that were killed before they could remove them (their process is gone).
  for (const prefix of [`${basename(outDir)}.building-`, `${basename(previousSite(outDir))}-`]) removeStaleWorkFolders(dirname(outDir), prefix);
  // The site the last build replaced is removed while this one works (thousands of files: a second or two).
  const clearing = clearReplacedSite(outDir);
  try {
    return await buildSiteSteps(options);
  } finally {
    // The loaded set and site (hundreds of megabytes for thousands of documents) are of no use to a
    // later build in this process, and kept alive they make every garbage collection slower.
    rememberSite(undefined);
    await clearing;
  }
}

async function buildSiteSteps(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const contentRoot = options.contentRoot ?? projectRoot;
  const outDir = options.outDir ?? join(projectRoot, 'dist');
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // One date for the whole build: the check, the pages (handed over below) and the PDFs.
  const today = options.today ?? buildToday();
  const timings: Record<string, number> = {};
  // A step timed in several pieces adds them up.
  const time = async <T>(step: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[step] = (timings[step] ?? 0) + Math.round(performance.now() - started);
    }
  };
  const show = (diagnostics: Diagnostic[]) => log(formatPretty(diagnostics, { readSource: (file) => readSourceFile(contentRoot, file), color: options.color ?? false }));
  const fail = (diagnostics: Diagnostic[]): BuildSiteResult => {
    show(diagnostics);
    log(`构建已停止：有错误，未改动 ${relative(process.cwd(), outDir) || outDir}/。请按上面的提示修改后重新运行 npm run build。`);
    return { exitCode: 1, diagnostics, pages: 0, timings };
  };

  // 1. Check: errors stop the build before anything is written. The same parse cache as npm run
  // check (unchanged files are not parsed again); bodies are parsed once: the site renders them from
  // the trees the check read. Flowcharts are judged by rendering them (step 2), history is not read.
  const prepared = await time('load', () => prepareCheck(contentRoot, { history: false, flowcharts: false, today, cache: options.parseCache !== false, keepBodyTrees: true }));
  const set = prepared.set;
  if (prepared.warning) log(prepared.warning);
  if (options.check !== false) {
    const diagnostics = await time('check', () => runCheck(set, prepared.options));
    const { errors, warnings } = countBySeverity(diagnostics);
    if (errors > 0) return fail(diagnostics);
    // Warnings do not stop the build, but the author sees them here, not only with npm run check.
    if (warnings > 0) show(diagnostics);
    log(`检查通过：${set.documents.length} 份受控文件${warnings ? `，${warnings} 个警告（见上，不影响构建）` : ''}`);
  }

  // 2. Flowcharts: every distinct source once, into the shared cache; syntax errors stop the build.
  const flowchartProblems = await time('flowcharts', () => renderAllFlowcharts(set, log));
  if (flowchartProblems.length > 0) return fail(flowchartProblems);

  // 3. Astro into a temporary folder next to outDir (same file system, so the final rename is atomic).
  const staging = `${outDir}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const releaseStaging = removeOnInterrupt(staging);
  const printPdfs = options.pdf !== false && (await browserAvailable(log));
  let search: PendingSearchIndex | undefined;
  let reuse: PageReusePlan | undefined;
  let printing: Printing | undefined;
  try {
    // Astro's own setting (a closed network: no telemetry), for the time of this build only.
    const savedTelemetry = process.env.ASTRO_TELEMETRY_DISABLED;
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    // The loaders and pages get the checked set, the root, the date and whether PDFs exist (build-input.ts).
    const input: BuildInput = { contentRoot, set, today, pdf: printPdfs };
    handOverBuildInput(input);
    const site = await time('plan', () => loadSite(contentRoot, projectRoot, input));
    // Search index: fed from the model (bodies rendered once, reused by the Astro loader), so that
    // Pagefind, its own process, indexes while the pages are planned and built.
    if (options.search !== false) search = await time('search', () => startSearchIndex(site, join(contentRoot, searchCacheDir)));
    // Document and history pages whose inputs did not change are reused from the previous site.
    // The history is read once here and handed to the pages with the input.
    reuse = await time('plan', () => {
      const history = (input.history = historySite(contentRoot, input));
      return planPageReuse({ projectRoot, contentRoot, outDir, set, site, history, shared: { base: options.base ?? '/', pdf: printPdfs, today } });
    });
    const buildId = `${process.pid}-${++builds}`;
    if (reuse.render) input.pages = { build: buildId, paths: reuse.render };
    if (printPdfs) printing = startPrinting({ contentRoot, set, today, log, time });
    try {
      // Only bodies changed: the previous site is updated in place (step 7).
      if (reuse.mode !== 'bodies') await time('astro', async () => {
        const { build } = await import('astro');
        await build({ root: projectRoot, outDir: staging, logLevel: process.env.SHOUKONG_ASTRO_LOG === 'info' ? 'info' : 'warn', cacheDir: join(contentRoot, '.cache/astro'), base: options.base ?? '/', vite: { define: buildIdDefine(buildId) } });
      });
    } finally {
      handOverBuildInput(undefined);
      if (savedTelemetry === undefined) delete process.env.ASTRO_TELEMETRY_DISABLED;
      else process.env.ASTRO_TELEMETRY_DISABLED = savedTelemetry;
    }
    // When Astro did not run: what the build moves into the previous site in place (relative paths).
    let inPlace: string[] | undefined;
    const plan = reuse;
    await time('reuse', () => {
      if (plan.mode === 'bodies') inPlace = plan.writeBodies(staging);
      else plan.linkReused(staging);
    });
    const pages = plan.mode === 'bodies' ? plan.pageCount : countPages(staging);
    const reused = { full: '', incremental: `（${reuse.reused} 页与上次相同，沿用）`, bodies: `（只有正文改动：${reuse.render?.size ?? 0} 页换上新正文，其余沿用上次构建）` }[reuse.mode];
    log(`网站页面：${pages} 页${reused}`);

    // 4. Search index over current documents, written into the site (in place: only the parts that changed).
    if (search) {
      const { pages: indexed, reused, parts, indexedParts, written } = await time('search', () => search!.finish(staging, inPlace ? outDir : undefined));
      inPlace?.push(...written);
      log(`搜索索引：${indexed} 份现行文件${reused ? '（与上次构建相同，沿用缓存的索引）' : parts > 1 ? `（分 ${parts} 部分，重新索引其中 ${indexedParts} 部分）` : ''}`);
    }

    // 5. The PDFs and Word copies, printed while Astro built, into <staging>/pdf and <staging>/docx.
    if (printing) {
      await printing.moveInto(staging);
      inPlace?.push('pdf', 'docx');
    }

    // 7. Swap into place; the replaced site is kept aside until the next build (clearReplacedSite).
    // A build in place renames its few files and folders into the previous site instead.
    await time('swap', () => {
      if (plan.mode === 'bodies') {
        plan.forget();
        return replaceInPlace(staging, outDir, inPlace!);
      }
      const previous = previousSite(outDir);
      if (existsSync(outDir)) {
        rmSync(previous, { recursive: true, force: true }); // only there when another build left one meanwhile
        renameSync(outDir, previous);
      }
      renameSync(staging, outDir);
    });
    rmSync(staging, { recursive: true, force: true });
    reuse.save(pages);
    log(`完成：${relative(process.cwd(), outDir) || outDir}/（${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} 秒`).join('，')}）`);
    return { exitCode: 0, diagnostics: [], pages, timings, mode: reuse.mode };
  } catch (error) {
    await search?.abort();
    await printing?.abort();
    rmSync(staging, { recursive: true, force: true });
    log(`构建失败，未改动 ${relative(process.cwd(), outDir) || outDir}/：${(error as Error).stack ?? String(error)}`);
    return { exitCode: 1, diagnostics: [], pages: 0, timings };
  } finally {
    releaseStaging();
  }
}

/** Builds run by this process, for each build's id (page-selection.ts). */
let builds = 0;

/** Where a build puts the site it replaced: next to it, so that the rename is atomic. */
function previousSite(outDir: string): string {
  return `${outDir}.previous`;
}

/** Removes the site the last build replaced, in the background: the caller awaits it when done. */
export async function clearReplacedSite(outDir: string): Promise<void> {
  const previous = previousSite(outDir);
  if (!existsSync(previous)) return;
  // Renamed first, so this build's own swap can put the site it replaces there meanwhile.
  const clearing = `${previous}-${process.pid}`;
  try {
    renameSync(previous, clearing);
  } catch {
    return;
  }
  await rm(clearing, { recursive: true, force: true });
}

/** Renders every flowchart once; a source mermaid cannot parse becomes a diagnostic at its line. */
export async function renderAllFlowcharts(set: DocumentSet, log: (line: string) => void): Promise<Diagnostic[]> {
  const blocks = set.documents.flatMap((doc) => doc.file.body.mermaid.map((block) => ({ doc, block })));
  if (blocks.length === 0) return [];
  const { errors } = await renderFlowchartsReporting(
    blocks.map((b) => b.block.code),
    { cacheDir: join(projectRoot, flowchartCacheDir), log },
  );
  return blocks.flatMap(({ doc, block }) => {
    const error = errors.get(block.code);
    if (!error) return [];
    const lineInBlock = error.line ?? 1;
    const line = block.span.start.line + lineInBlock - 1;
    const text = block.code.split('\n')[lineInBlock - 1] ?? '';
    const indent = text.length - text.trimStart().length;
    return [
      {
        file: doc.path,
        span: { start: { line, column: indent + 1 }, end: { line, column: Math.max(text.length + 1, indent + 2) } },
        severity: 'error' as const,
        message: `流程图无法解析：${error.message}。请对照 mermaid 流程图语法修改这一行附近（节点写成 A["文字"]，连线写成 A --> B）`,
        ruleId: 'flow/mermaid-syntax',
      },
    ];
  });
}

async function browserAvailable(log: (line: string) => void): Promise<boolean> {
  try {
    await findBrowser();
    return true;
  } catch (error) {
    log(`没有可用的浏览器，本次不生成 PDF（网站照常生成，文件页不显示 PDF 链接）：\n${(error as Error).message}`);
    return false;
  }
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}

