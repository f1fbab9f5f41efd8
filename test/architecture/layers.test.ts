/**
 * The layers of src/ as the README's folder map draws them: imports point only downwards, Astro stays in the
 * site layer, and neither src/ nor scripts/ import the tests. Each entry of src/ belongs to exactly one layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '../..');

/**
 * Each entry of src/ and its layer's rank: a file may import its own layer or a lower rank, never a
 * layer of the same or a higher rank. Several entries form one layer where they share a name.
 */
export const layers: Record<string, { layer: string; rank: number }> = {
  model: { layer: 'model', rank: 0 },
  diagnostics: { layer: 'diagnostics', rank: 1 },
  graph: { layer: 'graph', rank: 1 },
  fs: { layer: 'fs', rank: 1 },
  browser: { layer: 'browser', rank: 1 },
  history: { layer: 'history', rank: 2 },
  render: { layer: 'render', rank: 2 },
  check: { layer: 'check', rank: 3 },
  authoring: { layer: 'authoring', rank: 4 },
  print: { layer: 'print', rank: 4 },
  approval: { layer: 'approval', rank: 4 },
  import: { layer: 'import', rank: 5 },
  site: { layer: 'site', rank: 5 },
  pages: { layer: 'site', rank: 5 },
  components: { layer: 'site', rank: 5 },
  layouts: { layer: 'site', rank: 5 },
  styles: { layer: 'site', rank: 5 },
  'content.config.ts': { layer: 'site', rank: 5 },
  cli: { layer: 'cli', rank: 6 },
};

/** Every source file under a folder, as a path from the project root. */
function sourceFiles(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|mjs|js|astro)$/.test(f))
    .map((f) => join(folder, f));
}

/** The modules a file imports: static, dynamic and type-only, with the line each is on. */
function importsOf(file: string): { specifier: string; line: number }[] {
  const text = readFileSync(join(projectRoot, file), 'utf8');
  const found: { specifier: string; line: number }[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) {
    found.push({ specifier: match[1]!, line: text.slice(0, match.index).split('\n').length });
  }
  return found;
}

/** The entry of src/ a project path lies in, or undefined outside src/. */
function entryOf(path: string): string | undefined {
  const parts = normalize(path).split('/');
  return parts[0] === 'src' ? parts[1] : undefined;
}

const srcFiles = sourceFiles('src');

describe('the layers of src/', () => {
  it('give every entry of src/ a layer (add a new folder to the table here and to the README folder map)', () => {
    const entries = readdirSync(join(projectRoot, 'src')).filter((e) => !e.startsWith('.'));
    expect(entries.filter((e) => !(e in layers))).toEqual([]);
  });

  it('list every entry of src/ in the README folder map, on a line that names its layer (第 N 层)', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const start = readme.indexOf('## 目录');
    const mapLines = readme.slice(start, readme.indexOf('\n## ', start + 1)).split('\n');
    const wrong = Object.entries(layers).filter(([entry, { rank }]) => {
      const line = mapLines.find((l) => new RegExp(`src/${entry.replace('.', '\\.')}(/|、|\\s|$)`).test(l));
      return !line?.includes(`第 ${rank} 层`);
    });
    expect(wrong.map(([entry]) => entry)).toEqual([]);
  });

  it('import only their own layer or a lower one', () => {
    const upward: string[] = [];
    for (const file of srcFiles) {
      const from = layers[entryOf(file)!]!;
      for (const { specifier, line } of importsOf(file)) {
        if (!specifier.startsWith('.')) continue;
        const entry = entryOf(relative(projectRoot, join(projectRoot, dirname(file), specifier)));
        if (!entry) continue;
        const to = layers[entry];
        if (!to || to.layer === from.layer) continue;
        if (to.rank >= from.rank) upward.push(`${file}:${line} (${from.layer}) imports ${specifier} (${to.layer})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('import Astro only in the site layer', () => {
    const outside = srcFiles
      .filter((file) => layers[entryOf(file)!]!.layer !== 'site')
      .flatMap((file) =>
        importsOf(file)
          .filter(({ specifier }) => /^(astro|@astrojs)(\/|:|$)/.test(specifier) || specifier.endsWith('.astro'))
          .map(({ specifier, line }) => `${file}:${line} imports ${specifier}`),
      );
    expect(outside).toEqual([]);
  });

  it('are not built on the tests: src/ and scripts/ never import test/', () => {
    const intoTests = [...srcFiles, ...sourceFiles('scripts')].flatMap((file) =>
      importsOf(file)
        .filter(({ specifier }) => specifier.startsWith('.') && relative(projectRoot, join(projectRoot, dirname(file), specifier)).startsWith('test/'))
        .map(({ specifier, line }) => `${file}:${line} imports ${specifier}`),
    );
    expect(intoTests).toEqual([]);
  });

  it('can fail: the scanner sees an upward import, Astro and a test import when they are there', () => {
    const text = "import type { X } from '../cli/x.ts';\nconst m = await import('astro');\nimport '../../test/helpers/a.ts';\n";
    const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(specifiers).toEqual(['../cli/x.ts', 'astro', '../../test/helpers/a.ts']);
  });
});
