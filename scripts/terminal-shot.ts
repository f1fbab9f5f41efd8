#!/usr/bin/env node
/**
 * node scripts/terminal-shot.ts <captured-output> "<command shown>" <out.png>
 * Renders a real terminal capture (with its ANSI colours, e.g. from `script -qc "npm run check" out.txt`) as a PNG for the
 * authoring guide: one cell per column, CJK characters two cells wide, like a terminal. Uses the project's headless Chromium.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../src/browser/launch.ts';
import { displayWidth } from '../src/diagnostics/display-width.ts';

const [input, title, output] = process.argv.slice(2);
if (!input || !title || !output) {
  process.stderr.write('用法：node scripts/terminal-shot.ts <终端输出文件> "<显示的命令>" <输出.png>\n');
  process.exit(2);
}
const colours: Record<number, string> = { 31: '#ff6b6b', 32: '#69db7c', 33: '#ffd43b', 34: '#74c0fc', 35: '#da77f2', 36: '#66d9e8', 90: '#868e96' };
// Cursor movements as a terminal applies them: “go to column 1” erases what came before on that line (npm's spinner).
const text = readFileSync(input, 'utf8')
  .replace(/\r/g, '')
  .split('\n')
  .map((line) => line.replace(/^.*\x1b\[1G/, '').replace(/\x1b\[[0-9;]*[A-HJKSTf]/g, ''))
  .join('\n')
  .replace(/\n+$/, '');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Terminal width in columns: longer lines wrap, as in a terminal window. */
const columns = 100;
const lines = text.split('\n').map((line) => {
  let html = '';
  let column = 0;
  let style = { colour: '', bold: false, dim: false };
  for (const part of line.split(/(\x1b\[[0-9;]*m)/)) {
    const sgr = /^\x1b\[([0-9;]*)m$/.exec(part);
    if (sgr) {
      for (const code of (sgr[1] || '0').split(';').map(Number)) {
        if (code === 0) style = { colour: '', bold: false, dim: false };
        else if (code === 1) style.bold = true;
        else if (code === 2) style.dim = true;
        else if (code === 22) style = { ...style, bold: false, dim: false };
        else if (code === 39) style.colour = '';
        else if (colours[code]) style.colour = colours[code]!;
      }
      continue;
    }
    for (const char of part) {
      const width = displayWidth(char) === 2 ? 2 : 1;
      if (column + width > columns) {
        html += '</div><div class="line">';
        column = 0;
      }
      column += width;
      const css = [style.colour && `color:${style.colour}`, style.bold && 'font-weight:700', style.dim && 'opacity:.6'].filter(Boolean).join(';');
      html += `<span class="w${width}"${css ? ` style="${css}"` : ''}>${char === ' ' ? '&nbsp;' : escape(char)}</span>`;
    }
  }
  return `<div class="line">${html || '&nbsp;'}</div>`;
});
const fontCss = pathToFileURL(join(process.cwd(), 'node_modules/@fontsource/noto-sans-sc/400.css')).href;
const page = `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="${fontCss}"><style>
body{margin:0;background:#fff;padding:16px;display:inline-block}
.term{background:#1e1e1e;color:#d4d4d4;border-radius:8px;overflow:hidden;box-shadow:0 2px 8px #0003;display:inline-block}
.bar{background:#333;color:#bbb;font:13px "Noto Sans SC",sans-serif;padding:6px 12px}
.screen{padding:12px 16px;font:14px/1.45 "DejaVu Sans Mono","Noto Sans SC",monospace;white-space:pre}
.line{height:1.45em}.w1,.w2{display:inline-block;text-align:center}.w1{width:1ch}.w2{width:2ch;font-family:"Noto Sans SC",sans-serif}
</style><div class="term"><div class="bar">终端 — $ ${escape(title)}</div><div class="screen"><div class="line"><span style="color:#69db7c">$</span>&nbsp;${escape(title)}</div>${lines.join('')}</div></div>`;
const dir = mkdtempSync(join(tmpdir(), 'shoukong-shot-'));
writeFileSync(join(dir, 'page.html'), page);
const { browser } = await launchBrowser();
try {
  const tab = await browser.newPage({ deviceScaleFactor: 1.5 });
  await tab.goto(pathToFileURL(join(dir, 'page.html')).href);
  await tab.evaluate(() => document.fonts.ready);
  await tab.locator('.term').screenshot({ path: output });
} finally {
  await browser.close();
}
process.stdout.write(`✔ ${output}\n`);
