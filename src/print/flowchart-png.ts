/**
 * Flowcharts as PNG for the Word copies: Word and LibreOffice show SVG unevenly (fonts, markers), so
 * the build's SVG is photographed once in the headless browser at twice its size, with the print
 * fonts, and cached on disk by the SVG's hash; an unchanged flowchart never starts a browser again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FlowchartPng } from './docx-document.ts';
import { fontFaceCss, printFonts, sansFamily } from './fonts.ts';

/** Cache folder, relative to the project root. */
export const flowchartPngCacheDir = '.cache/shoukong/flowchart-png';

/** Pixels per CSS pixel of the photographs (sharp when printed). */
const scale = 2;

/** Width and height of a PNG (from its IHDR chunk), in CSS pixels. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png);
  return { width: view.readUInt32BE(16) / scale, height: view.readUInt32BE(20) / scale };
}

/** PNGs for these SVGs (keyed like the input), from the cache or rendered in one browser. */
export async function flowchartPngs(svgs: ReadonlyMap<string, string>, root: string, log: (line: string) => void): Promise<Map<string, FlowchartPng>> {
  const dir = join(root, flowchartPngCacheDir);
  const out = new Map<string, FlowchartPng>();
  const missing: [string, string, string][] = [];
  for (const [key, svg] of svgs) {
    const file = join(dir, `${createHash('sha1').update(svg).digest('hex')}.png`);
    if (existsSync(file)) {
      const png = readFileSync(file);
      out.set(key, { png, ...pngSize(png) });
    } else missing.push([key, svg, file]);
  }
  if (missing.length === 0) return out;
  log(`正在把 ${missing.length} 张流程图转为 PNG（Word 版用；缓存中已有 ${out.size} 张）`);
  mkdirSync(dir, { recursive: true });
  const { launchBrowser } = await import('../browser/launch.ts');
  const { browser } = await launchBrowser();
  try {
    const page = await browser.newPage({ deviceScaleFactor: scale });
    const host = join(dir, 'host.html');
    writeFileSync(host, `<!doctype html><html><head><meta charset="utf-8"><style>${fontFaceCss(printFonts())}
body{margin:0;background:#fff} #chart{display:inline-block;padding:6px;background:#fff}
#chart svg text,#chart svg tspan{font-family:'${sansFamily}',sans-serif !important}</style></head><body><div id="chart"></div></body></html>`);
    await page.goto(pathToFileURL(host).href);
    for (const [key, svg, file] of missing) {
      const natural = Number(/--natural-width: ([\d.]+)px/.exec(svg)?.[1] ?? /max-width: ([\d.]+)px/.exec(svg)?.[1] ?? 600);
      await page.evaluate(
        async ({ svg, width }) => {
          const chart = document.getElementById('chart')!;
          chart.innerHTML = svg;
          chart.style.width = `${width}px`;
          await document.fonts.ready;
        },
        { svg, width: Math.ceil(natural) },
      );
      const png = await page.locator('#chart').screenshot({ type: 'png' });
      writeFileSync(`${file}.tmp`, png);
      renameSync(`${file}.tmp`, file);
      out.set(key, { png, ...pngSize(png) });
    }
  } finally {
    await browser.close();
  }
  return out;
}
