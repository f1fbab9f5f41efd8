/** docs/rules-examples.md is the real output of the rules on their test cases: a rule or fixture change without regenerating it fails here. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesExamplesPath, rulesExamplesText } from './gen-rules-examples.ts';

describe('docs/rules-examples.md', () => {
  it('is what the rules print on their test cases today (run npm run schema if this fails)', () => {
    expect(readFileSync(rulesExamplesPath, 'utf8')).toBe(rulesExamplesText());
  }, 300_000);
});
