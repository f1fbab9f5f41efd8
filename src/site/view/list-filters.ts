/** The choices offered by a list page's filters, taken from the rows it shows. */
import type { ControlState } from '../../history/in-force-today.ts';
import type { DeptLink, ListRow } from './site-model.ts';

/** The filter's names for the states (a pending row's own label carries its date). */
const stateLabels: Record<ControlState, string> = { 'in-force': '现行', pending: '已批准，待生效', draft: '草稿', obsolete: '作废' };

export interface FilterOptions {
  departments: DeptLink[];
  statuses: { value: ControlState; label: string }[];
  levels: string[];
}

/** Departments that lead at least one row, the statuses present, and the levels (or types) present. */
export function filterOptions(rows: readonly ListRow[]): FilterOptions {
  const departments = new Map<string, DeptLink>();
  for (const r of rows) for (const o of r.owners) if (o.id) departments.set(o.id, o);
  const statuses = [...new Set(rows.map((r) => r.controlState))].map((value) => ({ value, label: stateLabels[value] }));
  const types = new Set(rows.map((r) => r.typeLabel));
  const levels = [...new Set(rows.flatMap((r) => [...(types.size > 1 ? [r.typeLabel] : []), ...(r.level ? [r.level] : [])]))];
  return { departments: [...departments.values()], statuses, levels };
}
