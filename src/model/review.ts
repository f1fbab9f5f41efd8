/** Periodic review (定期评审): when a document is next due. */
import type { DocumentType } from './document-types.ts';
import type { DocumentFields } from './load.ts';
import type { Organization } from './schemas/organization.ts';

export function reviewCycleOf(data: DocumentFields, type: DocumentType, org: Organization): number {
  return data.reviewCycleMonths ?? org.reviewCycleMonths.byType?.[type] ?? org.reviewCycleMonths.default;
}

/** The date (YYYY-MM-DD) by which the next periodic review is due, counted from the later of the last review and the current version's effective date. */
export function nextReviewDate(data: DocumentFields, type: DocumentType, org: Organization): string | undefined {
  const { lastReviewed, effectiveDate } = data;
  const from = lastReviewed && effectiveDate ? (lastReviewed > effectiveDate ? lastReviewed : effectiveDate) : (lastReviewed ?? effectiveDate);
  if (!from) return undefined;
  return addMonths(from, reviewCycleOf(data, type, org));
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
