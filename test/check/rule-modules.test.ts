/** One rule, one module, one stable id: the module's file name is its id with / turned into -. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/check/define-rule.ts';
import { rules } from '../../src/check/rules/index.ts';

const rulesDir = new URL('../../src/check/rules/', import.meta.url);

describe('rule modules', () => {
  it('name each file after the id of the rule it exports, and index.ts lists every one', async () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const found: string[] = [];
    for (const file of files) {
      const module = (await import(new URL(file, rulesDir).href)) as { default?: Rule };
      if (!module.default) continue; // a helper shared by rules, e.g. schema-issues.ts
      expect(`${module.default.id.replace(/\//g, '-')}.ts`).toBe(file);
      found.push(module.default.id);
    }
    expect(found.sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it('give every rule a unique id of the form area/what, a severity and a Chinese description', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
