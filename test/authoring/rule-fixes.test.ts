import { describe, expect, it } from 'vitest';
import { ruleFixes } from '../../src/authoring/rule-fixes.ts';
import { rules } from '../../src/check/rules/index.ts';

describe('the guide’s fixes for rules (docs/rules-examples.md)', () => {
  it('names only rules that exist (a rule without a fix falls back to “按消息中的提示修改”)', () => {
    const ids = rules.map((r) => r.id);
    expect(Object.keys(ruleFixes).filter((id) => !ids.includes(id))).toEqual([]);
  });
});
