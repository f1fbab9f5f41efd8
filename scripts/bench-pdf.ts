#!/usr/bin/env node
/**
 * npm run bench:pdf — on one set of example documents, side by side in one run:
 *   1. Shoukong printing every PDF from a cold cache (one per document, the blank forms, the manual);
 *   2. pagedjs-cli run once per PDF on the same print HTML (the reference);
 *   3. Shoukong again after one document was edited (not committed), then after that edit was
 *      committed: only what changed is printed again.
 * The default set is the whole example (228 PDFs; pagedjs-cli takes about 13 minutes of it).
 *
 * Options: --docs N (the first N documents in book order, at least 20), --skip-reference.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { findBrowser } from '../src/browser/find-browser.ts';
import { alignedColumns } from '../src/diagnostics/display-width.ts';
import { loadDocumentSet } from '../src/model/load.ts';
import { bookOrder } from '../src/print/book-order.ts';
import { addFlowcharts, buildPdfs, jobHtml, printJobs, printSetup, type PrintJob } from '../src/print/build-pdfs.ts';
import { isPrintable, type PrintableDocument } from '../src/print/print-context.ts';
import { printFontFiles, printFonts } from '../src/print/fonts.ts';
import { cspMeta } from '../src/print/lockdown.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string' }, 'skip-reference': { type: 'boolean', default: false } },
});
const project = process.cwd();
const quiet = () => {};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function time(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

const git = (root: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: root, stdio: 'ignore' });

/** A private copy of some documents, committed in a throwaway repository so the commit stamp stays put. */
function copyOf(docs: PrintableDocument[]): string {
  const root = mkdtempSync(join(tmpdir(), 'shoukong-bench-pdf-'));
  cpSync(join(project, 'content/org'), join(root, 'content/org'), { recursive: true });
  for (const doc of docs) cpSync(join(project, doc.path), join(root, doc.path));
  const mermaid = join(project, '.cache/shoukong/mermaid');
  if (existsSync(mermaid)) cpSync(mermaid, join(root, '.cache/shoukong/mermaid'), { recursive: true });
  git(root, 'init', '-q');
  git(root, 'add', 'content');
  git(root, 'commit', '-q', '-m', 'bench');
  return root;
}

async function pageCount(dir: string, jobs: PrintJob[]): Promise<number> {
  let n = 0;
  for (const j of jobs) n += (await PDFDocument.load(readFileSync(join(dir, j.file)), { updateMetadata: false })).getPageCount();
  return n;
}

/** pagedjs-cli once per PDF, on the print HTML Shoukong prints. */
async function referenceRun(root: string, jobs: PrintJob[]): Promise<{ total: number; pages: number }> {
  const browser = await findBrowser();
  const { ctx, flowcharts } = printSetup(root, loadDocumentSet(root));
  await addFlowcharts(root, jobs.map((j) => j.doc), flowcharts, quiet);
  const htmlDir = join(root, 'html');
  const out = join(root, 'pagedjs');
  mkdirSync(join(htmlDir, 'forms'), { recursive: true });
  mkdirSync(join(out, 'forms'), { recursive: true });
  // pagedjs-cli opens the pages from disk and runs its own script in them: the fonts by file:// URL
  // and without the print pages' policy, which forbids both.
  const fontFiles = printFontFiles(printFonts());
  const referenceHtml = (html: string) => [...fontFiles].reduce((page, [url, file]) => page.replaceAll(url, pathToFileURL(file).href), html.replace(cspMeta, ''));
  for (const j of jobs) writeFileSync(join(htmlDir, j.file.replace(/\.pdf$/, '.html')), referenceHtml(jobHtml(j, ctx)));
  const cli = join(project, 'node_modules/.bin/pagedjs-cli');
  let done = 0;
  const total = await time(async () => {
    for (const j of jobs) {
      const result = spawnSync(cli, [join(htmlDir, j.file.replace(/\.pdf$/, '.html')), '-o', join(out, j.file), '--browserArgs', '--no-sandbox,--disable-gpu,--disable-dev-shm-usage'], {
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser.executablePath },
        encoding: 'utf8',
      });
      if (result.status !== 0 || !existsSync(join(out, j.file))) throw new Error(`pagedjs-cli 处理 ${j.file} 失败：${result.stderr || result.stdout}`);
      if (++done % 20 === 0) process.stderr.write(`  pagedjs-cli ${done}/${jobs.length}\n`);
    }
  });
  return { total, pages: await pageCount(out, jobs) };
}

// Loaded before anything is timed: otherwise the first run would pay for it and the later ones not.
await import('playwright-core');

const all = loadDocumentSet(project).documents.filter(isPrintable);
const ordered = [...bookOrder(all), ...all.filter((d) => d.data.status !== 'effective')];
const chosen = values.docs ? ordered.slice(0, Number(values.docs)) : ordered;
if (chosen.length < 20) throw new Error(`基准至少需要 20 份文件，现在只有 ${chosen.length} 份`);
const procedures = chosen.filter((d) => d.type === 'procedure');
const change = procedures[Math.floor(procedures.length / 2)] ?? chosen[Math.floor(chosen.length / 2)]!;

const root = copyOf(chosen);
try {
  const jobs = printJobs(loadDocumentSet(root));
  const n = jobs.length;
  const out = join(root, 'dist/pdf');
  const run = async () => {
    const set = loadDocumentSet(root); // loaded outside the timing: a build has it from the check
    let rendered = 0;
    const ms = await time(async () => ({ rendered } = await buildPdfs({ root, set, outDir: out, log: quiet })));
    return { ms, rendered };
  };
  process.stderr.write(`${chosen.length} 份文件、${n} 个 PDF：Shoukong 全部生成…\n`);
  const full = await run();
  const pages = await pageCount(out, jobs);
  process.stderr.write(`改动 ${change.data.number} 后再运行…\n`);
  const file = join(root, change.path);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n本段为基准测试时加入的修改。\n`);
  const edited = await run();
  git(root, 'commit', '-q', '-am', 'bench: one document changed');
  const committed = await run();
  let reference: { total: number; pages: number } | undefined;
  if (!values['skip-reference']) {
    process.stderr.write(`pagedjs-cli，每个 PDF 一个进程…\n`);
    reference = await referenceRun(root, jobs);
  }

  const share = (ms: number) => `${((ms / full.ms) * 100).toFixed(1)}%`;
  process.stdout.write(
    `\n${chosen.length} 份示例文件，${n} 个 PDF（文件与空白表单，${pages} 页 A4），另有体系文件汇编；同一份打印 HTML\n${alignedColumns([
      ['', '总秒数', '秒/个', '占全部生成'],
      ['Shoukong，全部生成（含体系文件汇编）', seconds(full.ms), (full.ms / 1000 / n).toFixed(3), '100%'],
      ...(reference ? [['pagedjs-cli，每个 PDF 一个进程（参考，不含汇编）', seconds(reference.total), (reference.total / 1000 / n).toFixed(3), '']] : []),
      [`Shoukong，改动 ${change.data.number} 未提交（重新生成 ${edited.rendered} 个）`, seconds(edited.ms), '', share(edited.ms)],
      [`Shoukong，提交这次改动后（重新生成 ${committed.rendered} 个）`, seconds(committed.ms), '', share(committed.ms)],
    ])}\n`,
  );
  if (reference) process.stdout.write(`倍数：pagedjs-cli ÷ Shoukong = ${(reference.total / full.ms).toFixed(1)}×（目标 ≥ 8×）\n`);
  process.stdout.write(`改动 1 份后的运行 ÷ 全部生成 = ${share(edited.ms)}（目标 < 10%）\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
