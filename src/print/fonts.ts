/**
 * The fonts printed documents use, always from the npm font packages (never system fonts): one
 * chinese-simplified woff2 per family and weight, which also covers Latin letters and digits.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fontUrl } from './lockdown.ts';

/** One embedded face: family name as used in CSS, weight, and the file on disk. */
export interface PrintFont {
  family: string;
  weight: number;
  file: string;
}

/** 宋体（正文）: Noto Serif SC. */
export const serifFamily = 'Shoukong Serif';
/** 黑体（标题、表格、页眉页脚）: Noto Sans SC. */
export const sansFamily = 'Shoukong Sans';

const faces: { family: string; pkg: string; prefix: string; weights: number[] }[] = [
  { family: serifFamily, pkg: '@fontsource/noto-serif-sc', prefix: 'noto-serif-sc', weights: [400, 700] },
  { family: sansFamily, pkg: '@fontsource/noto-sans-sc', prefix: 'noto-sans-sc', weights: [400, 700] },
];

/** Finds the font files in node_modules; throws naming the package to install when one is missing. */
export function printFonts(): PrintFont[] {
  const require = createRequire(import.meta.url);
  return faces.flatMap(({ family, pkg, prefix, weights }) => {
    let dir: string;
    try {
      dir = join(dirname(require.resolve(`${pkg}/package.json`)), 'files');
    } catch {
      throw new Error(`找不到字体包 ${pkg}；请运行 npm install ${pkg}`);
    }
    return weights.map((weight) => {
      const file = join(dir, `${prefix}-chinese-simplified-${weight}-normal.woff2`);
      try {
        statSync(file);
      } catch {
        throw new Error(`字体文件缺失：${file}；请重新安装 ${pkg}（npm install ${pkg}）`);
      }
      return { family, weight, file };
    });
  });
}

/** Fallback family for the few symbols (→ ★ ✓ …) the chinese-simplified files leave out. */
export const symbolsFamily = 'Shoukong Symbols';

/**
 * @font-face rules loading each font from the print origin (the renderer answers those URLs with
 * the files; pages have no file access), then the 400-weight slices of Noto Sans SC as a symbols
 * fallback: each slice has a unicode-range, so Chromium only loads the few a page needs, and no
 * glyph ever falls back to a system font.
 */
export function fontFaceCss(fonts: PrintFont[]): string {
  const main = fonts.map((f) => `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;src:url('${fontUrl(basename(f.file))}') format('woff2');}`);
  return [...main, ...symbolFaces().map((s) => s.css)].join('\n');
}

/** Every font file the print pages may load, by the URL they load it from. */
export function printFontFiles(fonts: PrintFont[]): Map<string, string> {
  return new Map([...fonts.map((f) => f.file), ...symbolFaces().map((s) => s.file)].map((file) => [fontUrl(basename(file)), file]));
}

function symbolFaces(): { css: string; file: string }[] {
  const require = createRequire(import.meta.url);
  const css = require.resolve('@fontsource/noto-sans-sc/400.css');
  const text = readFileSync(css, 'utf8');
  const dir = dirname(css);
  return [...text.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, rule]) => {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(rule!)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(rule!)?.[1];
    if (!file || !range) return [];
    return [{ css: `@font-face{font-family:'${symbolsFamily}';font-style:normal;font-weight:400;font-display:block;src:url('${fontUrl(basename(file))}') format('woff2');unicode-range:${range};}`, file: join(dir, file) }];
  });
}

/** A short fingerprint of the font bytes, part of every PDF cache key. */
export function fontsFingerprint(fonts: PrintFont[]): string {
  const hash = createHash('sha1');
  for (const f of fonts) hash.update(`${f.family}:${f.weight}:`).update(readFileSync(f.file));
  hash.update(symbolFaces().map((s) => s.css).join(''));
  return hash.digest('hex');
}
