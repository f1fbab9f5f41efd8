#!/usr/bin/env node
/** The shoukong command line: `shoukong check|check-records|audit|import [options]`. */
import { auditCommand, auditUsage } from '../src/cli/audit-command.ts';
import { checkCommand, checkUsage } from '../src/cli/check-command.ts';
import { checkRecordsCommand, checkRecordsUsage } from '../src/cli/check-records-command.ts';
import { importCommand, importUsage } from '../src/cli/import-command.ts';

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, typeof checkCommand> = { check: checkCommand, 'check-records': checkRecordsCommand, audit: auditCommand };
const run = command ? commands[command] : undefined;
if (command === 'import') {
  // Asynchronous (it reads Word files), with its own writers.
  process.exitCode = await importCommand(rest, { cwd: process.cwd(), out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
} else if (!run) {
  process.stderr.write(`用法：shoukong <命令> [选项]\n命令：\n  check          检查文件体系\n  check-records  检查填好的质量记录\n  audit          某日在用版本与受控文件登记表\n  import         把 Word 文件（.docx）导入为草稿\n\n${checkUsage}\n\n${checkRecordsUsage}\n\n${auditUsage}\n\n${importUsage}\n`);
  process.exitCode = 2;
} else {
  const result = run(rest, { cwd: process.cwd(), color: process.stdout.isTTY && !process.env.NO_COLOR });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
