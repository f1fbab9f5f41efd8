/**
 * `npm run copy`: issue numbered controlled paper copies (发放), and record their return or
 * destruction (回收), in the distribution register content/copies/distribution.yaml (form JMI/JL/13-02).
 */
import { isAnswer, readOptions, writeResult } from './command.ts';
import { dateOptionError } from '../model/calendar-date.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { BrowserNotFoundError, browserHelp } from '../browser/find-browser.ts';
import { copyNumber, nextCopySequence, verifyPath } from '../history/copies.ts';
import { buildToday, inForceTodayOf } from '../history/in-force-today.ts';
import { distributionPath, loadDocumentSet } from '../model/load.ts';
import { indexDepartments } from '../model/organization.ts';
import { addFlowcharts, printSetup } from '../print/build-pdfs.ts';
import { copyStamp } from '../print/copy-stamp.ts';
import { documentHtml } from '../print/document-html.ts';
import { furnitureOf } from '../print/page-html.ts';
import { finishPdf } from '../print/pdf-finish.ts';
import { startRenderer, type RendererOptions } from '../print/pdf-renderer.ts';
import { isPrintable } from '../print/print-context.ts';
import { slugOf } from '../render/urls.ts';

export const copyUsage = `用法：npm run copy -- <文件编号> --to <领用部门> --holder <领用人> [--count N] [--site 网址]
       npm run copy -- --return <分发号> [--date YYYY-MM-DD]
       npm run copy -- --destroyed <分发号> [--date YYYY-MM-DD]
  <文件编号>     打印其今日在用版本的纸质受控件，如 JMI/CX/13
  --to           领用部门（organization.yaml 中的部门编号、简称或全称）
  --holder       领用人姓名
  --count        份数（默认 1），每份一个分发号、一个 PDF
  --site         发布网站地址（默认 organization.yaml 的 copies.siteUrl）；二维码指向 <网址>verify/<分发号>/
  --out          PDF 输出目录（默认 dist/copies）
  --return       登记该分发号已交回质管办
  --destroyed    登记该分发号已销毁
  --date         回收或销毁日期（默认今天）
  --today        按这一天判断在用版本并作为发放日期（默认今天）
  --root         文件体系所在目录（默认当前目录）
每份纸质件每页印有“受控”、分发号、领用人和部门、发放日期和核验二维码；发放记录写入 ${distributionPath}。
退出码：成功为 0；找不到文件、部门或浏览器、打印失败为 1；参数错误为 2。`;

export interface CopyEnv {
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Which browser (tests). */
  renderer?: Omit<RendererOptions, 'tabs'>;
}

