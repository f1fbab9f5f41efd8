#!/usr/bin/env node
/**
 * npm run bench:check [-- --documents N] [-- --keep]
 *
 * Generates a valid document set of 10,000 documents (realistic sizes and references) in a temp dir,
 * then measures, in this one run and each in a fresh Node process:
 *   floor  read every file, parse its frontmatter (yaml) and body (mdast with mdxjs + gfm), nothing else
 *   cold   `check --no-cache`
 *   plain  `check --no-cache --no-flowcharts` (without mermaid's own parse of every flowchart)
 *   first  `check` with an empty parse cache (parses everything and writes .cache/shoukong)
 *   warm   `check` again after changing one file (reuses the cache for the other files)
 * and prints the times and the ratios cold/floor and warm/cold (target: cold/floor ≤ 1.5). Floor, cold
 * and warm run twice each, alternating, and the faster run counts.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse as parseYaml } from 'yaml';

const today = '2025-06-01';
const rounds = 2;
const unitSize = 20; // per procedure: 1 procedure, 5 regulations, 6 records, 5 flows, 3 standards

// ---------------------------------------------------------------------------------------------
// The generated set
// ---------------------------------------------------------------------------------------------

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Deterministic pseudo-random numbers, so every run measures the same set. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}
const phrases = [
  '各部门按职责分工组织实施，并对实施结果负责',
  '质管办每学期对执行情况进行检查，检查结果纳入部门年度考核',
  '发现问题的，责任部门应在十个工作日内分析原因并采取纠正措施',
  '相关记录由保管部门按规定期限保存，做到完整、清晰、可追溯',
  '涉及学生切身利益的事项，应通过教代会或学生代表大会听取意见',
  '实施过程中形成的数据统一归集到校本人才培养工作状态数据平台',
  '每年末对本程序的适宜性和有效性进行评审，必要时提出修订申请',
  '教学单位结合专业特点制定实施细则，报教务处备案后执行',
];
const departments = Array.from({ length: 30 }, (_, i) => ({ id: `d${pad(i + 1, 2)}`, name: `第${i + 1}部门（示例）`, shortName: `部门${i + 1}` }));
const clauses = Array.from({ length: 50 }, (_, i) => String(i + 1));

interface Unit {
  procedure: string;
  regulations: string[];
  records: string[];
  flows: string[];
  standards: string[];
}

function unitOf(i: number): Unit {
  const p = pad(i + 1, 3);
  return {
    procedure: `JMI/CX/${p}`,
    regulations: Array.from({ length: 5 }, (_, k) => `JMI/ZD/${p}-${pad(k + 1, 2)}`),
    records: Array.from({ length: 6 }, (_, k) => `JMI/JL/${p}-${pad(k + 1, 2)}`),
    flows: Array.from({ length: 5 }, (_, k) => `JMI/LC/${p}-${pad(k + 1, 2)}`),
    standards: Array.from({ length: 3 }, (_, k) => `JMI/BZ/${((i * 3 + k) % 5) + 1}-${pad(i * 3 + k + 1, 4)}`),
  };
}

const slug = (number: string) => number.toLowerCase().replace(/\//g, '-');
const list = (items: readonly string[]) => `[${items.join(', ')}]`;

function control(type: string, number: string, title: string, owner: string, rand: () => number): string {
  return [
    '---',
    `type: ${type}`,
    `number: ${number}`,
    `title: ${title}`,
    'version: A/1',
    'status: effective',
    `owners: [${owner}]`,
    rand() < 0.3 ? 'cooperating: all' : `cooperating: [${departments[Math.floor(rand() * 30)]!.shortName}, ${departments[Math.floor(rand() * 30)]!.id}]`,
    'effectiveDate: 2024-03-01',
    'preparedBy: 张明',
    'reviewedBy: 李华',
    'approvedBy: 王强',
    'lastReviewed: 2025-01-10',
    'revisions:',
    '  - version: A/0',
    '    date: 2021-09-01',
    '    summary: 首次发布',
    '    author: 张明',
    '  - version: A/1',
    '    date: 2024-02-20',
    `    summary: ${phrases[Math.floor(rand() * phrases.length)]}`,
    '    author: 张明',
  ].join('\n');
}

function paragraph(rand: () => number, refs: readonly string[]): string {
  const parts: string[] = [];
  for (let k = 0; k < 3; k++) parts.push(phrases[Math.floor(rand() * phrases.length)]!);
  if (refs.length > 0 && rand() < 0.6) parts.push(`具体按 [[${refs[Math.floor(rand() * refs.length)]}]] 执行`);
  return `${parts.join('；')}。`;
}

function procedureFile(unit: Unit, i: number, units: number, rand: () => number): string {
  const owner = departments[i % 30]!.shortName;
  const refs = [...unit.regulations, ...unit.records, ...unit.flows, ...unit.standards, unitOf((i + 1) % units).procedure];
  const body: string[] = [];
  const sections = ['目的', '适用范围', '职责', '工作程序', '检查与改进', '相关文件'];
  sections.forEach((section, s) => {
    body.push(`## ${s + 1} ${section}`, '');
    if (section === '工作程序') {
      for (let step = 1; step <= 4; step++) {
        body.push(`### ${s + 1}.${step} 第${step}阶段`, '');
        for (let n = 1; n <= 6; n++) body.push(`${n}. ${paragraph(rand, refs)}`);
        body.push('');
      }
      body.push('| 步骤 | 责任部门 | 输出 | 时限 |', '| --- | --- | --- | --- |');
      for (let r = 0; r < 12; r++) body.push(`| 第${r + 1}步 | ${departments[(i + r) % 30]!.shortName} | [[${unit.records[r % 6]}]] | ${r + 3} 个工作日 |`);
      body.push('');
    } else {
      for (let n = 0; n < 8; n++) body.push(paragraph(rand, refs), '');
    }
  });
  return [
    control('procedure', unit.procedure, `第${i + 1}号程序`, owner, rand),
    `regulations: ${list(unit.regulations)}`,
    `records: ${list(unit.records)}`,
    `flows: ${list(unit.flows)}`,
    `standards: ${list(unit.standards)}`,
    `clauses: [bench:${clauses[i % clauses.length]}]`,
    '---',
    '',
    ...body,
  ].join('\n');
}

function flowFile(unit: Unit, k: number, i: number, rand: () => number): string {
  const number = unit.flows[k]!;
  const lanes = [departments[i % 30]!.shortName, departments[(i + 7) % 30]!.shortName, '分管校领导'];
  const chart = ['```mermaid', 'flowchart TD'];
  lanes.forEach((lane, l) => {
    chart.push(`  subgraph ${lane}`);
    // Every flowchart differs (its first step names the flow), as real ones do, so none is parsed only once for many.
    for (let n = 0; n < 4; n++) chart.push(`    S${l}${n}["${l + n === 0 ? `${number} 发起` : phrases[(l + n + k) % phrases.length]!.slice(0, 12)}"]`);
    chart.push('  end');
  });
  for (let l = 0; l < 3; l++) for (let n = 0; n < 4; n++) chart.push(`  S${l}${n} --> S${n === 3 ? (l + 1) % 3 : l}${(n + 1) % 4}`);
  chart.push('```');
  return [
    control('flow', number, `第${i + 1}号程序第${k + 1}流程`, lanes[0]!, rand),
    `procedure: ${unit.procedure}`,
    'post: 部门负责人',
    `function: ${phrases[k]}`,
    'scope: 全校各部门',
    `regulations: [${unit.regulations[k]}]`,
    'inputs:',
    `  - "[[${unit.records[k]}]] 申请表"`,
    '  - 上级文件',
    'outputs:',
    `  - "[[${unit.records[(k + 1) % 6]}]] 登记表"`,
    'assessmentPoints:',
    '  - 流转时间',
    '  - 一次通过率',
    ...(k < 4 ? [`interfaces: [${unit.flows[k + 1]}]`] : []),
    '---',
    '',
    '## 流程说明',
    '',
    ...Array.from({ length: 10 }, (_, n) => `${n + 1}. ${paragraph(rand, [unit.procedure, unit.regulations[k]!])}`),
    '',
    '## 流程图',
    '',
    ...chart,
    '',
  ].join('\n');
}

function recordFile(unit: Unit, k: number, i: number, rand: () => number): string {
  const kinds = ['text', 'date', 'choice', 'textarea', 'table', 'checkbox', 'signature', 'multichoice', 'number'];
  const fields: string[] = ['fields:'];
  for (let f = 0; f < 12; f++) {
    const kind = kinds[f % kinds.length]!;
    fields.push(`  - label: 第${f + 1}项`, `    kind: ${kind}`);
    if (f % 3 === 0) fields.push('    required: true');
    if (kind === 'choice' || kind === 'multichoice') fields.push('    options: [是, 否, 不适用]');
    if (kind === 'table') fields.push('    columns: [{ label: 序号 }, { label: 内容 }, { label: 日期, kind: date }]', '    rows: 5');
    if (f % 4 === 1) fields.push(`    note: ${phrases[f % phrases.length]}`);
  }
  return [
    control('record', unit.records[k]!, `第${i + 1}号程序记录表${k + 1}`, departments[i % 30]!.shortName, rand),
    `procedure: ${unit.procedure}`,
    `keeper: ${departments[i % 30]!.id}`,
    'retention: 3年',
    ...fields,
    '---',
    '',
    '## 填写说明',
    '',
    ...Array.from({ length: 8 }, (_, n) => `${n + 1}. ${paragraph(rand, [])}`),
    '',
  ].join('\n');
}

function regulationFile(unit: Unit, k: number, i: number, rand: () => number): string {
  const articles = Array.from({ length: 24 }, (_, n) => `第${n + 1}条 ${paragraph(rand, [unit.procedure])}\n`);
  return [
    control('regulation', unit.regulations[k]!, `第${i + 1}号程序制度${k + 1}`, departments[i % 30]!.shortName, rand),
    `issuedAs: 示例院〔2024〕${i * 5 + k + 1}号`,
    '---',
    '',
    '## 第一章 总则',
    '',
    ...articles.slice(0, 8),
    '## 第二章 管理要求',
    '',
    ...articles.slice(8, 20),
    '## 第三章 附则',
    '',
    ...articles.slice(20),
  ].join('\n');
}

function standardFile(unit: Unit, k: number, i: number, rand: () => number): string {
  const levels = ['school', 'major', 'course', 'teacher', 'student'];
  const level = Number(unit.standards[k]!.split('/')[2]!.split('-')[0]) - 1;
  const rows = Array.from({ length: 24 }, (_, r) => `| 指标${r + 1} | ${phrases[r % phrases.length]} | ≥ ${60 + (r % 30)}% | ${departments[(i + r) % 30]!.shortName} |`);
  return [
    control('standard', unit.standards[k]!, `第${i * 3 + k + 1}号标准`, departments[i % 30]!.shortName, rand),
    `level: ${levels[level]}`,
    '---',
    '',
    '## 1 适用范围',
    '',
    paragraph(rand, [unit.procedure]),
    '',
    '## 2 指标',
    '',
    '| 指标 | 要求 | 合格线 | 责任部门 |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## 3 说明',
    '',
    ...Array.from({ length: 8 }, () => `${paragraph(rand, [])}\n`),
  ].join('\n');
}

function manualFile(n: number, units: number, rand: () => number): string {
  const procedures = Array.from({ length: 5 }, (_, k) => unitOf((n * 5 + k) % units).procedure);
  return [
    control('manual-section', `JMI/SC/${pad(n + 1, 2)}`, `手册第${n + 1}章`, departments[0]!.shortName, rand),
    'part: elements',
    `order: ${n + 1}`,
    `clauses: [${clauses.slice(n * 5, n * 5 + 5).map((c) => `bench:${c}`).join(', ')}]`,
    `procedures: ${list(procedures)}`,
    '---',
    '',
    ...Array.from({ length: 30 }, () => `${paragraph(rand, procedures)}\n`),
  ].join('\n');
}

function organizationYaml(): string {
  return [
    'institution:',
    '  name: 基准测试学院',
    'departments:',
    ...departments.map((d) => `  - { id: ${d.id}, name: ${d.name}, shortName: ${d.shortName}, kind: administrative }`),
    'numbering:',
    "  manual-section: { pattern: '^JMI/SC/\\d{2}$', example: JMI/SC/01 }",
    "  procedure: { pattern: '^JMI/CX/\\d{3}$', example: JMI/CX/001 }",
    "  flow: { pattern: '^JMI/LC/\\d{3}-\\d{2}$', example: JMI/LC/001-01 }",
    "  standard: { pattern: '^JMI/BZ/[1-5]-\\d{4}$', example: JMI/BZ/1-0001 }",
    "  regulation: { pattern: '^JMI/ZD/\\d{3}-\\d{2}$', example: JMI/ZD/001-01 }",
    "  record: { pattern: '^JMI/JL/\\d{3}-\\d{2}$', example: JMI/JL/001-01 }",
    'versionScheme: { style: letter-number, separator: / }',
    'reviewCycleMonths: { default: 36 }',
    '',
  ].join('\n');
}

/** Writes a valid set of about `documents` documents under `root`; returns how many it wrote. */
export function generateSet(root: string, documents: number): number {
  const units = Math.max(1, Math.round(documents / unitSize));
  const rand = random(2025);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('content/org/organization.yaml', organizationYaml());
  write('content/org/frameworks/bench.yaml', ['id: bench', 'name: 基准框架', 'clauses:', ...clauses.map((c) => `  - { id: "${c}", title: 条款${c} }`), ''].join('\n'));
  let count = 0;
  for (let i = 0; i < units; i++) {
    const unit = unitOf(i);
    write(`content/procedures/${slug(unit.procedure)}.mdx`, procedureFile(unit, i, units, rand));
    unit.flows.forEach((n, k) => write(`content/flows/${slug(n)}.mdx`, flowFile(unit, k, i, rand)));
    unit.records.forEach((n, k) => write(`content/records/${slug(n)}.mdx`, recordFile(unit, k, i, rand)));
    unit.regulations.forEach((n, k) => write(`content/regulations/${slug(n)}.mdx`, regulationFile(unit, k, i, rand)));
    unit.standards.forEach((n, k) => write(`content/standards/${slug(n)}.mdx`, standardFile(unit, k, i, rand)));
    count += unitSize;
  }
  for (let n = 0; n < 10; n++) write(`content/manual/jmi-sc-${pad(n + 1, 2)}.mdx`, manualFile(n, units, rand));
  return count + 10;
}

