/**
 * Flowchart syntax (流程图语法): every mermaid source is parsed once by mermaid itself, in a child
 * process, and the answer is cached on disk by the source's hash, so a check run only pays for new or
 * changed flowcharts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FlowchartSyntaxError {
  /** mermaid's own message, first lines only. */
  message: string;
  /** 1-based line inside the mermaid source, when mermaid says. */
  line?: number;
}

type Answer = { ok: true } | ({ ok: false } & FlowchartSyntaxError);

const parserVersion = 'mermaid-parse-v3';
const worker = fileURLToPath(new URL('flowchart-syntax-worker.ts', import.meta.url));

/** Errors by source for every source that mermaid cannot parse. Sources it could not judge are left out. */
export function flowchartSyntaxErrors(codes: Iterable<string>, cacheDir: string | undefined): Map<string, FlowchartSyntaxError> {
  const unique = [...new Set(codes)];
  const answers = new Map<string, Answer>();
  const key = (code: string) => createHash('sha1').update(`${parserVersion}\n${code}`).digest('hex');
  const missing: string[] = [];
  for (const code of unique) {
    const file = cacheDir ? join(cacheDir, `${key(code)}.json`) : undefined;
    if (file && existsSync(file)) answers.set(code, JSON.parse(readFileSync(file, 'utf8')) as Answer);
    else missing.push(code);
  }
  if (missing.length > 0) {
    const run = spawnSync(process.execPath, [worker], { input: JSON.stringify(missing), maxBuffer: 1 << 28, encoding: 'utf8' });
    if (run.status === 0) {
      const results = JSON.parse(run.stdout) as Answer[];
      if (cacheDir) mkdirSync(cacheDir, { recursive: true });
      missing.forEach((code, i) => {
        const answer = results[i];
        if (!answer) return;
        answers.set(code, answer);
        if (cacheDir) writeFileSync(join(cacheDir, `${key(code)}.json`), JSON.stringify(answer));
      });
    }
  }
  const errors = new Map<string, FlowchartSyntaxError>();
  for (const [code, answer] of answers) {
    if (!answer.ok) errors.set(code, { message: shorten(answer.message), ...(answer.line ? { line: answer.line } : {}) });
  }
  return errors;
}

/** mermaid's message lists every token it expected; an author needs the place and what it saw. */
function shorten(message: string): string {
  const lines = message.split('\n').filter((l) => l.trim() && !/^-+\^$/.test(l.trim()));
  const excerpt = lines.find((l) => l.startsWith('...'));
  const got = /got '([^']+)'/.exec(message)?.[1];
  if (excerpt) return `无法解析“${excerpt.replace(/^\.\.\.\s*/, '').trim()}”${got ? `（此处遇到 ${got}）` : ''}`;
  return lines.join(' ').replace(/\s+/g, ' ').slice(0, 160);
}
