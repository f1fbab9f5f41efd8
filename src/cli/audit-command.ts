/** `shoukong audit`: what was in force on a date, and the register of controlled documents, from Git history. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildGraph } from '../graph/build-graph.ts';
import { inForceCells, inForceColumns, inForceCsv, inForceJson } from '../history/in-force-export.ts';
import { readRepositoryHistory } from '../history/document-history.ts';
import { inForceAt } from '../history/point-in-time.ts';
import { buildToday, inForceToday } from '../history/in-force-today.ts';
import { buildRegister, registerCsv } from '../history/register.ts';
import { copyStatuses, recallColumns, recallCsv, recallRows } from '../history/copies.ts';
import { dateOptionError } from '../model/calendar-date.ts';
import { loadDocumentSet } from '../model/load.ts';
import { displayWidth } from '../diagnostics/display-width.ts';
import { isAnswer, readOptions, type CommandResult } from './command.ts';
import { fieldLabel } from '../model/field-labels.ts';

export const auditUsage = `用法：npm run audit -- --at YYYY-MM-DD [--csv 文件] [--json 文件]
       npm run audit -- --register [--csv 文件] [--today YYYY-MM-DD]
       npm run audit -- --recall [--csv 文件] [--today YYYY-MM-DD]
  --at        列出该日期每份受控文件的在用版本（依据 Git 历史与生效日期）
  --register  受控文件登记表：当前版本、生效日期、最近变更、批准人与批准证据、下次评审、逾期、替代文件、待复核引用
  --recall    回收清单：换版或作废后仍在外的旧版纸质受控件，按领用部门列出，标出逾期未收回的
  --csv       同时导出为 CSV（Excel 可直接打开）
  --json      同时导出为 JSON（仅 --at）
  --root      文件体系所在目录（默认当前目录）`;

export function auditCommand(argv: string[], env: { cwd: string }): CommandResult {
  const read = readOptions(argv, {
    at: { type: 'string' },
    register: { type: 'boolean', default: false },
    recall: { type: 'boolean', default: false },
    csv: { type: 'string' },
    json: { type: 'string' },
    root: { type: 'string' },
    today: { type: 'string' },
  }, auditUsage);
  if (isAnswer(read)) return read;
  const { values } = read;
  if ([values.at, values.register, values.recall].filter(Boolean).length !== 1) return { exitCode: 2, stdout: '', stderr: `请给出 --at 日期、--register 或 --recall 之一\n${auditUsage}\n` };
  for (const [name, value] of [['--at', values.at], ['--today', values.today]] as const) {
    const bad = value === undefined ? undefined : dateOptionError(name, value);
    if (bad) return { exitCode: 2, stdout: '', stderr: `${bad}\n` };
  }
  const root = values.root ? resolve(env.cwd, values.root) : env.cwd;
  const history = readRepositoryHistory(root);
  const notes = history.notice ? `注意：${history.notice}\n` : '';
  if (!history.available && values.at) return { exitCode: 1, stdout: '', stderr: notes };

  if (values.at) {
    const rows = inForceAt(history, values.at);
    const header = inForceColumns;
    const table = rows.map(inForceCells);
    if (values.csv) writeFileSync(resolve(env.cwd, values.csv), inForceCsv(rows));
    if (values.json) writeFileSync(resolve(env.cwd, values.json), inForceJson(history, values.at, rows));
    const counts = rows.reduce((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {} as Record<string, number>);
    return {
      exitCode: 0,
      stdout: `${notes}${values.at} 在用的受控文件（现行 ${counts['in-force'] ?? 0}，已作废 ${counts.obsolete ?? 0}，尚未生效 ${counts['not-yet'] ?? 0}）\n\n${textTable(header.slice(0, 9), table.map((r) => r.slice(0, 9)))}\n`,
      stderr: '',
    };
  }

  const set = loadDocumentSet(root);
  const organization = set.organization.data;
  if (!organization) return { exitCode: 1, stdout: '', stderr: '组织数据 content/org/organization.yaml 缺失或有错误，请先运行 npm run check\n' };
  const today = values.today ?? buildToday();
  // What is in force today, as the site and the PDFs show it: a revision not yet effective is listed as coming.
  const inForce = inForceToday(set, history, today);
  if (values.recall) {
    const statuses = copyStatuses(set.distribution?.data, inForce, { ...(organization.copies ? { recallWorkingDays: organization.copies.recallWorkingDays } : {}), history });
    if (values.csv) writeFileSync(resolve(env.cwd, values.csv), recallCsv(statuses));
    const rows = recallRows(statuses);
    const overdue = rows.filter((r) => r[10]).length;
    const out = statuses.filter((s) => s.state !== 'returned' && s.state !== 'destroyed').length;
    return { exitCode: 0, stdout: `${notes}回收清单（${today}；登记 ${statuses.length} 份，在外 ${out} 份，应收回 ${rows.length} 份，逾期 ${overdue} 份）\n\n${rows.length ? textTable(recallColumns, rows) : '没有需要收回的纸质受控件。'}\n`, stderr: '' };
  }
  const rows = buildRegister(inForce.set, buildGraph(inForce.set), organization, history, today, inForce.decisionOf);
  if (values.csv) writeFileSync(resolve(env.cwd, values.csv), registerCsv(rows));
  const header = [...['number', 'title', 'version', 'status', 'effectiveDate', 'approvedBy'].map((f) => fieldLabel(f)), '批准证据', '最近变更', '下次评审', '备注'];
  const table = rows.map((r) => [
    r.number,
    r.title,
    r.version,
    r.status,
    r.effectiveDate ?? '',
    r.approvedBy ?? '',
    r.evidence ?? '',
    r.lastChange ? `${r.lastChange.date.slice(0, 10)} ${r.lastChange.author}` : '',
    r.nextReview ? `${r.nextReview}${r.overdue ? ' 逾期' : ''}` : '',
    [r.coming ? `新版本 ${r.coming.version} ${r.coming.label}` : '', r.successor ? `由 ${r.successor} 代替` : '', r.toReview.length ? `待复核：${r.toReview.map((t) => `${t.number}@${t.version}`).join(' ')}` : ''].filter(Boolean).join('；'),
  ]);
  const overdue = rows.filter((r) => r.overdue).length;
  const suspect = rows.filter((r) => r.toReview.length).length;
  return { exitCode: 0, stdout: `${notes}受控文件登记表（${rows.length} 份；评审逾期 ${overdue}；待复核 ${suspect}）\n\n${textTable(header, table)}\n`, stderr: '' };
}

/** A plain text table aligned for terminals with CJK text. */
function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.min(40, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? '')))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, widths[i]! - displayWidth(c))))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
