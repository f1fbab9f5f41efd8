/** The point-in-time answer as CSV and JSON: one shape for `npm run audit -- --at` and the site's exports. */
import { typeLabels, type DocumentType } from '../model/document-types.ts';
import { toCsv } from './csv.ts';
import type { RepositoryHistory } from './document-history.ts';
import { inForceStateLabels, sourceLabels, type InForceRow } from './point-in-time.ts';
import { fieldLabel } from '../model/field-labels.ts';

export const inForceColumns = [...['number', 'title', 'type', 'status'].map((f) => fieldLabel(f)), '在用版本', fieldLabel('effectiveDate'), fieldLabel('approvedBy'), '依据', '提交', '作废日期', '替代文件'];

/** One row's cells, in the order of `inForceColumns`. */
export function inForceCells(r: InForceRow): string[] {
  return [
    r.number,
    r.title,
    r.type && r.type in typeLabels ? typeLabels[r.type as DocumentType] : (r.type ?? ''),
    inForceStateLabels[r.state],
    r.version ?? '',
    r.effectiveDate ?? '',
    r.approvedBy ?? '',
    sourceLabels[r.source],
    r.commit?.slice(0, 7) ?? '',
    r.obsoleteSince ?? '',
    r.successor ?? '',
  ];
}

export function inForceCsv(rows: readonly InForceRow[]): string {
  return toCsv(inForceColumns, rows.map(inForceCells));
}

export function inForceJson(history: RepositoryHistory, date: string, rows: readonly InForceRow[]): string {
  return `${JSON.stringify({ date, head: history.head, shallow: history.shallow, documents: rows }, null, 2)}\n`;
}
