import { describe, expect, it } from 'vitest';
import { nextChildNumber, nextSubProcedure, nextTopNumber, procedurePart, shapeOf } from '../../src/authoring/numbering.ts';
import type { Organization } from '../../src/model/schemas/organization.ts';

/** Another institution's numbering: QM-CX-001, flows QM-LC-001-01 — no code change needed. */
const other = {
  numbering: {
    'manual-section': { pattern: '^QM-SC-\\d{2}$', example: 'QM-SC-01' },
    procedure: { pattern: '^QM-CX-\\d{3}(\\.\\d{1,2})?$', example: 'QM-CX-002.1' },
    flow: { pattern: '^QM-LC-\\d{3}(\\.\\d{1,2})?-\\d{2}$', example: 'QM-LC-002-01' },
    standard: { pattern: '^QM-BZ-[1-5]-\\d{3}$', example: 'QM-BZ-1-001' },
    regulation: { pattern: '^QM-ZD-\\d{3}(\\.\\d{1,2})?-\\d{2}$', example: 'QM-ZD-002-01' },
    record: { pattern: '^QM-JL-\\d{3}(\\.\\d{1,2})?-\\d{3}$', example: 'QM-JL-002-001' },
  },
} as unknown as Organization;

describe('numbers follow organization.yaml, not code', () => {
  it('reads the shape of an example', () => {
    expect(shapeOf('JMI/LC/13-01')).toEqual({ prefix: 'JMI/LC/', group: '13', separator: '-', width: 2 });
    expect(shapeOf('JMI/SC/07')).toEqual({ prefix: 'JMI/SC/', group: '', separator: '', width: 2 });
    expect(shapeOf('JMI/LC/08-1-01')).toEqual({ prefix: 'JMI/LC/', group: '08-1', separator: '-', width: 2 });
  });

  it('numbers another institution’s documents in its own pattern', () => {
    const used = new Set(['QM-CX-001', 'QM-CX-002', 'QM-CX-002.1', 'QM-JL-002.1-001', 'QM-JL-002.1-002']);
    expect(nextTopNumber(other, 'procedure', used)).toBe('QM-CX-003');
    expect(nextSubProcedure(other, 'QM-CX-002', used)).toBe('QM-CX-002.2');
    expect(nextChildNumber(other, 'record', procedurePart(other, 'QM-CX-002.1'), used)).toBe('QM-JL-002.1-003');
    expect(nextChildNumber(other, 'standard', '4', used)).toBe('QM-BZ-4-001');
  });

  it('says so when the next number would break the pattern (sub-procedure 08-10 in a one-digit scheme)', () => {
    const jmi = { numbering: { procedure: { pattern: '^JMI/CX/\\d{2}(-\\d)?$', example: 'JMI/CX/08-1' } } } as unknown as Organization;
    const used = new Set(Array.from({ length: 9 }, (_, i) => `JMI/CX/08-${i + 1}`));
    expect(() => nextSubProcedure(jmi, 'JMI/CX/08', used)).toThrow('推算出的程序 JMI/CX/08 的分程序编号 "JMI/CX/08-10" 不符合');
  });
});