// ---------------------------------------------------------------------------------------------
// The floor: reading and parsing, nothing else
// ---------------------------------------------------------------------------------------------

/** Reads and parses every document under `root` the way the check does, and nothing more. */
export function floor(root: string): number {
  let parsed = 0;
  const files = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.mdx?$/.test(e.name));
  for (const entry of files) {
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const end = text.indexOf('\n---', 4);
    parseYaml(text.slice(4, end));
    fromMarkdown(text.slice(text.indexOf('\n', end + 1) + 1), { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
    parsed++;
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

const self = fileURLToPath(import.meta.url);
const checkScript = fileURLToPath(new URL('check.ts', import.meta.url));

/**
 * CPU seconds used by this process's finished children (and theirs), from /proc/self/stat (Linux):
 * it counts the check's own helper processes (e.g. mermaid's parser) too. Undefined elsewhere.
 */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/** Makes a child print its own CPU time (user + system) on exit: the fallback where /proc is missing. */
const reportCpu = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\nbench-cpu-us:'+(u.user+u.system)+'\\n')})`;

interface Timing {
  /** Wall-clock seconds, from spawning to exit. */
  seconds: number;
  /** CPU seconds the process and its own children used (user + system). */
  cpu: number;
  stdout: string;
  status: number | null;
}

/** Runs a Node process and returns its wall-clock and CPU time in seconds and its output. */
function timed(args: string[]): Timing {
  const before = childrenCpu();
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', reportCpu, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  const after = childrenCpu();
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} 失败（退出码 ${result.status}）：${result.stderr}`);
  const cpu = before !== undefined && after !== undefined ? after - before : Number(/bench-cpu-us:(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1e6;
  return { seconds, cpu, stdout: result.stdout, status: result.status };
}

/** The run with the least CPU time. */
function fastest(runs: readonly Timing[]): Timing {
  return runs.reduce((best, run) => (run.cpu < best.cpu ? run : best));
}

function countFindings(json: string): { total: number; byRule: Record<string, number> } {
  const findings = JSON.parse(json) as { ruleId: string }[];
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return { total: findings.length, byRule };
}

function main(): void {
  const { values } = parseArgs({ options: { documents: { type: 'string', default: '10000' }, keep: { type: 'boolean', default: false }, floor: { type: 'string' } } });
  if (values.floor) {
    process.stdout.write(`${floor(values.floor)}\n`);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'shoukong-bench-'));
  try {
    const documents = generateSet(root, Number(values.documents));
    const bytes = readdirSync(join(root, 'content'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + readFileSync(join(e.parentPath, e.name)).length, 0);
    console.log(`生成了 ${documents} 份文件（${(bytes / 1024 / 1024).toFixed(1)} MB）：${root}`);
    const check = (...extra: string[]) => timed([checkScript, '--root', root, '--today', today, '--format', 'json', ...extra]);

    // Floor and cold check alternate and the faster of each pair of runs counts, so that a burst of
    // other work on the machine does not decide the ratio.
    const floorRuns: Timing[] = [];
    const coldRuns: Timing[] = [];
    const plainRuns: Timing[] = [];
    for (let round = 0; round < rounds; round++) {
      floorRuns.push(timed([self, '--floor', root]));
      coldRuns.push(check('--no-cache'));
      plainRuns.push(check('--no-cache', '--no-flowcharts'));
    }
    const floorRun = fastest(floorRuns);
    const cold = fastest(coldRuns);
    const plain = fastest(plainRuns);
    const first = check();
    const cacheEntries = readdirSync(join(root, '.cache/shoukong'), { recursive: true }).filter((name) => String(name).endsWith('.json')).length;
    const warmRuns: Timing[] = [];
    for (let round = 0; round < rounds; round++) {
      appendFileSync(join(root, `content/procedures/jmi-cx-${pad(round + 1, 3)}.mdx`), '\n本段为基准测试追加的修改。\n');
      warmRuns.push(check());
    }
    const warm = fastest(warmRuns);
    const findings = countFindings(cold.stdout);
    const warmFindings = countFindings(warm.stdout);

    const row = (name: string, t: Timing, note = '') => console.log(`  ${name}  ${t.seconds.toFixed(2).padStart(7)} s  ${t.cpu.toFixed(2).padStart(7)} s${note ? `  ${note}` : ''}`);
    console.log(`\n每项在新的 Node 进程中运行（含启动与加载），同一次运行中测量；floor、cold、plain、warm 各 ${rounds} 次取最快：`);
    console.log('                                            墙钟      CPU');
    row('floor  读文件 + YAML + MDX 解析        ', floorRun, `${floorRun.stdout.trim()} 份`);
    row('cold   check --no-cache                ', cold);
    row('plain  同上，不用 mermaid 解析流程图   ', plain, '--no-flowcharts');
    row('first  check（空缓存，写入缓存）       ', first, `缓存 ${cacheEntries} 项`);
    row('warm   check（改动 1 个文件后）        ', warm);
    const ratio = (a: Timing, b: Timing) => `${(a.seconds / b.seconds).toFixed(2)}（CPU ${(a.cpu / b.cpu).toFixed(2)}）`;
    console.log('\n比值（墙钟，括号内为 CPU 时间之比）：');
    console.log(`  cold / floor  = ${ratio(cold, floorRun)}  目标 ≤ 1.5`);
    console.log(`  plain / floor = ${ratio(plain, floorRun)}  （其中 mermaid 解析流程图占 ${(cold.cpu - plain.cpu).toFixed(1)} s CPU）`);
    console.log(`  first / floor = ${ratio(first, floorRun)}`);
    console.log(`  warm / cold   = ${ratio(warm, cold)}`);
    console.log(`\n检查结果：${findings.total} 条（退出码 ${cold.status}）${findings.total ? ` ${JSON.stringify(findings.byRule)}` : ''}；改动后 ${warmFindings.total} 条`);
  } finally {
    if (values.keep) console.log(`保留了生成的文件集：${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
