#!/usr/bin/env node
/**
 * npm run bench:build — the author's loop on a copy of the example (a clone of this repository, so
 * the history pages have their commits): a cold build (no caches under the copy, no dist/), then one
 * committed edit to the body of one procedure, then a rebuild. Prints medians of the runs, the ratio
 * rebuild ÷ cold (goal < 15 %) and the steps of the rebuild.
 *
 *   npm run bench:build -- --runs 3 [--no-pdf] [--procedure content/procedures/jmi-cx-13.mdx]
 *
 * The flowchart SVGs are cached under the project (.cache/shoukong/mermaid), not under the copy: the
 * cold build reuses them, as it would on an author's machine after the first build.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, projectRoot, type BuildSiteResult } from '../src/site/build/build-site.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pdf: { type: 'boolean', default: true },
    'no-pdf': { type: 'boolean', default: false },
    procedure: { type: 'string', default: 'content/procedures/jmi-cx-13.mdx' },
  },
});
const runs = Math.max(1, Number(values.runs));
const pdf = !values['no-pdf'];
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const git = (root: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', ...args], { cwd: root, stdio: 'pipe' }).toString().trim();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const log = (line: string) => process.stdout.write(`${line}\n`);

const copy = mkdtempSync(join(tmpdir(), 'shoukong-bench-build-'));
git(tmpdir(), 'clone', '-q', '--no-hardlinks', projectRoot, copy);
const base = git(copy, 'rev-parse', 'HEAD');

async function build(): Promise<{ ms: number; result: BuildSiteResult }> {
  const started = performance.now();
  const result = await buildSite({ contentRoot: copy, outDir: join(copy, 'dist'), pdf, log: () => {} });
  const ms = performance.now() - started;
  if (result.exitCode !== 0) {
    await buildSite({ contentRoot: copy, outDir: join(copy, 'failed'), pdf, log });
    throw new Error(`the copy did not build (exit ${result.exitCode})`);
  }
  return { ms, result };
}

const cold: number[] = [];
const rebuild: number[] = [];
const steps: Record<string, number[]> = {};
try {
  for (let run = 1; run <= runs; run++) {
    git(copy, 'reset', '-q', '--hard', base);
    rmSync(join(copy, '.cache'), { recursive: true, force: true });
    rmSync(join(copy, 'dist'), { recursive: true, force: true });
    const first = await build();
    cold.push(first.ms);
    // One paragraph added to one procedure's body, committed as an author would.
    appendFileSync(join(copy, values.procedure), `\n本段为第 ${run} 次基准测试加入的说明：修改后只应重新生成受影响的内容。\n`);
    git(copy, 'commit', '-q', '-am', `bench: edit ${values.procedure}`);
    const second = await build();
    rebuild.push(second.ms);
    for (const [step, ms] of Object.entries(second.result.timings)) (steps[step] ??= []).push(ms);
    log(`第 ${run} 次：首次构建 ${seconds(first.ms)} 秒，提交一处改动后重建 ${seconds(second.ms)} 秒（${((second.ms / first.ms) * 100).toFixed(1)}%）` + ((second.result as { mode?: string }).mode ? `，方式：${(second.result as { mode?: string }).mode}` : ''));
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}

const ratio = median(rebuild) / median(cold);
log(`\n示例${pdf ? '（含 PDF 与 Word）' : '（不含 PDF）'}，${runs} 次中位数：首次构建 ${seconds(median(cold))} 秒，改动 ${values.procedure} 并提交后重建 ${seconds(median(rebuild))} 秒`);
log(`重建 ÷ 首次构建 = ${(ratio * 100).toFixed(1)}%（目标 < 15%）${ratio < 0.15 ? ' ✓' : ' ✗'}`);
log(`重建各步（中位数）：${Object.entries(steps).map(([step, ms]) => `${step} ${seconds(median(ms))}`).join('，')} 秒`);
