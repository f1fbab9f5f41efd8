import { describe, expect, it } from 'vitest';
import { coverageOf, parentOf } from '../../src/model/coverage.ts';
import type { ControlledDocument } from '../../src/model/load.ts';
import type { Framework } from '../../src/model/schemas/organization.ts';

const framework: Framework = {
  id: 'iso9001',
  name: 'ISO 9001',
  clauses: ['7', '7.5', '7.5.1', '7.5.3', '8', '8.1', '8.2', '9'].map((id) => ({ id, title: `条款${id}` })),
};
const doc = (status: 'effective' | 'obsolete', clauses: string[]) => ({ data: { status, clauses } }) as unknown as ControlledDocument;

describe('requirement coverage', () => {
  it('finds the parent as the longest clause id that prefixes a clause', () => {
    const ids = new Set(framework.clauses.map((c) => c.id));
    expect(parentOf('7.5.3', ids)).toBe('7.5');
    expect(parentOf('7.5', ids)).toBe('7');
    expect(parentOf('9', ids)).toBeUndefined();
  });

  it('covers children through a mapped parent, a parent through all its children, and ignores obsolete documents', () => {
    const map = coverageOf(framework, [doc('effective', ['iso9001:7.5', 'iso9001:8.1', 'iso9001:8.2']), doc('obsolete', ['iso9001:9']), doc('effective', ['other:9'])]);
    const covered = [...map.values()].filter((e) => e.covered).map((e) => e.id);
    expect(covered).toEqual(['7', '7.5', '7.5.1', '7.5.3', '8', '8.1', '8.2']);
    expect(map.get('9')?.documents).toEqual([]);
    expect(map.get('7.5')?.leaf).toBe(false);
  });
});
