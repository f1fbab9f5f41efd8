import { describe, expect, it } from 'vitest';
import { addMonths, nextReviewDate } from '../../src/model/review.ts';
import type { Organization } from '../../src/model/schemas/organization.ts';

const org = { reviewCycleMonths: { default: 36, byType: { record: 24 } } } as unknown as Organization;

describe('periodic review', () => {
  it('adds months and keeps the day, clamped to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2022-06-01', 36)).toBe('2025-06-01');
  });

  it('counts from the last review, else from the effective date, with the cycle of the document, its type or the default', () => {
    expect(nextReviewDate({ effectiveDate: '2024-03-01' }, 'procedure', org)).toBe('2027-03-01');
    expect(nextReviewDate({ effectiveDate: '2024-03-01' }, 'record', org)).toBe('2026-03-01');
    expect(nextReviewDate({ effectiveDate: '2020-03-01', lastReviewed: '2024-09-01' }, 'procedure', org)).toBe('2027-09-01');
    expect(nextReviewDate({ effectiveDate: '2024-03-01', reviewCycleMonths: 12 }, 'record', org)).toBe('2025-03-01');
    expect(nextReviewDate({}, 'procedure', org)).toBeUndefined();
  });
});
