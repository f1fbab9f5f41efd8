/**
 * Every rule's fixtures (test/fixtures/<rule-id with / → ->/<sentence>/): the findings of the whole
 * set must equal the case's expected.txt line for line (file, line, column, severity, rule, message).
 * Run with UPDATE_FIXTURES=1 to rewrite expected.txt files after a deliberate change, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/check/rules/index.ts';
import { buildCaseSet, checkSet, findingLine, fixturesDir, lines, removeSet, baseDir, buildSet } from '../helpers/fixture-set.ts';

const folderOf = (id: string) => id.replace(/\//g, '-');
const roots: string[] = [];
afterAll(() => roots.forEach(removeSet));

/** The other rules a case declares it cannot avoid firing (others.txt: `rule/id  why`, a line each). */
function inherentOthers(caseDir: string): string[] {
  const file = join(caseDir, 'others.txt');
  return existsSync(file) ? lines(readFileSync(file, 'utf8')).map((l) => l.split(/\s+/)[0]!).sort() : [];
}

function casesOf(ruleFolder: string): string[] {
  const dir = join(fixturesDir, ruleFolder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
}

describe('the minimal valid base set', () => {
  it('has zero findings', () => {
    expect(existsSync(join(baseDir, 'content/org/organization.yaml'))).toBe(true);
    const root = buildSet();
    roots.push(root);
    expect(checkSet(root).map(findingLine)).toEqual([]);
  });
});

describe('fixture folders', () => {
  it('each belong to a rule (a renamed rule leaves no orphaned fixtures)', () => {
    const folders = readdirSync(fixturesDir).filter((name) => name !== 'base' && statSync(join(fixturesDir, name)).isDirectory());
    expect(folders.filter((name) => !rules.some((r) => folderOf(r.id) === name))).toEqual([]);
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    const cases = casesOf(folderOf(rule.id));
    const expectations = cases.map((name) => {
      const file = join(fixturesDir, folderOf(rule.id), name, 'expected.txt');
      return { name, file, expected: existsSync(file) ? lines(readFileSync(file, 'utf8')) : [] };
    });

    it('has a case that fires it and a case that does not', () => {
      const fires = expectations.filter((c) => c.expected.some((l) => l.split(/\s{2}/)[2] === rule.id));
      expect(fires.length, `no fixture under test/fixtures/${folderOf(rule.id)}/ makes ${rule.id} fire`).toBeGreaterThan(0);
      expect(expectations.length - fires.length, `no fixture under test/fixtures/${folderOf(rule.id)}/ where ${rule.id} stays silent`).toBeGreaterThan(0);
    });

    for (const { name, file, expected } of expectations) {
      it(name, () => {
        const caseDir = join(fixturesDir, folderOf(rule.id), name);
        const { root, git } = buildCaseSet(caseDir);
        roots.push(root);
        const findings = checkSet(root, git);
        const actual = findings.map(findingLine);
        if (process.env.UPDATE_FIXTURES) writeFileSync(file, actual.length ? `${actual.join('\n')}\n` : '# 没有发现问题\n');
        else expect(actual).toEqual(expected);
        // A case shows its own rule: another rule's finding is there only when the case cannot be built without it, and others.txt says why.
        const others = [...new Set(findings.map((d) => d.ruleId).filter((id) => id !== rule.id))].sort();
        expect(others, `test/fixtures/${folderOf(rule.id)}/${name}/ reports other rules' findings not declared in its others.txt`).toEqual(inherentOthers(caseDir));
      });
    }
  });
}
