/**
 * Flowcharts (流程图): each distinct mermaid source is rendered once to a self-contained SVG in one
 * headless Chromium, with mermaid from node_modules, and cached on disk by the sha1 of its source.
 * Shared by the site and the PDFs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Default cache folder, relative to the project root. */
export const flowchartCacheDir = '.cache/shoukong/mermaid';

/** Bump when the mermaid configuration changes, so old SVGs are not reused. */
const renderVersion = 'v2';

/** Fonts in order of preference; the first is loaded from @fontsource so labels measure right. */
export const flowchartFontFamily = '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/** A source mermaid could not parse: the message and the line inside the source (1-based), when known. */
export interface FlowchartError {
  message: string;
  line: number | undefined;
}

export interface FlowchartResult {
  svgs: Map<string, string>;
  errors: Map<string, FlowchartError>;
}

export interface FlowchartOptions {
  /** Cache folder (absolute); defaults to <cwd>/.cache/shoukong/mermaid. */
  cacheDir?: string;
  log?: (message: string) => void;
}

/** The cache key of a source: sha1 of the render version and the source. */
export function flowchartKey(code: string): string {
  return createHash('sha1').update(`${renderVersion}\n${code}`).digest('hex');
}

/** The cached SVG for a source, or undefined; never launches a browser. */
export function cachedFlowchart(code: string, cacheDir = defaultCacheDir()): string | undefined {
  const file = join(cacheDir, `${flowchartKey(code)}.svg`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Renders sources to SVG (cached ones are read from disk); sources that do not parse are left out. */
export async function renderFlowcharts(codes: Iterable<string>, options: FlowchartOptions = {}): Promise<Map<string, string>> {
  return (await renderFlowchartsReporting(codes, options)).svgs;
}

/** Like renderFlowcharts, and also returns why each failing source failed. */
export async function renderFlowchartsReporting(codes: Iterable<string>, options: FlowchartOptions = {}): Promise<FlowchartResult> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const svgs = new Map<string, string>();
  const errors = new Map<string, FlowchartError>();
  const missing: string[] = [];
  for (const code of new Set(codes)) {
    const svg = cachedFlowchart(code, cacheDir);
    if (svg) svgs.set(code, svg);
    else missing.push(code);
  }
  if (missing.length === 0) return { svgs, errors };

  options.log?.(`正在渲染 ${missing.length} 张流程图（缓存中已有 ${svgs.size} 张）`);
  const { launchBrowser } = await import('../browser/launch.ts');
  const { browser } = await launchBrowser();
  try {
    const page = await browser.newPage();
    mkdirSync(cacheDir, { recursive: true });
    const host = join(cacheDir, 'render-host.html');
    writeFileSync(host, hostPage());
    // Mermaid needs JavaScript, and the chart text comes from content: the page may fetch its own files
    // (the host page, mermaid, the two fonts) and nothing else, so a label that got past mermaid's strict
    // mode still could not send anything anywhere.
    const allowed = new Set([pathToFileURL(host).href, ...hostPageFiles()]);
    await page.route('**/*', (route) => (allowed.has(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await page.goto(pathToFileURL(host).href);
    await page.evaluate(() => (globalThis as unknown as { ready: Promise<void> }).ready);
    const results = await page.evaluate(
      async (list: { code: string; id: string }[]) => {
        const m = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
        const out: { svg?: string; error?: string }[] = [];
        for (const { code, id } of list) {
          try {
            await m.parse(code);
            const { svg } = await m.render(id, code);
            out.push({ svg });
          } catch (error) {
            out.push({ error: String((error as Error)?.message ?? error) });
            document.getElementById(id)?.remove();
            document.getElementById(`d${id}`)?.remove();
          }
        }
        return out;
      },
      missing.map((code) => ({ code, id: `flowchart-${flowchartKey(code).slice(0, 12)}` })),
    );
    results.forEach((result, i) => {
      const code = missing[i]!;
      if (result.svg) {
        const svg = finishSvg(result.svg);
        svgs.set(code, svg);
        const file = join(cacheDir, `${flowchartKey(code)}.svg`);
        writeFileSync(`${file}.tmp`, svg);
        renameSync(`${file}.tmp`, file);
      } else {
        const error = parseMermaidError(result.error ?? '未知错误');
        const lines = code.replace(/\n+$/, '').split('\n').length;
        errors.set(code, { ...error, line: error.line === undefined ? undefined : Math.min(error.line, lines) });
      }
    });
  } finally {
    await browser.close();
  }
  return { svgs, errors };
}

interface MermaidApi {
  parse(code: string): Promise<unknown>;
  render(id: string, code: string): Promise<{ svg: string }>;
}

/** Reads "Parse error on line 3:" (and similar) out of a mermaid error message. */
export function parseMermaidError(message: string): FlowchartError {
  const match = /on line (\d+)/i.exec(message) ?? /line[: ]+(\d+)/i.exec(message);
  const first = message.split('\n').filter((l) => l.trim() !== '');
  const text = first.length > 0 ? first.join(' ').replace(/\s+/g, ' ').slice(0, 300) : message;
  return { message: text, line: match ? Number(match[1]) : undefined };
}

/** Makes the SVG fit its container and print: no fixed pixel width, an accessible role. */
function finishSvg(svg: string): string {
  return svg
    .replace(/<svg([^>]*?)\swidth="100%"/, '<svg$1')
    .replace(/<svg /, '<svg role="img" aria-label="流程图" ')
    .replace(/style="max-width: ([\d.]+)px;"/, 'style="max-width: $1px; width: 100%; height: auto; --natural-width: $1px;"');
}

function defaultCacheDir(): string {
  return join(process.cwd(), flowchartCacheDir);
}

/** The page mermaid runs in: the CJK font loaded from @fontsource, mermaid from node_modules. */
/** The files the host page loads: mermaid and the two font weights, as file: URLs. */
function hostPageFiles(): string[] {
  const require = createRequire(import.meta.url);
  return [require.resolve('mermaid/dist/mermaid.min.js'), ...[400, 700].map((weight) => require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff2`))].map((file) => pathToFileURL(file).href);
}

function hostPage(): string {
  const [mermaidUrl, font400, font700] = hostPageFiles() as [string, string, string];
  const font = (weight: number) => (weight === 400 ? font400 : font700);
  const config = {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'neutral',
    htmlLabels: false,
    fontFamily: flowchartFontFamily,
    themeVariables: { fontFamily: flowchartFontFamily, fontSize: '14px' },
    flowchart: { htmlLabels: false, useMaxWidth: true, curve: 'basis' },
  };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>
@font-face { font-family: "Noto Sans SC"; font-weight: 400; src: url("${font(400)}") format("woff2"); }
@font-face { font-family: "Noto Sans SC"; font-weight: 700; src: url("${font(700)}") format("woff2"); }
body { font-family: ${flowchartFontFamily}; }
</style>
<script src="${mermaidUrl}"></script>
<script>
window.ready = Promise.all([document.fonts.load('400 14px "Noto Sans SC"', '流程'), document.fonts.load('700 14px "Noto Sans SC"', '流程')])
  .then(() => { mermaid.initialize(${JSON.stringify(config)}); });
</script></head><body><p style="font-family:'Noto Sans SC'">流程图</p></body></html>`;
}
