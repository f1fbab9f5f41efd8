/** The example document system in content/ is a correct set: the check finds no errors in it. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { findingLine } from '../helpers/fixture-set.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the example content', () => {
  it('loads every layer and has no errors', () => {
    const set = loadDocumentSet(root);
    expect(new Set(set.documents.map((d) => d.type))).toEqual(new Set(['manual-section', 'procedure', 'flow', 'standard', 'regulation', 'record', 'external']));
    const errors = runCheck(set).filter((d) => d.severity === 'error');
    expect(errors.map(findingLine)).toEqual([]);
  });
});
