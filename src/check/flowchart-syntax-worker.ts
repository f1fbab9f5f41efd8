#!/usr/bin/env node
/**
 * Parses mermaid sources given as a JSON array on stdin and prints one result per source as JSON.
 * Run as a child process so the check stays synchronous and mermaid is only loaded when needed.
 *
 * Flowcharts go straight to mermaid's own flowchart grammar with a flowchart database whose
 * bookkeeping is switched off: the same syntax verdict as `mermaid.parse` at a fraction of the cost
 * (mermaid.parse re-merges its whole configuration for every diagram, ~15–25 ms each here).
 * Other diagram types, and any mermaid build where the grammar cannot be found, use `mermaid.parse`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Answer = { ok: true } | { ok: false; message: string; line?: number };

// Parsing needs no sanitising, and DOMPurify has no DOM in Node: give it no-op hooks before mermaid loads.
const { default: purify } = (await import('dompurify')) as unknown as { default: Record<string, unknown> };
for (const name of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks', 'setConfig', 'clearConfig']) purify[name] ??= () => {};
purify.sanitize = (text: string) => text;
const { default: mermaid } = (await import('mermaid')) as unknown as { default: { parse(code: string): Promise<unknown> } };
const flowchartGrammar = await loadFlowchartGrammar();

const codes = JSON.parse(readFileSync(0, 'utf8')) as string[];
const results: Answer[] = [];
for (const code of codes) {
  try {
    if (flowchartGrammar && /^\s*(?:%%[^\n]*\n\s*)*(flowchart|graph)\b/.test(code)) flowchartGrammar(code);
    else await mermaid.parse(code);
    results.push({ ok: true });
  } catch (error) {
    const message = String((error as Error).message ?? error);
    const line = /on line (\d+)/i.exec(message)?.[1];
    results.push({ ok: false, message, ...(line ? { line: Number(line) } : {}) });
  }
}
process.stdout.write(JSON.stringify(results));

/** mermaid's flowchart grammar with a database that records nothing; undefined if this mermaid build differs. */
async function loadFlowchartGrammar(): Promise<((code: string) => void) | undefined> {
  try {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('mermaid/package.json')), 'dist/chunks/mermaid.core');
    const file = readdirSync(dir).find((f) => /^flowDiagram-.*\.mjs$/.test(f));
    if (!file) return undefined;
    const { diagram } = (await import(pathToFileURL(join(dir, file)).href)) as {
      diagram: { parser: { parse(text: string): unknown; parser: { yy: unknown } }; db: { constructor: new () => Record<string, unknown> } };
    };
    const db = new diagram.db.constructor();
    // Only the grammar's own checks matter; these calls would build the graph.
    for (const name of ['addVertex', 'addLink', 'addSubGraph', 'setLink', 'setClass', 'addClass', 'setClickEvent', 'setTooltip', 'updateLink', 'updateLinkInterpolate', 'setDirection', 'setAccTitle', 'setAccDescription']) {
      db[name] = () => undefined;
    }
    return (code) => {
      db.firstGraphFlag = true;
      diagram.parser.parser.yy = db;
      // As mermaid does, comments are not part of the grammar; blank them so line numbers stay true.
      diagram.parser.parse(code.replace(/^[ \t]*%%(?!\{)[^\n]*$/gm, '').replace(/^\s*\n/, (blank) => blank.replace(/[^\n]/g, '')));
    };
  } catch {
    return undefined;
  }
}
