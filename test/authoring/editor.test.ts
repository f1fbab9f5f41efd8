import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorSnippets } from '../../src/authoring/snippets.ts';
import { checkOnce, watchMarkers } from '../../src/cli/check-watch-command.ts';
import { exampleSet, projectRoot } from './helpers.ts';

/** VS Code's files are JSON with whole-line // comments. */
function jsonc(path: string): any {
  const text = readFileSync(join(projectRoot, path), 'utf8');
  return JSON.parse(text.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n'));
}

describe('.vscode', () => {
  it('wires the organisation and framework JSON Schemas for the YAML extension, which it recommends', () => {
    const settings = jsonc('.vscode/settings.json');
    expect(settings['yaml.schemas']).toEqual({
      './schema/organization.schema.json': ['content/org/organization.yaml'],
      './schema/framework.schema.json': ['content/org/frameworks/*.yaml'],
    });
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(existsSync(join(projectRoot, schema)), schema).toBe(true);
    expect(jsonc('.vscode/extensions.json').recommendations).toEqual(['redhat.vscode-yaml', 'unifiedjs.vscode-mdx']);
  });

  it('has snippets for every frontmatter field, up to date with schema/frontmatter.schema.json (else: node scripts/gen-snippets.ts)', () => {
    const schema = JSON.parse(readFileSync(join(projectRoot, 'schema/frontmatter.schema.json'), 'utf8'));
    expect(jsonc('.vscode/shoukong.code-snippets')).toEqual(editorSnippets(schema));
    const fields = new Set<string>(schema.oneOf.flatMap((v: { properties: object }) => Object.keys(v.properties)));
    const prefixes = new Set(Object.values(editorSnippets(schema)).map((s) => s.prefix[0]));
    expect([...fields].filter((f) => !prefixes.has(f))).toEqual([]);
    expect(editorSnippets(schema)['字段 retention（保存期限）']).toEqual({
      scope: 'mdx,markdown',
      prefix: ['retention', '保存期限'],
      body: ['retention: ${1}'],
      description: '保存期限，按 organization.yaml 中 retention.forms 的写法，如 3年、6个月、长期、永久、毕业后5年（适用：质量记录）',
    });
  });

  it('the tasks’ problem matcher reads the real check output: file, line, column, severity, message, rule', () => {
    const tasks = jsonc('.vscode/tasks.json').tasks as { label: string; problemMatcher: any }[];
    const watchTask = tasks.find((t) => t.label === '受控：保存即检查')!;
    const matcher = watchTask.problemMatcher;
    expect(new RegExp(matcher.background.beginsPattern).test(watchMarkers.begin)).toBe(true);
    expect(new RegExp(matcher.background.endsPattern).test(watchMarkers.end)).toBe(true);
    expect(tasks.find((t) => t.label === '受控：检查全部文件')!.problemMatcher.pattern).toEqual(matcher.pattern);

    const root = exampleSet();
    const path = join(root, 'content/records/jmi-jl-13-01.mdx');
    const text = readFileSync(path, 'utf8').replace('retention: 长期', 'retention: 很久');
    writeFileSync(path, text);
    const line = text.split('\n').indexOf('retention: 很久') + 1;
    const output = checkOnce(root);
    expect(output.startsWith(`${watchMarkers.begin}\n`)).toBe(true);
    expect(output.endsWith(`${watchMarkers.end}\n`)).toBe(true);
    const pattern = new RegExp(matcher.pattern.regexp);
    const problems = output.split('\n').flatMap((line) => {
      const m = pattern.exec(line);
      return m ? [[m[1], m[2], m[3], m[4], m[6]].join(' ') + ' | ' + m[5]] : [];
    });
    expect(problems).toContain(`content/records/jmi-jl-13-01.mdx ${line} 12 error record/retention | 保存期限 "很久" 不是允许的写法，是否要写 "永久"？可写 3年、6个月、长期、永久、毕业后3年、离校后3年（数字可换）。需要别的写法时，在 organization.yaml 的 retention.forms 中加入它（N 代表数字）`);
    // The procedure's records table still says 长期: the matcher reads that finding, in another file, too.
    expect(problems.filter((p) => !p.startsWith('content/records/'))).toEqual([expect.stringMatching(/^content\/procedures\/jmi-cx-13\.mdx \d+ \d+ error cite\/table-mismatch \| 表格中 JMI\/JL\/13-01 的“保存期限”写的是“长期”/)]);
  });
});
