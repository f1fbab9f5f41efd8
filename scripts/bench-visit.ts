#!/usr/bin/env node
/**
 * npm run bench:visit — the first visit (首次访问): what a reader's browser downloads, with an empty
 * cache, to open each kind of page of the example site, counted in real Chromium per kind (HTML,
 * CSS, JS, fonts, images, other). The goal is a document page under 150 KB with no font at all:
 * screens use the reader's installed Chinese fonts, only the PDFs embed @fontsource.
 *
 *   npm run bench:visit                      builds the example (without PDFs) into a temporary folder
 *   npm run bench:visit -- --dist dist       measures a site already built (e.g. before a change)
 *
 * Bytes are uncompressed body sizes (what the files hold); a server that gzips sends fewer. They do
 * not vary from run to run, so each page is opened once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../src/browser/launch.ts';
import { alignedColumns } from '../src/diagnostics/display-width.ts';
import { baseOfBuiltSite, serveStatic } from '../src/site/build/static-server.ts';
import { firstVisit, resourceKinds, type ResourceKind } from '../src/site/build/first-visit.ts';

const { values } = parseArgs({ options: { dist: { type: 'string' } } });
const budget = 150 * 1024;

/** The pages measured: [what, path]; the first three are document pages, which the budget is for. */
const pages: [string, string][] = [
  ['文件页（程序文件 JMI/CX/13）', 'procedures/jmi-cx-13/'],
  ['文件页（流程 JMI/LC/13-01，含流程图）', 'flows/jmi-lc-13-01/'],
  ['文件页（质量记录 JMI/JL/13-01，含在线填写）', 'records/jmi-jl-13-01/'],
  ['列表页（程序文件）', 'procedures/'],
  ['首页', ''],
  ['部门页（质管办）', 'departments/zgb/'],
  ['矩阵页（诊改覆盖）', 'matrices/coverage/zhengai/'],
  ['搜索页（搜索“作废”）', `search/?q=${encodeURIComponent('作废')}`],
  ['网页编辑 /admin/', 'admin/'],
];
const documentPages = 3;

let temp: string | undefined;
let dist: string;
if (values.dist) {
  dist = resolve(values.dist);
} else {
  temp = mkdtempSync(join(tmpdir(), 'shoukong-bench-visit-'));
  dist = join(temp, 'dist');
  process.stderr.write('构建示例网站（不含 PDF）…\n');
  execFileSync(process.execPath, [join(import.meta.dirname, 'build.ts'), '--no-pdf', '--out', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const labels: Record<ResourceKind, string> = { html: 'HTML', css: 'CSS', js: 'JS', font: '字体', image: '图片', other: '其他' };
const base = baseOfBuiltSite(dist);
const { server, url } = await serveStatic(dist, 0, base);
const { browser } = await launchBrowser();
try {
  const context = await browser.newContext();
  const rows: string[][] = [['页面（首次访问，KB）', ...resourceKinds.map((k) => labels[k]), '合计', '请求数', '字体请求']];
  let worstDocument = 0;
  for (const [i, [name, path]] of pages.entries()) {
    const visit = await firstVisit(context, url + base + path);
    if (i < documentPages) worstDocument = Math.max(worstDocument, visit.total);
    rows.push([name, ...resourceKinds.map((k) => kb(visit.byKind[k])), kb(visit.total), String(visit.responses.length), String(visit.fontRequests.length)]);
  }
  process.stdout.write(`\n${dist}（发布路径 ${base}）\n${alignedColumns(rows)}\n`);
  process.stdout.write(`文件页首次访问最多 ${kb(worstDocument)} KB（目标 < ${kb(budget)} KB）：${worstDocument < budget ? '达到' : '未达到'}\n`);
} finally {
  await browser.close();
  server.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
}
