#!/usr/bin/env node
/**
 * npm run bench:pdf — Shoukong's PDF build against pagedjs-cli run once per document (the
 * reference), on the same print HTML of the same example documents, side by side in one run;
 * then Shoukong again with one document changed (its cache keeps the others). Last, the same two
 * Shoukong runs on the whole example (pagedjs-cli would take a quarter of an hour there).
 *
 * Options: --docs N (procedures, default 24), --skip-reference, --skip-whole.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { findBrowser } from '../src/browser/find-browser.ts';
import { displayWidth } from '../src/diagnostics/display-width.ts';
import { loadDocumentSet } from '../src/model/load.ts';
import { bookOrder } from '../src/print/book-order.ts';
import { addFlowcharts, buildPdfs, jobHtml, printJobs, printSetup, type PrintJob } from '../src/print/build-pdfs.ts';
import { isPrintable, type PrintableDocument } from '../src/print/print-context.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '24' }, 'skip-reference': { type: 'boolean', default: false }, 'skip-whole': { type: 'boolean', default: false } },
});
const project = process.cwd();
const quiet = () => {};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function time(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

/** A private copy of some documents, committed in a throwaway repository so the commit stamp stays put. */
function copyOf(docs: PrintableDocument[]): string {
  const root = mkdtempSync(join(tmpdir(), 'shoukong-bench-pdf-'));
  cpSync(join(project, 'content/org'), join(root, 'content/org'), { recursive: true });
  for (const doc of docs) cpSync(join(project, doc.path), join(root, doc.path));
  const mermaid = join(project, '.cache/shoukong/mermaid');
  if (existsSync(mermaid)) cpSync(mermaid, join(root, '.cache/shoukong/mermaid'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', 'content');
  git('commit', '-q', '-m', 'bench');
  return root;
}

async function pageCount(dir: string, jobs: PrintJob[]): Promise<number> {
  let n = 0;
  for (const j of jobs) n += (await PDFDocument.load(readFileSync(join(dir, j.file)), { updateMetadata: false })).getPageCount();
  return n;
}

/** Shoukong from a cold cache, then again after appending a paragraph to one document. */
async function shoukongRuns(root: string, change: PrintableDocument) {
  const out = join(root, 'dist/pdf');
  const set = loadDocumentSet(root);
  const full = await time(() => buildPdfs({ root, set, outDir: out, log: quiet }));
  const file = join(root, change.path);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n本段为基准测试时加入的修改。\n`);
  const changedSet = loadDocumentSet(root); // loaded outside the timing, as for the first run
  let rendered = 0;
  const again = await time(async () => {
    ({ rendered } = await buildPdfs({ root, set: changedSet, outDir: out, log: quiet }));
  });
  return { full, again, rendered, out };
}

/** pagedjs-cli once per document, on the print HTML Shoukong printed. */
async function referenceRun(root: string, jobs: PrintJob[]): Promise<{ total: number; pages: number }> {
  const browser = await findBrowser();
  const set = loadDocumentSet(root);
  const { ctx, flowcharts } = printSetup(root, set);
  await addFlowcharts(root, jobs.map((j) => j.doc), flowcharts, quiet);
  const htmlDir = join(root, 'html');
  const out = join(root, 'pagedjs');
  mkdirSync(join(htmlDir, 'forms'), { recursive: true });
  mkdirSync(join(out, 'forms'), { recursive: true });
  for (const j of jobs) writeFileSync(join(htmlDir, j.file.replace(/\.pdf$/, '.html')), jobHtml(j, ctx));
  const cli = join(project, 'node_modules/.bin/pagedjs-cli');
  const total = await time(async () => {
    for (const j of jobs) {
      const result = spawnSync(cli, [join(htmlDir, j.file.replace(/\.pdf$/, '.html')), '-o', join(out, j.file), '--browserArgs', '--no-sandbox,--disable-gpu,--disable-dev-shm-usage'], {
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser.executablePath },
        encoding: 'utf8',
      });
      if (result.status !== 0 || !existsSync(join(out, j.file))) throw new Error(`pagedjs-cli 处理 ${j.file} 失败：${result.stderr || result.stdout}`);
    }
  });
  return { total, pages: await pageCount(out, jobs) };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  return rows.map((r) => r.map((c, i) => c + ' '.repeat(widths[i]! - displayWidth(c))).join('  ').trimEnd()).join('\n');
}

// Loaded before anything is timed: otherwise the first run would pay for it and the second not.
await import('playwright-core');

const current = bookOrder(loadDocumentSet(project).documents.filter(isPrintable));
const procedures = current.filter((d) => d.type === 'procedure').slice(0, Number(values.docs));
if (procedures.length < 20) throw new Error(`示例中只有 ${procedures.length} 份现行程序文件，少于 20 份`);

// 1. The comparison: the same procedures, the same print HTML.
const root = copyOf(procedures);
try {
  const jobs = printJobs(loadDocumentSet(root));
  const n = jobs.length;
  process.stderr.write(`基准一：${n} 份程序文件，Shoukong 与 pagedjs-cli 依次运行…\n`);
  const runs = await shoukongRuns(root, procedures[Math.floor(procedures.length / 2)]!);
  const pages = await pageCount(runs.out, jobs);
  const reference = values['skip-reference'] ? undefined : await referenceRun(root, jobs);
  process.stdout.write(
    `\n基准一：${n} 份程序文件（${pages} 页 A4），同一份打印 HTML\n${table([
      ['', '总秒数', '秒/份', '页数'],
      ['Shoukong，全部生成（另含体系文件汇编）', seconds(runs.full), seconds(runs.full / n), String(pages)],
      ...(reference ? [['pagedjs-cli，每份一个进程（参考）', seconds(reference.total), seconds(reference.total / n), String(reference.pages)]] : []),
      [`Shoukong，改动 1 份后再运行（重新生成 ${runs.rendered} 份）`, seconds(runs.again), '', ''],
    ])}\n`,
  );
  if (reference) process.stdout.write(`倍数：pagedjs-cli ÷ Shoukong = ${(reference.total / runs.full).toFixed(1)}×（目标 ≥ 8×）\n`);
  process.stdout.write(`改动 1 份后的运行 ÷ 全部生成 = ${((runs.again / runs.full) * 100).toFixed(1)}%（目标 < 10%）\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

// 2. The whole example, Shoukong only: every document, blank form and the whole manual.
if (!values['skip-whole']) {
  const whole = copyOf(current.concat(loadDocumentSet(project).documents.filter(isPrintable).filter((d) => d.data.status !== 'effective')));
  try {
    const jobs = printJobs(loadDocumentSet(whole));
    process.stderr.write(`基准二：整个示例 ${jobs.length} 个 PDF…\n`);
    const runs = await shoukongRuns(whole, current.find((d) => d.type === 'procedure')!);
    process.stdout.write(
      `\n基准二：整个示例，${jobs.length} 个 PDF（文件与空白表单）加体系文件汇编\n${table([
        ['', '总秒数', '秒/个'],
        ['Shoukong，全部生成', seconds(runs.full), seconds(runs.full / jobs.length)],
        [`Shoukong，改动 1 份后再运行（重新生成 ${runs.rendered} 个）`, seconds(runs.again), ''],
      ])}\n改动 1 份后的运行 ÷ 全部生成 = ${((runs.again / runs.full) * 100).toFixed(1)}%（目标 < 10%）\n`,
    );
  } finally {
    rmSync(whole, { recursive: true, force: true });
  }
}
