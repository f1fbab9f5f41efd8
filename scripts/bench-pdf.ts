#!/usr/bin/env node
/**
 * npm run bench:pdf — on one set of example documents, side by side in one run, in rounds (each
 * kind of run at least 3 times, medians printed):
 *   1. Shoukong printing every PDF from a cold cache (one per document, the blank forms, the manual);
 *   2. again with nothing changed; after one procedure was edited and committed; after one more
 *      edit not committed; after a commit that touches no document (it must print nothing: the
 *      commit stamp of an unchanged document stays the one it was printed at);
 *   3. pagedjs-cli run once per PDF on the same print HTML (the reference, once).
 * Goal: one changed document < 10 % of the full run. The default set is the whole example
 * (228 PDFs; pagedjs-cli takes about 13 minutes of it).
 *
 * Options: --docs N (the first N documents in book order, at least 20), --runs N (rounds, at
 * least 3), --skip-reference.
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
import { pdfCacheDir } from '../src/print/pdf-cache.ts';

const { values } = parseArgs({
  options: { docs: { type: 'string' }, runs: { type: 'string', default: '3' }, 'skip-reference': { type: 'boolean', default: false } },
});
const rounds = Math.max(3, Number(values.runs));
const project = process.cwd();
const quiet = () => {};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

interface Run {
  ms: number;
  rendered: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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
  const file = join(root, change.path);
  let edits = 0;
  const edit = () => writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n本段为基准测试时加入的第 ${++edits} 处修改。\n`);
  const scenarios = {
    full: { label: 'Shoukong，全部生成（空缓存，含体系文件汇编）', runs: [] as Run[] },
    committed: { label: `改动 ${change.data.number} 并提交`, runs: [] as Run[] },
    uncommitted: { label: `改动 ${change.data.number} 未提交`, runs: [] as Run[] },
    unchanged: { label: '无改动', runs: [] as Run[] },
    unrelated: { label: '只有与文件无关的提交', runs: [] as Run[] },
  };
  // Rounds side by side, so a machine busier at one moment weighs on every kind of run alike.
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`第 ${round}/${rounds} 轮：${chosen.length} 份文件、${n} 个 PDF 全部生成…\n`);
    rmSync(join(root, pdfCacheDir), { recursive: true, force: true });
    scenarios.full.runs.push(await run());
    scenarios.unchanged.runs.push(await run());
    edit();
    git(root, 'commit', '-q', '-am', `bench: edit ${edits}`);
    scenarios.committed.runs.push(await run());
    edit();
    scenarios.uncommitted.runs.push(await run());
    git(root, 'commit', '-q', '-am', `bench: edit ${edits}`);
    await run(); // the committed edit drops its 未提交: printed once more, not measured
    writeFileSync(join(root, 'notes.txt'), `round ${round}\n`);
    git(root, 'add', 'notes.txt');
    git(root, 'commit', '-q', '-m', `bench: notes ${round}`);
    scenarios.unrelated.runs.push(await run());
  }
  const pages = await pageCount(out, jobs);
  let reference: { total: number; pages: number } | undefined;
  if (!values['skip-reference']) {
    process.stderr.write(`pagedjs-cli，每个 PDF 一个进程…\n`);
    reference = await referenceRun(root, jobs);
  }

  const full = median(scenarios.full.runs.map((r) => r.ms));
  const share = (ms: number) => `${((ms / full) * 100).toFixed(1)}%`;
  const row = ({ label, runs }: { label: string; runs: Run[] }) => {
    const ms = median(runs.map((r) => r.ms));
    return [label, seconds(ms), runs.map((r) => seconds(r.ms)).join(' / '), runs.map((r) => r.rendered).join(' / '), share(ms)];
  };
  process.stdout.write(
    `\n${chosen.length} 份示例文件，${n} 个 PDF（文件与空白表单，${pages} 页 A4），另有体系文件汇编；每种 ${rounds} 次，取中位数\n${alignedColumns([
      ['', '中位数秒', '各次秒数', '新生成 PDF 数', '占全部生成'],
      ...Object.values(scenarios).map(row),
      ...(reference ? [['pagedjs-cli，每个 PDF 一个进程（参考，不含汇编，1 次）', seconds(reference.total), '', String(n), share(reference.total)]] : []),
    ])}\n`,
  );
  if (reference) process.stdout.write(`倍数：pagedjs-cli ÷ Shoukong = ${(reference.total / full).toFixed(1)}×（目标 ≥ 8×）\n`);
  const committed = median(scenarios.committed.runs.map((r) => r.ms));
  process.stdout.write(`改动 1 份并提交后的运行 ÷ 全部生成 = ${share(committed)}（目标 < 10%）\n`);
  const reprinted = scenarios.unrelated.runs.map((r) => r.rendered);
  process.stdout.write(`与文件无关的提交后新生成的 PDF：${reprinted.join(' / ')}（应为 0：新的提交不重印没有改动的文件）\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