export async function copyCommand(argv: string[], env: CopyEnv): Promise<number> {
  const read = readOptions(argv, {
    to: { type: 'string' },
    holder: { type: 'string' },
    count: { type: 'string' },
    site: { type: 'string' },
    out: { type: 'string' },
    return: { type: 'string' },
    destroyed: { type: 'string' },
    date: { type: 'string' },
    today: { type: 'string' },
    root: { type: 'string' },
  }, copyUsage, { positionals: true });
  if (isAnswer(read)) return writeResult(read, env);
  const { values, positionals } = read;
  for (const [name, value] of [['--date', values.date], ['--today', values.today]] as const) {
    const bad = value === undefined ? undefined : dateOptionError(name, value);
    if (bad) {
      env.err(`${bad}\n`);
      return 2;
    }
  }
  const root = resolve(env.cwd, values.root ?? '.');
  const today = values.today ?? buildToday();
  const registerFile = join(root, distributionPath);

  if (values.return !== undefined || values.destroyed !== undefined) {
    if (values.return !== undefined && values.destroyed !== undefined) {
      env.err('--return 与 --destroyed 只能给出一个\n');
      return 2;
    }
    const copy = (values.return ?? values.destroyed)!;
    const field = values.return !== undefined ? 'returned' : 'destroyed';
    return recordBack(registerFile, root, copy, field, values.date ?? today, env);
  }

  const number = positionals[0];
  if (!number || positionals.length > 1 || !values.to || !values.holder) {
    env.err(`请给出一个文件编号、--to 领用部门和 --holder 领用人\n${copyUsage}\n`);
    return 2;
  }
  const count = values.count === undefined ? 1 : Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    env.err(`--count 应为 1 到 100 的整数，收到 "${values.count}"\n`);
    return 2;
  }

  const set = loadDocumentSet(root);
  const organization = set.organization.data;
  if (!organization) {
    env.err('组织数据 content/org/organization.yaml 缺失或有错误，请先运行 npm run check\n');
    return 1;
  }
  const department = indexDepartments(organization).resolve(values.to);
  if (department?.kind !== 'department') {
    env.err(`领用部门 "${values.to}" 不是 organization.yaml 中的一个部门（部门组不能领用）：请写部门编号、简称或全称\n`);
    return 1;
  }
  const site = values.site ?? organization.copies?.siteUrl;
  if (!site || !/^https?:\/\//.test(site)) {
    env.err(`没有发布网站地址，二维码无处可指：请在 organization.yaml 的 copies.siteUrl 写上网站地址，或用 --site https://…/ 给出${site ? `（收到 "${site}"）` : ''}\n`);
    return site ? 2 : 1;
  }
  if (set.distribution?.yamlProblems.length || set.distribution?.schemaIssues.length || set.distribution?.encodingProblem) {
    env.err(`${distributionPath} 有错误，请先运行 npm run check 修正后再发放\n`);
    return 1;
  }

  // The version to print is the one in force today (in-force-today.ts), as the site and npm run pdf show it.
  const inForce = inForceTodayOf(set, today);
  const doc = inForce.set.documents.find((d) => d.data.number === number);
  if (!doc || !isPrintable(doc)) {
    env.err(`找不到文件 "${number}"，或它不是可打印的受控文件（外来文件不由本校发放）\n`);
    return 1;
  }
  const decision = inForce.decisionOf(doc);
  if (!decision.controlled) {
    env.err(`${number} 在 ${today} 没有在用版本（${decision.label}）：只有在用版本可以发放纸质受控件\n`);
    return 1;
  }

  const existing = set.distribution?.data?.copies ?? [];
  const first = nextCopySequence(existing, number, doc.data.version);
  const holder = values.holder;
  const dept = department.department;
  const entries = Array.from({ length: count }, (_, i) => ({
    copy: copyNumber(number, doc.data.version, first + i),
    number,
    version: doc.data.version,
    department: dept.shortName ?? dept.name,
    holder,
    issued: today,
  }));
  const base = site.endsWith('/') ? site : `${site}/`;
  const outDir = values.out ? resolve(env.cwd, values.out) : join(root, 'dist/copies');
  const staging = `${outDir}.copying-${process.pid}`;
  try {
    const { ctx, flowcharts } = printSetup(root, inForce.set, inForce);
    await addFlowcharts(root, [doc], flowcharts, (line) => env.err(`${line}\n`));
    const furniture = furnitureOf(doc, ctx);
    const renderer = await startRenderer(env.renderer ?? {});
    mkdirSync(staging, { recursive: true });
    const files: string[] = [];
    try {
      for (const entry of entries) {
        const stamp = await copyStamp({ copy: entry.copy, holder, department: dept.name, date: today, verifyUrl: `${base}${verifyPath(entry.copy).slice(1)}`, footer: furniture.footerLeft, commit: furniture.commit });
        const bytes = await renderer.render(documentHtml(doc, ctx, stamp));
        const file = `${slugOf(entry.copy)}.pdf`;
        writeFileSync(join(staging, file), await finishPdf(bytes, { title: `${number} ${doc.data.title}（分发号 ${entry.copy}）`, subject: entry.copy, keywords: ['受控文件', '纸质受控件', entry.copy], created: new Date(`${today}T00:00:00Z`) }));
        files.push(file);
      }
    } finally {
      await renderer.close();
    }
    // Printed: only now the register is written, then the PDFs moved into place.
    appendCopies(registerFile, entries);
    mkdirSync(outDir, { recursive: true });
    for (const file of files) renameSync(join(staging, file), join(outDir, file));
    for (const [i, entry] of entries.entries()) env.out(`${entry.copy}  ${number} ${doc.data.version}  ${dept.name} ${holder}  ${relative(env.cwd, join(outDir, files[i]!))}\n`);
    env.out(`已发放 ${entries.length} 份，登记在 ${distributionPath}；请提交该文件（git commit）。\n`);
    return 0;
  } catch (error) {
    if (error instanceof BrowserNotFoundError) {
      env.err(`${error.message === browserHelp ? browserHelp : `${error.message}\n\n${browserHelp}`}\n`);
      return 1;
    }
    env.err(`打印纸质受控件失败，登记表未改动：${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const registerHeader = `# 受控文件发放回收登记（表单 JMI/JL/13-02 的记录），由 npm run copy 写入。
# 每份纸质受控件一条：分发号、文件编号、版本、领用部门、领用人、领用日期，交回或销毁时加 returned / destroyed。
form: JMI/JL/13-02
copies: []
`;

/** Appends entries to the register, keeping its comments and layout. */
function appendCopies(file: string, entries: Record<string, string>[]): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : registerHeader;
  const yaml = parseDocument(text);
  let copies = yaml.get('copies');
  if (!(copies instanceof YAMLSeq)) {
    copies = new YAMLSeq();
    yaml.set('copies', copies);
  }
  const seq = copies as YAMLSeq;
  seq.flow = false;
  for (const entry of entries) seq.add(yaml.createNode(entry));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, String(yaml));
}

/** Records that a copy came back (returned) or was destroyed. */
function recordBack(file: string, root: string, copy: string, field: 'returned' | 'destroyed', date: string, env: CopyEnv): number {
  if (!existsSync(file)) {
    env.err(`还没有发放登记 ${distributionPath}\n`);
    return 1;
  }
  const yaml = parseDocument(readFileSync(file, 'utf8'));
  if (yaml.errors.length > 0) {
    env.err(`${distributionPath} 不是有效的 YAML，请先运行 npm run check 修正\n`);
    return 1;
  }
  const copies = yaml.get('copies');
  const item = copies instanceof YAMLSeq ? copies.items.find((i): i is YAMLMap => i instanceof YAMLMap && String(i.get('copy')) === copy) : undefined;
  if (!item) {
    env.err(`登记表中没有分发号 "${copy}"\n`);
    return 1;
  }
  const done = item.get('returned') ?? item.get('destroyed');
  if (done) {
    env.err(`分发号 ${copy} 已于 ${String(done)} 登记为${item.get('returned') ? '交回' : '销毁'}\n`);
    return 1;
  }
  const issued = String(item.get('issued') ?? '');
  if (issued && date < issued) {
    env.err(`${field === 'returned' ? '回收' : '销毁'}日期 ${date} 早于领用日期 ${issued}\n`);
    return 1;
  }
  item.set(field, date);
  writeFileSync(file, String(yaml));
  env.out(`${copy} 已登记为${field === 'returned' ? '交回' : '销毁'}（${date}），见 ${relative(root, file) || distributionPath}；请提交该文件。\n`);
  return 0;
}
