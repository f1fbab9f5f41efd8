#!/usr/bin/env node
/**
 * Parses mermaid sources given as a JSON array on stdin and prints one result per source as JSON.
 * Run as a child process so the check stays synchronous and mermaid is only loaded when needed.
 */
import { readFileSync } from 'node:fs';

// Parsing needs no sanitising, and DOMPurify has no DOM in Node: give it no-op hooks before mermaid loads.
const { default: purify } = (await import('dompurify')) as unknown as { default: Record<string, unknown> };
for (const name of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks', 'setConfig', 'clearConfig']) purify[name] ??= () => {};
purify.sanitize = (text: string) => text;
const { default: mermaid } = (await import('mermaid')) as unknown as { default: { parse(code: string): Promise<unknown> } };

const codes = JSON.parse(readFileSync(0, 'utf8')) as string[];
const results: ({ ok: true } | { ok: false; message: string; line?: number })[] = [];
for (const code of codes) {
  try {
    await mermaid.parse(code);
    results.push({ ok: true });
  } catch (error) {
    const message = String((error as Error).message ?? error);
    const line = /on line (\d+)/i.exec(message)?.[1];
    results.push({ ok: false, message, ...(line ? { line: Number(line) } : {}) });
  }
}
process.stdout.write(JSON.stringify(results));
