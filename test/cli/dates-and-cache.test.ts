/**
 * Impossible dates are refused by every command that takes one, with one Chinese line and exit 2;
 * `new` writes nothing its own check rejects; `check` runs without a cache it cannot create.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newCommand } from '../../src/cli/new-command.ts';
import { auditCommand } from '../../src/cli/audit-command.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import { calendarDateProblem } from '../../src/model/calendar-date.ts';
import { emptySet } from '../authoring/helpers.ts';
import { buildSet, fixtureToday, removeSet } from '../helpers/fixture-set.ts';

const roots: string[] = [];
afterAll(() => roots.forEach(removeSet));
const set = () => {
  const root = buildSet();
  roots.push(root);
  return root;
};

describe('calendar dates', () => {
  it.each([
    ['2025-13-45', '没有 13 月'],
    ['2025-02-30', '2025 年 2 月没有 30 日（这个月有 28 天）'],
    ['2024-02-30', '2024 年 2 月没有 30 日（这个月有 29 天）'],
    ['0000-00-00', '年份应在 1900–2999 之间'],
    ['2025-04-31', '2025 年 4 月没有 31 日（这个月有 30 天）'],
    ['2025-00-10', '没有 0 月'],
    ['2025/01/15', '日期应写成 YYYY-MM-DD，如 2025-09-01'],
  ])('refuses %s', (text, problem) => expect(calendarDateProblem(text)).toBe(problem));

  it.each(['2024-02-29', '2025-12-31', '1900-01-01'])('accepts %s', (text) => expect(calendarDateProblem(text)).toBeUndefined());

  it('audit --at 2025-13-45 fails with one line and prints no table', () => {
    const result = auditCommand(['--at', '2025-13-45'], { cwd: set() });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([2, '', '--at 的值 "2025-13-45" 不是有效的日期：没有 13 月\n']);
  });

  it('check --today 2025-02-30 fails with one line', () => {
    const result = checkCommand(['--today', '2025-02-30', '--no-cache'], { cwd: set() });
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([2, '', '--today 的值 "2025-02-30" 不是有效的日期：2025 年 2 月没有 30 日（这个月有 28 天）\n']);
  });

  it('new --today 0000-00-00 fails and writes nothing', async () => {
    const root = emptySet();
    const result = await newCommand(['--type', 'procedure', '--title', '实验室安全管理', '--owner', '后勤处', '--author', '张敏', '--today', '0000-00-00'], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('--today 的值 "0000-00-00" 不是有效的日期：年份应在 1900–2999 之间');
    expect(readdirSync(join(root, 'content'))).toEqual(['org']);
  });

  it('new refuses, before writing, a file its own check would reject', async () => {
    const root = emptySet();
    const result = await newCommand(['--type', 'procedure', '--title', '长'.repeat(25_000), '--owner', '后勤处', '--author', '张敏', '--today', fixtureToday], { cwd: root });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('✖ 新文件没有通过检查，没有写入任何文件');
    expect(result.stderr).toContain('syntax/too-large');
    expect(existsSync(join(root, 'content/procedures'))).toBe(false);
  });

  it('build --today 2025-02-30 and SHOUKONG_TODAY=2025-13-45 stop before building, with one line', () => {
    const script = fileURLToPath(new URL('../../scripts/build.ts', import.meta.url));
    const root = set();
    const out = join(root, 'dist');
    const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [script, '--root', root, '--out', out, '--no-pdf', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    const option = run(['--today', '2025-02-30']);
    expect([option.status, option.stderr]).toEqual([2, '--today 的值 "2025-02-30" 不是有效的日期：2025 年 2 月没有 30 日（这个月有 28 天）\n']);
    const variable = run([], { SHOUKONG_TODAY: '2025-13-45' });
    expect([variable.status, variable.stderr]).toEqual([2, 'SHOUKONG_TODAY 的值 "2025-13-45" 不是有效的日期：没有 13 月\n']);
    expect(existsSync(out)).toBe(false);
  });

  it('a frontmatter date that does not exist is a schema/type finding at the value', () => {
    const root = set();
    const path = join(root, 'content/regulations/jmi-zd-13-01.mdx');
    writeFileSync(path, `---\ntype: regulation\nnumber: JMI/ZD/13-01\ntitle: 文件管理办法\nversion: A/0\nstatus: draft\nowners: [质管办]\neffectiveDate: 2025-02-30\nrevisions:\n  - { version: A/0, date: 2024-08-20, summary: 首次发布, author: 刘明华 }\n---\n\n正文\n`);
    const result = checkCommand(['--today', fixtureToday, '--no-cache', '--format', 'json'], { cwd: root });
    const findings = (JSON.parse(result.stdout) as { file: string; line: number; column: number; ruleId: string; message: string }[]).filter((d) => d.file.endsWith('jmi-zd-13-01.mdx'));
    expect(findings.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toContain(
      '8:16 schema/type 字段 "effectiveDate" 的值 "2025-02-30" 无效：不是有效的日历日期：2025 年 2 月没有 30 日（这个月有 28 天）',
    );
  });
});

describe('check without a writable cache folder', () => {
  it('runs without the cache and says so once, when .cache cannot be created', () => {
    const root = set();
    writeFileSync(join(root, '.cache'), 'not a folder');
    const result = checkCommand(['--today', fixtureToday], { cwd: root });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('没有发现问题');
    expect(result.stderr).toMatch(/^注意：无法写入缓存文件夹 \.cache\/shoukong（E[A-Z]+），本次不使用缓存，检查结果不受影响\n$/);
  });

  it.skipIf(process.getuid?.() === 0)('runs without the cache in a read-only checkout (EACCES)', () => {
    const root = set();
    mkdirSync(join(root, '.cache'));
    chmodSync(join(root, '.cache'), 0o555);
    try {
      const result = checkCommand(['--today', fixtureToday], { cwd: root });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('注意：无法写入缓存文件夹 .cache/shoukong（EACCES），本次不使用缓存，检查结果不受影响\n');
    } finally {
      chmodSync(join(root, '.cache'), 0o755);
    }
  });
});
