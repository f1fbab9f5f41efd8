/** `npm run pack -- --base <ref>`: the approval pack (审批材料) as PDF and HTML. */
import { isAnswer, readOptions, writeResult } from './command.ts';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BrowserNotFoundError, browserHelp } from '../browser/find-browser.ts';
import { buildGraph } from '../graph/build-graph.ts';
import { buildApprovalPack, type ApprovalPack } from '../history/approval-pack.ts';
import { buildToday } from '../history/in-force-today.ts';
import type { DocumentSet } from '../model/load.ts';
import { BaseRefError, prepareCheck } from '../check/prepare-check.ts';
import { commitStamp } from '../print/commit-stamp.ts';
import { fontFaceCss, printFonts } from '../print/fonts.ts';
import { packHtml } from '../print/pack-html.ts';
import { startRenderer } from '../print/pdf-renderer.ts';

export const packUsage = `用法：npm run pack -- --base <基线> [--out 审批材料.pdf] [--html 审批材料.html] [--no-pdf]
  --base    与之比较的提交或分支（如 origin/main）：列出其后新增、修订、作废、改编号的每份文件
  --out     PDF 文件（默认 审批材料.pdf）：封面（文件清单、影响范围、审核和批准签字栏）和各文件的修订对照表
  --html    同时写出同样内容的 HTML（供 CI 制品和变更摘要链接）
  --no-pdf  只写 HTML（不需要浏览器）
  --root    文件体系所在目录（默认当前目录）`;

/** Writes beside and renames, so a failed run leaves the previous file as it was. */
function writeAtomic(path: string, bytes: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

export async function packCommand(argv: string[], env: { cwd: string; out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  const read = readOptions(argv, {
    base: { type: 'string' },
    out: { type: 'string' },
    html: { type: 'string' },
    'no-pdf': { type: 'boolean', default: false },
    root: { type: 'string' },
  }, packUsage);
  if (isAnswer(read)) return writeResult(read, env);
  const { values } = read;
  if (!values.base) {
    env.err(`请用 --base 给出比较的基线（如 origin/main）\n${packUsage}\n`);
    return 2;
  }
  const root = resolve(env.cwd, values.root ?? '.');
  let pack: ApprovalPack;
  let set: DocumentSet;
  try {
    // The set and its comparison with the base, as npm run check -- --base reads them.
    const prepared = prepareCheck(root, { base: values.base, history: false, flowcharts: false });
    set = prepared.set;
    pack = buildApprovalPack(root, prepared.changes!, buildGraph(set));
  } catch (error) {
    const reason = error instanceof BaseRefError ? error.reason : (error as Error).message;
    env.err(`读不了基线 ${values.base}：${reason}\n请确认它是本仓库中的提交或分支（CI 中需取完整历史：fetch-depth: 0 / GIT_DEPTH: 0）。\n`);
    return 1;
  }
  const options = { institution: set.organization.data?.institution.name ?? '', commit: commitStamp(root).overall, date: buildToday() };
  const rows = pack.documents.reduce((n, d) => n + d.rows.length, 0);
  if (values.html) {
    writeAtomic(resolve(env.cwd, values.html), packHtml(pack, { ...options, fontCss: '' }));
    env.out(`已写出 ${values.html}\n`);
  }
  if (!values['no-pdf']) {
    const out = resolve(env.cwd, values.out ?? '审批材料.pdf');
    try {
      const renderer = await startRenderer();
      try {
        writeAtomic(out, await renderer.render(packHtml(pack, { ...options, fontCss: fontFaceCss(printFonts()) })));
      } finally {
        await renderer.close();
      }
    } catch (error) {
      if (error instanceof BrowserNotFoundError) {
        env.err(`${browserHelp}\n（可加 --no-pdf 只写 HTML）\n`);
        return 1;
      }
      env.err(`生成 PDF 失败：${(error as Error).stack ?? String(error)}\n`);
      return 1;
    }
    env.out(`已写出 ${values.out ?? '审批材料.pdf'}\n`);
  }
  env.out(`审批材料：${pack.documents.length} 份文件，修订对照表 ${rows} 行（比较基线 ${values.base}）\n`);
  return 0;
}
