#!/usr/bin/env node
/**
 * npm run bench:history — builds a repository of 1,000 documents and 5,000 commits with git fast-import,
 * then times the history build (every document's versions and diffs) and counts the Git processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRepositoryHistory } from '../src/history/document-history.ts';
import { gitRunner } from '../src/history/git.ts';
import { inForceAt } from '../src/history/point-in-time.ts';

const documents = Number(process.env.BENCH_DOCS ?? 1000);
const commits = Number(process.env.BENCH_COMMITS ?? 5000);
const root = mkdtempSync(join(tmpdir(), 'shoukong-bench-history-'));

function documentText(i: number, revision: number): string {
  const version = `${String.fromCharCode(65 + Math.floor(revision / 10))}/${revision % 10}`;
  const revisions = Array.from({ length: revision + 1 }, (_, r) => `  - version: ${String.fromCharCode(65 + Math.floor(r / 10))}/${r % 10}\n    date: ${2015 + Math.floor(r / 12)}-${String((r % 12) + 1).padStart(2, '0')}-01\n    summary: 第 ${r} 次修订\n    author: 编写人${r % 7}`).join('\n');
  const articles = Array.from({ length: 40 }, (_, a) => `**第${a + 1}条** 第 ${i} 号制度第 ${a + 1} 条的规定，修订 ${a % 9 === revision % 9 ? revision : 0}。`).join('\n\n');
  return `---\ntype: regulation\nnumber: JMI/ZD/${String(Math.floor(i / 50)).padStart(2, '0')}-${String(i % 50).padStart(2, '0')}\ntitle: 第 ${i} 号管理办法\nversion: ${version}\nstatus: effective\nowners: [质管办]\neffectiveDate: ${2015 + Math.floor(revision / 12)}-${String((revision % 12) + 1).padStart(2, '0')}-02\napprovedBy: 批准人\nrevisions:\n${revisions}\n---\n\n## 第一章 总则\n\n${articles}\n`;
}

// One fast-import stream: the first commit adds every document, each later commit revises one.
const revision = new Array<number>(documents).fill(0);
const chunks: string[] = [];
const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
const start = Date.UTC(2016, 0, 1) / 1000;
for (let c = 0; c < commits; c++) {
  const when = start + c * 3600;
  chunks.push(`commit refs/heads/main\nauthor 作者${c % 13} <a${c % 13}@example.edu.cn> ${when} +0800\ncommitter CI <ci@example.edu.cn> ${when} +0800\n${data(`commit ${c}`)}`);
  if (c === 0) {
    for (let i = 0; i < documents; i++) chunks.push(`M 100644 inline content/regulations/doc-${i}.mdx\n${data(documentText(i, 0))}`);
  } else {
    const i = (c * 7919) % documents;
    revision[i]! += 1;
    chunks.push(`M 100644 inline content/regulations/doc-${i}.mdx\n${data(documentText(i, Math.min(revision[i]!, 99)))}`);
  }
  chunks.push('\n');
}
spawnSync('git', ['init', '-q', '-b', 'main', root]);
const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: root, input: chunks.join('') });
if (imported.status !== 0) throw new Error(imported.stderr.toString());
spawnSync('git', ['checkout', '-q', '-f', 'main'], { cwd: root });

const git = gitRunner(root);
const t0 = performance.now();
const history = readRepositoryHistory(root, git);
const t1 = performance.now();
const rows = inForceAt(history, '2017-06-01');
const t2 = performance.now();

const versions = history.documents.reduce((n, d) => n + d.versions.length, 0);
console.log(`仓库：${documents} 份文件，${commits} 次提交（${root}）`);
console.log(`版本历史：${history.documents.length} 份文件，${versions} 个版本，用时 ${((t1 - t0) / 1000).toFixed(2)} s，Git 进程 ${git.processes} 个`);
console.log(`某日在用版本（2017-06-01）：${rows.length} 行，用时 ${((t2 - t1) / 1000).toFixed(3)} s`);
console.log(`目标：< 10 s 且 < 10 个 Git 进程 —— ${t1 - t0 < 10_000 && git.processes < 10 ? '达到' : '未达到'}`);
if (!process.env.KEEP) rmSync(root, { recursive: true, force: true });
