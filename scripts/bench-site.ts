#!/usr/bin/env node
/**
 * npm run bench:site — builds generated document sets of 1,000 and 5,000 documents with the Shoukong
 * site (check + flowcharts + Astro + Pagefind; PDFs are measured by their own benchmark) and, in the
 * same run, a plain Astro Markdown site with the same number of pages; prints pages/s and the ratio.
 * Also reports the transferred size of a document page (HTML + CSS + JS, fonts separately).
 *
 * Then, for the largest size, the author's loop against the fastest peer, side by side: Hugo's full
 * build of the same pages (Debian package `hugo`; installed here with apt-get when missing, skipped
 * when it cannot be) and Shoukong's rebuild after one changed document (the incremental build,
 * src/site/build/incremental.ts), both as npm run build -- --watch rebuilds (in the process that
 * built before) and as a new npm run build process; medians of --runs runs a side. Hugo also
 * writes into memory (tmpfs) beside each rebuild, its build without the disk. Goal: the rebuild ≤
 * Hugo's fastest build.
 *
 *   npm run bench:site -- --sizes 1000,5000 [--runs 3]
 */
import { existsSync, mkdirSync, symlinkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildSite, projectRoot } from '../src/site/build/build-site.ts';
import { generateSet } from './lib/generated-set.ts';
import { documentPath } from '../src/render/urls.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,5000' }, runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));
const sizes = values.sizes.split(',').map(Number);
// Under the system's temporary folder: in the project folder of these machines, creating thousands of
// files became several times slower for minutes after a burst of them (Hugo's 5,000 pages took 5 s
// there and 0.7 s under /tmp, on the same disk), which would have weighed on whichever side ran next.
const work = join(tmpdir(), 'shoukong-bench-site');
process.env.ASTRO_TELEMETRY_DISABLED = '1';

