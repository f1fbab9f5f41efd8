#!/usr/bin/env node
/**
 * npm run schema runs node test/docs/gen-rules-examples.ts, which writes docs/rules-examples.md — for every rule, the real message the check prints on
 * one of its test cases (test/fixtures/<rule-id>/<case>/) and how to fix it. Run again after rules or fixtures change.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../src/check/rules/index.ts';
import { formatPretty } from '../../src/diagnostics/format-pretty.ts';
import { readSourceFile } from '../../src/model/load.ts';
import { ruleFixes } from '../../src/authoring/rule-fixes.ts';
import { buildCaseSet, checkSet, fixturesDir, removeSet } from '../helpers/fixture-set.ts';

/** Where the guide is written, from the project root. */
export const rulesExamplesPath = 'docs/rules-examples.md';

// It lives beside the tests because it runs the rules' test cases (test/fixtures), whose harness is a test helper.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(`${rulesExamplesPath}.tmp`, rulesExamplesText());
  renameSync(`${rulesExamplesPath}.tmp`, rulesExamplesPath);
  process.stdout.write(`✔ 已生成 ${rulesExamplesPath}（${rules.length} 条规则）\n`);
}

/** The text of docs/rules-examples.md: every rule's real message on its test case, and how to fix it. */
export function rulesExamplesText(): string {
  const out: string[] = [
    '# 检查规则：示例消息与改法',
    '',
    '> 本文件由 `npm run schema`（test/docs/gen-rules-examples.ts）生成：每条规则的消息都是检查在它的测试用例（取报出该规则最多的一个）（`test/fixtures/<规则>/<用例>/`）上真实输出的原文。规则一览见 [rules.md](rules.md)。',
    '',
    '每条消息的格式是 `文件:行:列  级别  说明  规则编号`，下面两行是出问题的原文和指向位置的 `^^^`。错误（error）必须改正，合并请求才能通过；警告（warning）提示需要处理的事。',
    '',
  ];
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const rule of sorted) {
    out.push(`## \`${rule.id}\``, '', `${rule.severity === 'error' ? '错误' : '警告'}。${rule.description}。`, '');
    const example = firstFinding(rule.id);
    if (example) {
      out.push('```', example.text.trimEnd(), '```', '', `<sub>用例：test/fixtures/${rule.id.replace('/', '-')}/${example.caseName}/</sub>`, '');
    } else {
      out.push('（这条规则没有会触发它的测试用例。）', '');
    }
    out.push(`**改法**：${ruleFixes[rule.id] ?? '按消息中的提示修改。'}`, '');
  }
  return out.join('\n');
}

/** The findings of this rule on its test case with the most of them (the first such case by name), printed as the check prints them. */
function firstFinding(ruleId: string): { caseName: string; text: string } | undefined {
  const dir = join(fixturesDir, ruleId.replace('/', '-'));
  if (!existsSync(dir)) return undefined;
  let best: { caseName: string; text: string; count: number } | undefined;
  for (const caseName of readdirSync(dir).sort()) {
    const expected = join(dir, caseName, 'expected.txt');
    if (!existsSync(expected) || !readFileSync(expected, 'utf8').includes(ruleId)) continue;
    const { root, git } = buildCaseSet(join(dir, caseName));
    try {
      const findings = checkSet(root, git).filter((d) => d.ruleId === ruleId);
      if (findings.length <= (best?.count ?? 0)) continue;
      const readSource = (file: string) => readSourceFile(root, file);
      // At most two findings; a binary file's source line holds control bytes: show them as � so the guide stays text.
      const text = formatPretty(findings.slice(0, 2), { readSource, color: false }).replace(/[\u0000-\u0008\u000b-\u001f]/g, '\ufffd');
      best = { caseName, text, count: findings.length };
    } finally {
      removeSet(root);
    }
  }
  return best && { caseName: best.caseName, text: best.text };
}
