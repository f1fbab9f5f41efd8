#!/usr/bin/env node
/**
 * npm run bench:import [-- --documents N] [-- --runs R]
 *
 * Generates N (default 200) Word documents in the six layouts of the test fixtures (程序文件 with a
 * header table and revision records, 制度 with chapters, record forms, first-lines procedures,
 * standards with merged cells and an image, manual sections with footnotes), then measures side by
 * side in this one run, R (default 3) runs, each file through both sides one after the other:
 *   mammoth  mammoth.convertToHtml on every file, nothing else (the floor)
 *   import   the whole import of every file (mammoth, HTML → mdast, recognising the control fields,
 *            references, MDX text and its read-back check), without writing files
 * and prints documents per second (medians) and the ratio import/mammoth (goal: ≤ 1.5).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import mammoth from 'mammoth';
import { importDocuments, type ImportSource } from '../src/import/import-documents.ts';
import { loadDocumentSet } from '../src/model/load.ts';
import {
  manualWithFootnotes,
  procedureWithFirstLines,
  procedureWithHeaderTable,
  recordForm,
  regulationWithChapters,
  standardWithMergedCellsAndImage,
} from './lib/word-fixtures.ts';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '200' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.documents);
const runs = Math.max(3, Number(values.runs));

const root = join(tmpdir(), `shoukong-bench-import-${process.pid}`);
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
cpSync(join(import.meta.dirname, '../content/org'), join(root, 'content/org'), { recursive: true });

process.stderr.write(`生成 ${count} 个 Word 文件……\n`);
const sources: ImportSource[] = [];
for (let i = 0; i < count; i++) {
  // Each document its own number, so that none collides with another in the batch.
  const n = String(20 + Math.floor(i / 6)).padStart(2, '0');
  const kind = i % 6;
  const bytes =
    kind === 0 || kind === 3
      ? await procedureWithHeaderTable({
          number: kind === 0 ? `JMI/CX/${n}` : `JMI/CX/${n}-2`,
          title: `第 ${i} 号程序`,
          version: 'B/0',
          effectiveDate: '2025-09-01',
          owner: '质管办',
          regulations: [{ number: `JMI/ZD/${n}-01`, title: '管理办法' }],
          records: [{ number: `JMI/JL/${n}-01`, title: '登记表' }],
        })
      : kind === 1
        ? await regulationWithChapters(`JMI/ZD/${n}-09`)
        : kind === 2
          ? await recordForm(`JMI/JL/${n}-09`)
          : kind === 4
            ? i % 12 === 4
              ? await standardWithMergedCellsAndImage(`JMI/BZ/2-${n}`)
              : await procedureWithFirstLines(`JMI/CX/${n}-1`)
            : await manualWithFootnotes(`JMI/SC/${n}`);
  sources.push({ name: `${i}.docx`, bytes });
}
const set = loadDocumentSet(root);

/**
 * One run: every file through mammoth alone and through the whole import, alternating file by file,
 * so that both sides see the same load on a shared machine; returns the total of each side.
 */
async function run(): Promise<{ mammoth: number; import: number }> {
  let floor = 0;
  let full = 0;
  for (const s of sources) {
    let started = performance.now();
    await mammoth.convertToHtml({ buffer: Buffer.from(s.bytes) });
    floor += performance.now() - started;
    started = performance.now();
    const result = await importDocuments(root, set, [s], { dryRun: true, force: true });
    full += performance.now() - started;
    if (!result.outcomes[0]?.ok) throw new Error(`导入失败：${s.name}`);
  }
  return { mammoth: floor, import: full };
}

await run(); // warm-up
const times: { mammoth: number[]; import: number[] } = { mammoth: [], import: [] };
for (let r = 0; r < runs; r++) {
  const t = await run();
  times.mammoth.push(t.mammoth);
  times.import.push(t.import);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const m = median(times.mammoth);
const im = median(times.import);
const perSecond = (ms: number) => ((count / ms) * 1000).toFixed(0);
process.stdout.write(
  [
    `${count} 个 Word 文件，${runs} 轮，每轮逐个文件交替测两边，取中位数：`,
    `  mammoth 单独   ${m.toFixed(0).padStart(6)} ms   ${perSecond(m)} 份/秒   （各次：${times.mammoth.map((t) => t.toFixed(0)).join('、')}）`,
    `  完整导入       ${im.toFixed(0).padStart(6)} ms   ${perSecond(im)} 份/秒   （各次：${times.import.map((t) => t.toFixed(0)).join('、')}）`,
    `  比值 导入/mammoth = ${(im / m).toFixed(2)}（目标 ≤ 1.5）；各轮比值的中位数 ${median(times.import.map((t, i) => t / times.mammoth[i]!)).toFixed(2)}`,
    '',
  ].join('\n'),
);
rmSync(root, { recursive: true, force: true });