/** A plain Astro project: Markdown files through the glob loader, one bare page per file. */
function generatePlain(root: string, files: { path: string; title: string; body: string }[]): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  mkdirSync(join(root, 'docs'), { recursive: true });
  // Outside the project: Astro and its loaders resolve from the project's node_modules through a link.
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', devToolbar: { enabled: false } });\n");
  writeFileSync(join(root, 'src/content.config.ts'), "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { docs: defineCollection({ loader: glob({ pattern: '**/*.md', base: './docs' }) }) };\n");
  writeFileSync(
    join(root, 'src/pages/[...slug].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>\n",
  );
  files.forEach((f, i) => writeFileSync(join(root, 'docs', `doc-${i}.md`), `---\ntitle: ${JSON.stringify(f.title)}\n---\n${f.body.replace(/\[\[([^\]]+)\]\]/g, '$1')}`));
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function htmlCount(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
}

/** Bytes of a page as a browser fetches it: HTML + linked CSS + scripts, raw and gzip; fonts apart. */
function pageWeight(dist: string, page: string): { raw: number; gzip: number; fonts: number; files: number } {
  const html = readFileSync(join(dist, page, 'index.html'));
  const text = html.toString('utf8');
  const assets = [...text.matchAll(/<(?:link rel="stylesheet"|script)[^>]*?(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]!);
  let raw = html.length;
  let gzip = gzipSync(html).length;
  let fonts = 0;
  for (const asset of assets) {
    const bytes = readFileSync(join(dist, asset));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    for (const font of bytes.toString('utf8').matchAll(/url\((\/[^)]+\.woff2)\)/g)) fonts += statSync(join(dist, font[1]!)).size;
  }
  for (const font of text.matchAll(/url\((\/[^)]+\.woff2)\)/g)) fonts += statSync(join(dist, font[1]!)).size;
  return { raw, gzip, fonts, files: 1 + assets.length };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const log = (line: string) => process.stdout.write(`${line}\n`);

mkdirSync(work, { recursive: true });
// Hugo is timed first too, before this benchmark writes and deletes tens of thousands of files, as
// well as beside each rebuild and back to back at the end; the goal is judged against its fastest run.
const largestSize = Math.max(...sizes);
const hugo = findHugo();
const hugoRoot = join(work, `hugo-${largestSize}`);
/** Hugo's full build of the largest set into `destination`, emptied first and with no resource cache left; how long it took. */
const timeHugo = (destination = join(hugoRoot, 'public')): number => {
  rmSync(destination, { recursive: true, force: true });
  rmSync(join(hugoRoot, 'resources'), { recursive: true, force: true });
  const result = timeCommand(hugo!, ['--quiet', '--source', hugoRoot, '--destination', destination]);
  if (result.status !== 0) throw new Error(`hugo failed: ${result.stderr}`);
  return result.ms;
};
/**
 * Hugo's output in memory (tmpfs /dev/shm, when there is one): its build without the disk, whose
 * cost on these machines grows run after run as thousands of files are written and deleted (0.7-2 s
 * in a fresh folder, 5 s a few runs later; 0.6-0.7 s every time into memory). The fairest peer, so the goal is judged against it too.
 */
const memoryDir = existsSync('/dev/shm') ? join('/dev/shm', `shoukong-bench-hugo-${process.pid}`) : undefined;
const timeHugoInMemory = memoryDir
  ? (): number => {
      try {
        return timeHugo(memoryDir);
      } finally {
        rmSync(memoryDir, { recursive: true, force: true });
      }
    }
  : undefined;
const hugoFirst: number[] = [];
/** The largest set, written once here for Hugo and built below. */
const largestFiles = generateSet(join(work, `set-${largestSize}`), largestSize);
if (hugo) {
  generateHugo(hugoRoot, largestFiles);
  for (let run = 0; run < runs; run++) hugoFirst.push(timeHugo());
}
// Warm-up so that neither side pays for the first Vite start.
{
  const files = generateSet(join(work, 'warm-set'), 20);
  generatePlain(join(work, 'warm-plain'), files);
  const { build } = await import('astro');
  await build({ root: join(work, 'warm-plain'), logLevel: 'error' });
  await buildSite({ contentRoot: join(work, 'warm-set'), outDir: join(work, 'warm-set/dist'), pdf: false, log: () => {} });
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const size of sizes) {
  const setRoot = join(work, `set-${size}`);
  const plainRoot = join(work, `plain-${size}`);
  const files = size === largestSize ? largestFiles : generateSet(setRoot, size);
  generatePlain(plainRoot, files);
  const { build } = await import('astro');
  const outDir = join(setRoot, 'dist');
  // First build (no caches), then a rebuild with nothing changed (both sides reuse their caches).
  for (const run of ['首次构建', '无改动重建'] as const) {
    const plain = await timed(() => build({ root: plainRoot, logLevel: 'error' }));
    const plainPages = htmlCount(join(plainRoot, 'dist'));
    const site = await timed(() => buildSite({ contentRoot: setRoot, outDir, pdf: false, log: () => {} }));
    if (site.value.exitCode !== 0) {
      await buildSite({ contentRoot: setRoot, outDir: join(setRoot, 'failed'), pdf: false, log });
      throw new Error(`generated set of ${size} did not build (exit ${site.value.exitCode})`);
    }
    const t = site.value.timings;
    const pages = site.value.pages;
    const withoutSearch = site.ms - (t.search ?? 0);
    log(
      `${String(size).padStart(5)} 份文件 ${run} | 纯 Markdown：${plainPages} 页 ${seconds(plain.ms)} 秒 ${(plainPages / (plain.ms / 1000)).toFixed(0)} 页/秒` +
        ` | 受控：${pages} 页 ${seconds(site.ms)} 秒 ${(pages / (site.ms / 1000)).toFixed(0)} 页/秒` +
        `（读取 ${seconds(t.load ?? 0)}、检查 ${seconds(t.check ?? 0)}、流程图 ${seconds(t.flowcharts ?? 0)}、搜索索引 ${seconds(t.search ?? 0)}、Astro ${seconds(t.astro ?? 0)}、替换 dist ${seconds(t.swap ?? 0)}）`,
    );
    log(
      `        同样文件数的耗时比 ${(site.ms / plain.ms).toFixed(2)}×（不计纯站点没有的搜索索引 ${(withoutSearch / plain.ms).toFixed(2)}×）；` +
        `每页耗时比 ${(site.ms / pages / (plain.ms / plainPages)).toFixed(2)}×；目标 ≤ 2×`,
    );
  }
  const sample = documentPath('procedure', 'JMI/CX/01').slice(1);
  const w = pageWeight(outDir, sample);
  log(`        生成集的程序文件页 /${sample}：HTML+CSS+JS ${kb(w.raw)}（gzip ${kb(w.gzip)}，${w.files} 个文件），字体另计 ${kb(w.fonts)}`);
}

/** A Hugo site with the same pages: one Markdown file per document, a bare single-page layout. */
function generateHugo(root: string, files: { path: string; title: string; body: string }[]): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'content/docs'), { recursive: true });
  mkdirSync(join(root, 'layouts/_default'), { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), "baseURL = '/'\nlanguageCode = 'zh-CN'\ntitle = 'bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n");
  writeFileSync(join(root, 'layouts/_default/single.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n');
  writeFileSync(join(root, 'layouts/_default/list.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n');
  files.forEach((f, i) => writeFileSync(join(root, 'content/docs', `doc-${i}.md`), `---\ntitle: ${JSON.stringify(f.title)}\n---\n${f.body.replace(/\[\[([^\]]+)\]\]/g, '$1')}`));
}

/** Runs a command to its end, after writing what the file system holds back to disk (so that no side pays for the writes of the run before); how long it took. */
function timeCommand(command: string, args: string[], cwd?: string): { ms: number; status: number | null; stderr: string } {
  spawnSync('sync', { stdio: 'ignore' });
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  return { ms: performance.now() - started, status: result.status, stderr: result.stderr.toString() };
}

/** The hugo command, installed with apt-get when missing (said so); undefined when it cannot be had. */
function findHugo(): string | undefined {
  const has = () => spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
  if (has()) return 'hugo';
  log('没有 hugo：正在用 apt-get install -y hugo 安装（Debian 软件包）…');
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', 'hugo'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!install()) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'ignore' });
    install();
  }
  if (has()) return 'hugo';
  log('无法安装 hugo（没有 apt-get、没有权限或无法联网）：跳过与 Hugo 的对比。');
  return undefined;
}

