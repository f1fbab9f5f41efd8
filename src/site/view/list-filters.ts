/** The choices offered by a list page's filters, taken from the rows it shows. */
import { controlStateLabels, type ControlState } from '../../history/in-force-today.ts';
import type { DeptLink } from './links.ts';
import type { ListRow } from './document.ts';


export interface FilterOptions {
  departments: DeptLink[];
  statuses: { value: ControlState; label: string }[];
  levels: string[];
}

/** Departments that lead at least one row, the statuses present, and the levels (or types) present. */
export function filterOptions(rows: readonly ListRow[]): FilterOptions {
  const departments = new Map<string, DeptLink>();
  for (const r of rows) for (const o of r.owners) if (o.id) departments.set(o.id, o);
  const statuses = [...new Set(rows.map((r) => r.controlState))].map((value) => ({ value, label: controlStateLabels[value] }));
  const types = new Set(rows.map((r) => r.typeLabel));
  const levels = [...new Set(rows.flatMap((r) => [...(types.size > 1 ? [r.typeLabel] : []), ...(r.level ? [r.level] : [])]))];
  return { departments: [...departments.values()], statuses, levels };
}
