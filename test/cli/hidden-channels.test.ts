/**
 * No hidden channels (issue 14): build state reaches the Astro loaders and pages through one typed
 * module, src/site/astro/build-input.ts, and as parameters everywhere else. These tests fail when a
 * globalThis slot, a build-state environment variable or a computed dynamic import comes back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Every source file under src/ (TypeScript, Astro pages and components), as [path from the project, text]. */
function sources(): [string, string][] {
  return readdirSync(join(projectRoot, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|astro)$/.test(e.name))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return [relative(projectRoot, path).split('\\').join('/'), readFileSync(path, 'utf8')] as [string, string];
    });
}

/** 1-based line numbers of the lines matching `pattern`. */
function linesMatching(text: string, pattern: RegExp): number[] {
  return text.split('\n').flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}

/** The one module allowed a process-wide slot (see its header for why Astro forces one). */
const sharedModule = 'src/site/astro/build-input.ts';

describe('build state', () => {
  it('is shared through globalThis only in build-input.ts (code that runs in a browser page is not Node state)', () => {
    const found: string[] = [];
    for (const [path, text] of sources()) {
      if (path === sharedModule) continue;
      const lines = text.split('\n');
      for (const n of linesMatching(text, /\bglobalThis\b/)) {
        // Inside page.evaluate(…): runs in the browser page, where mermaid lives on the page's window.
        const before = lines.slice(Math.max(0, n - 3), n).join('\n');
        if (path === 'src/render/mermaid.ts' && /page\.evaluate\(/.test(before)) continue;
        found.push(`${path}:${n}`);
      }
    }
    expect(found).toEqual([]);
    expect(readFileSync(join(projectRoot, sharedModule), 'utf8')).toContain('globalThis');
  });

  it('never travels in environment variables of its own (content root, PDF switch, dev preview)', () => {
    const found: string[] = [];
    for (const [path, text] of sources()) {
      for (const n of linesMatching(text, /SHOUKONG_(CONTENT_ROOT|PDF|DEV_PREVIEW)\b/)) found.push(`${path}:${n}`);
      // Writing a SHOUKONG_ variable would hand state to whoever reads it later in the process.
      for (const n of linesMatching(text, /process\.env(\.SHOUKONG_\w+|\[['"`]SHOUKONG_\w+['"`]\])\s*(=[^=]|\?\?=)|delete process\.env\.SHOUKONG_/)) found.push(`${path}:${n} (written)`);
    }
    expect(found).toEqual([]);
  });

  it('is imported statically: a dynamic import names a package, never a path computed at run time', () => {
    // mermaid's worker loads mermaid's own diagram chunks by file name (its package has no entry for them).
    const allowed = new Set(['src/check/flowchart-syntax-worker.ts']);
    const found: string[] = [];
    for (const [path, text] of sources()) {
      if (allowed.has(path)) continue;
      for (const n of linesMatching(text, /\bimport\(\s*[^'"`\s)]/)) found.push(`${path}:${n}`);
    }
    expect(found).toEqual([]);
  });
});

describe('the commands layer', () => {
  it('has no command call another through an argv array, and no layer below the commands import one', () => {
    const calls: string[] = [];
    const imports: string[] = [];
    for (const [path, text] of sources()) {
      for (const n of linesMatching(text, /\b\w+Command(InTerminal)?\(\s*\[/)) calls.push(`${path}:${n}`);
      if (!path.startsWith('src/cli/')) for (const n of linesMatching(text, /from '[^']*-command\.ts'/)) imports.push(`${path}:${n}`);
    }
    expect(calls).toEqual([]);
    expect(imports).toEqual([]);
  });

  it('keeps every scripts/ entry point of a command a shim of at most 8 lines calling src/cli', () => {
    const scripts = join(projectRoot, 'scripts');
    const shims = readdirSync(scripts).filter((f) => f.endsWith('.ts') && !/^(bench-|gen-|lock-|terminal-shot|docx-look)/.test(f));
    expect(shims.length).toBeGreaterThan(15);
    for (const file of shims) {
      const text = readFileSync(join(scripts, file), 'utf8').trimEnd();
      expect(text.split('\n').length, file).toBeLessThanOrEqual(8);
      expect(text, file).toMatch(/from '\.\.\/src\/cli\/[a-z-]+\.ts'/);
      expect(text, file).not.toMatch(/parseArgs|process\.exit\(/);
    }
  });
});
