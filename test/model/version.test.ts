import { describe, expect, it } from 'vitest';
import { compareVersions, describeScheme, firstVersion, parseVersion } from '../../src/model/version.ts';

const letters = { style: 'letter-number', separator: '/' } as const;
const numbers = { style: 'number-number', separator: '.' } as const;

describe('version schemes', () => {
  it('orders A/0 < A/1 < A/10 < B/0 (modification numbers compare as numbers)', () => {
    const sorted = ['B/0', 'A/10', 'A/0', 'A/1'].sort((a, b) => compareVersions(letters, a, b)!);
    expect(sorted).toEqual(['A/0', 'A/1', 'A/10', 'B/0']);
  });

  it('orders 1.0 < 1.1 < 2.0 in the number-number scheme', () => {
    expect(compareVersions(numbers, '1.1', '2.0')).toBeLessThan(0);
    expect(compareVersions(numbers, '2.0', '1.9')).toBeGreaterThan(0);
    expect(compareVersions(numbers, '1.0', '1.0')).toBe(0);
  });

  it('rejects what the scheme does not allow', () => {
    for (const bad of ['a/0', 'A', 'A/', 'AB/1', 'A/x', 'A.0', '1/0', 'A/0/1']) expect(parseVersion(letters, bad), bad).toBeUndefined();
    expect(parseVersion(numbers, 'A.0')).toBeUndefined();
    expect(compareVersions(letters, 'A/0', 'V1.0')).toBeUndefined();
  });

  it('describes the scheme and its first version for messages', () => {
    expect(describeScheme(letters)).toBe('A/0、A/1、B/0');
    expect(describeScheme(numbers)).toBe('1.0、1.1、2.0');
    expect(firstVersion(letters)).toBe('A/0');
    expect(firstVersion(numbers)).toBe('1.0');
  });
});