// The author's loop on the largest set, side by side with Hugo's full build of the same pages: the
// rebuild as npm run build -- --watch does it (in the process that built before) and as a new
// npm run build process does it (Node starting, loading and compiling the code again each time).
{
  const size = largestSize;
  const setRoot = join(work, `set-${size}`);
  const files = largestFiles;
  const times: Record<'hugo' | 'hugoMemory' | 'watch' | 'process' | 'start', number[]> = { hugo: [], hugoMemory: [], watch: [], process: [], start: [] };
  const steps: Record<string, number[]> = {};
  const outDir = join(setRoot, 'dist');
  const changed = files.find((f) => f.path.includes('/procedures/'))!;
  // One document's body changed (a paragraph added).
  let edits = 0;
  const edit = () => writeFileSync(join(setRoot, changed.path), `${readFileSync(join(setRoot, changed.path), 'utf8')}\n第 ${++edits} 次改动：补充说明一段。\n`);
  const modeLabel = { full: '全部重新生成', incremental: '增量：只重新生成受影响的页', bodies: '只有正文改动：换上新正文，未运行 Astro' };
  for (let run = 1; run <= runs; run++) {
    // A full build each time: no output and no resource cache left from the run before.
    if (hugo) times.hugo.push(timeHugo());
    if (hugo && timeHugoInMemory) times.hugoMemory.push(timeHugoInMemory());
    edit();
    spawnSync('sync', { stdio: 'ignore' });
    const site = await timed(() => buildSite({ contentRoot: setRoot, outDir, pdf: false, log: () => {} }));
    if (site.value.exitCode !== 0) throw new Error(`the rebuild of ${size} failed`);
    times.watch.push(site.ms);
    for (const [step, ms] of Object.entries(site.value.timings)) (steps[step] ??= []).push(ms);
    edit();
    // As the author types it: npm's own start is part of the wait.
    const cli = timeCommand('npm', ['run', '--silent', 'build', '--', '--root', setRoot, '--out', outDir, '--no-pdf'], projectRoot);
    times.process.push(cli.ms);
    if (cli.status !== 0) throw new Error(`npm run build of ${size} failed: ${cli.stderr}`);
    // What a new process pays before it builds anything: npm, Node and loading the build's code.
    times.start.push(timeCommand('npm', ['run', '--silent', 'build', '--', '--help'], projectRoot).ms);
    log(
      `${String(size).padStart(5)} 份文件 改动 1 份后重建（第 ${run} 次，${modeLabel[site.value.mode ?? 'full']}）：保存即构建 ${seconds(site.ms)} 秒，新进程 npm run build ${seconds(times.process.at(-1)!)} 秒` +
        (hugo ? ` | Hugo 全部构建 ${htmlCount(join(hugoRoot, 'public'))} 页：${seconds(times.hugo.at(-1)!)} 秒${times.hugoMemory.length ? `，输出到内存 ${seconds(times.hugoMemory.at(-1)!)} 秒` : ''}` : ''),
    );
  }
  log(`        ${runs} 次中位数：保存即构建（npm run build -- --watch）改动 1 份后重建 ${seconds(median(times.watch))} 秒（各步中位数：${Object.entries(steps).map(([k, v]) => `${k} ${Math.round(median(v))}`).join('、')} 毫秒）；新进程 npm run build ${seconds(median(times.process))} 秒（其中 npm 和 Node 启动、加载代码 ${seconds(median(times.start))} 秒：npm run build -- --help 的用时）`);
  if (hugo) {
    const backToBack = Array.from({ length: runs }, () => timeHugo());
    const best = Math.min(...hugoFirst, ...times.hugo, ...backToBack, ...times.hugoMemory);
    const mark = (side: number[], hugoMs: number) => {
      const r = median(side) / hugoMs;
      return `${r.toFixed(2)}×${r <= 1 ? ' ✓' : ' ✗'}`;
    };
    log(`        Hugo 全部构建 ${size} 页：本基准开始时 ${hugoFirst.map(seconds).join('、')} 秒，与重建交替运行时 ${times.hugo.map(seconds).join('、')} 秒，最后接连运行 ${backToBack.map(seconds).join('、')} 秒` +
        (times.hugoMemory.length ? `，输出到内存（tmpfs）${times.hugoMemory.map(seconds).join('、')} 秒` : '') +
        `；最快 ${seconds(best)} 秒`);
    log(`        重建中位数 ÷ Hugo 最快一次（目标 ≤ 1×）：保存即构建 ${mark(times.watch, best)}，新进程 npm run build ${mark(times.process, best)}（÷ Hugo 交替运行中位数：${mark(times.watch, median(times.hugo))}，${mark(times.process, median(times.hugo))}` +
        (times.hugoMemory.length ? `；÷ Hugo 输出到内存的中位数：${mark(times.watch, median(times.hugoMemory))}，${mark(times.process, median(times.hugoMemory))}` : '') +
        '）');
  }
}

const exampleDist = join(projectRoot, 'dist');
if (existsSync(join(exampleDist, 'procedures/jmi-cx-13/index.html'))) {
  const w = pageWeight(exampleDist, 'procedures/jmi-cx-13');
  log(`示例 JMI/CX/13 文件页：HTML+CSS+JS ${kb(w.raw)}（gzip ${kb(w.gzip)}，${w.files} 个文件；目标 < 60 KB），字体另计 ${kb(w.fonts)}（仅首次访问下载，之后缓存）`);
  const flow = pageWeight(exampleDist, 'flows/jmi-lc-13-01');
  log(`示例 JMI/LC/13-01 流程页（含内联 SVG 流程图）：HTML+CSS+JS ${kb(flow.raw)}（gzip ${kb(flow.gzip)}）`);
} else {
  log('（没有示例的 dist/：先运行 npm run build 可同时报告示例文件页的大小）');
}
