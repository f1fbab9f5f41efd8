/**
 * Every command by the name `shoukong <命令>` and `npm run <命令>` give it, with a one-line summary:
 * scripts/shoukong.ts dispatches here, scripts/<name>.ts call the same functions.
 */
import { approvalCommand } from './approval-command.ts';
import { auditCommand } from './audit-command.ts';
import { buildCommand } from './build-command.ts';
import { checkCommand } from './check-command.ts';
import { checkRecordsCommand } from './check-records-command.ts';
import { checkWatchCommand } from './check-watch-command.ts';
import { codeQualityCommand } from './code-quality-command.ts';
import type { CommandEnv, CommandResult } from './command.ts';
import { copyCommand } from './copy-command.ts';
import { devCommand } from './dev-command.ts';
import { docxCommand } from './docx-command.ts';
import { hookCommand } from './hook-command.ts';
import { importCommand } from './import-command.ts';
import { newCommandInTerminal } from './new-command.ts';
import { packCommand } from './pack-command.ts';
import { pdfCommand } from './pdf-command.ts';
import { previewCommand } from './preview-command.ts';

/** A command: a collected result, an exit code, or undefined for a server that runs until stopped. */
export type Command = (argv: string[], env: CommandEnv) => CommandResult | number | undefined | Promise<CommandResult | number | undefined>;

/** The commands in the order the usage lists them. */
export const commands: Record<string, { summary: string; run: Command }> = {
  check: { summary: '检查文件体系', run: checkCommand },
  'check-records': { summary: '检查填好的质量记录', run: checkRecordsCommand },
  'check-watch': { summary: '保存即检查（VS Code 任务在后台运行）', run: checkWatchCommand },
  new: { summary: '按模板新建受控文件', run: newCommandInTerminal },
  import: { summary: '把 Word 文件（.docx）导入为草稿', run: importCommand },
  build: { summary: '检查后生成网站、PDF 和 Word 受控副本（dist/）', run: buildCommand },
  dev: { summary: '本机预览网站，保存即更新', run: devCommand },
  preview: { summary: '预览已生成的 dist/', run: previewCommand },
  pdf: { summary: '检查后生成全部 PDF（dist/pdf）', run: pdfCommand },
  'export-docx': { summary: '检查后生成 Word 受控副本（dist/docx）', run: docxCommand },
  audit: { summary: '某日在用版本、受控文件登记表、回收清单', run: auditCommand },
  copy: { summary: '发放或收回纸质受控件', run: copyCommand },
  approval: { summary: '记录合并请求的批准', run: approvalCommand },
  pack: { summary: '生成审批材料（修订对照表）', run: packCommand },
  hook: { summary: '安装或运行提交前检查钩子', run: hookCommand },
  'code-quality': { summary: '把 --format json 的检查结果转成 GitLab Code Quality 报告', run: codeQualityCommand },
};

/** `shoukong <命令> [选项]`: runs the named command, or prints the list with exit code 2. */
export async function shoukongCommand(argv: string[], env: CommandEnv): Promise<CommandResult | number | undefined> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (command) return command.run(rest, env);
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const list = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  env.err(`${name ? `未知的命令 "${name}"\n` : ''}用法：shoukong <命令> [选项]\n命令：\n${list.join('\n')}\n\n各命令的选项：shoukong <命令> --help\n`);
  return 2;
}
