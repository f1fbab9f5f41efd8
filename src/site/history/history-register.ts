/** The counts at the top of the register page (登记表概况). */
import type { RegisterRow } from '../../history/register.ts';
import { statusLabels } from '../../model/document-types.ts';

/** How many documents, current, obsolete, overdue for review and with references to review. */
export function registerSummary(rows: readonly RegisterRow[]): { total: number; current: number; obsolete: number; overdue: number; toReview: number } {
  return {
    total: rows.length,
    current: rows.filter((r) => r.status === statusLabels.effective).length,
    obsolete: rows.filter((r) => r.status === statusLabels.obsolete).length,
    overdue: rows.filter((r) => r.overdue).length,
    toReview: rows.filter((r) => r.toReview.length > 0).length,
  };
}
