/**
 * Hostile content through `npm run check`, as CI runs it on a pull request: every case gets a finding
 * in the usual `file:line:column` form, nothing crashes, nothing behind a symbolic link is read, and
 * no file from outside the repository shows up in the output.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureToday, removeSet } from '../helpers/fixture-set.ts';
import { hostileSet, type HostileSet } from './hostile-set.ts';

const script = fileURLToPath(new URL('../../scripts/check.ts', import.meta.url));
let set: HostileSet;
let pretty: { status: number | null; stdout: string; stderr: string };
let json: { file: string; line: number; column: number; severity: string; ruleId: string; message: string }[];

const check = (...args: string[]) => {
  const run = spawnSync(process.execPath, [script, '--root', set.root, '--today', fixtureToday, '--no-history', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

beforeAll(() => {
  set = hostileSet();
  pretty = check('--no-cache');
  const second = check('--format', 'json');
  json = JSON.parse(second.stdout) as typeof json;
});
afterAll(() => {
  removeSet(set.root);
  removeSet(set.outside);
});

describe('npm run check on a pull request full of hostile content', () => {
  it('ends with exit code 1 and the error count, with nothing on stderr and no stack trace', () => {
    expect(pretty.stderr).toBe('');
    expect(pretty.status).toBe(1);
    expect(pretty.stdout).toMatch(/✖ \d+ 个错误/);
    expect(pretty.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(pretty.stdout).not.toContain('RangeError');
    expect(json.filter((d) => d.ruleId.startsWith('internal/'))).toEqual([]);
  });

  it('gives every case its finding at the place of the problem', () => {
    const lines = new Set(pretty.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l)).map((l) => l.replace(/ {2}error {2}.* {2}(\S+)$/, ' $1')));
    const missing = set.findings.filter((f) => !lines.has(`${f.file}:${f.line}:${f.column} ${f.ruleId}`));
    expect(missing).toEqual([]);
    const inJson = new Set(json.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`));
    expect(set.findings.filter((f) => !inJson.has(`${f.file}:${f.line}:${f.column} ${f.ruleId}`))).toEqual([]);
  });

  it('reads nothing behind a symbolic link: one finding per link, the loop included, and no document from outside', () => {
    expect(json.filter((d) => d.ruleId === 'syntax/symlink').map((d) => d.file)).toEqual(['content/loop', 'content/outside', 'content/regulations/jmi-zd-13-91.mdx']);
    expect(json.filter((d) => d.file.startsWith('content/loop/') || d.file.startsWith('content/outside/'))).toEqual([]);
    expect(json.filter((d) => d.ruleId === 'syntax/symlink').every((d) => d.severity === 'error' && d.message.includes('请把它换成真正的文件或文件夹'))).toBe(true);
  });

  it('shows no line of a file outside the repository, in either format', () => {
    expect(pretty.stdout).not.toContain(set.marker);
    expect(JSON.stringify(json)).not.toContain(set.marker);
  });

  it('reports a syntax error once, without references written in code', () => {
    expect(json.filter((d) => d.file === 'content/regulations/jmi-zd-13-29.mdx').map((d) => d.ruleId)).not.toContain('ref/unknown-target');
  });

  it('names each problem in Chinese with how to fix it', () => {
    for (const d of json.filter((f) => ['mdx/unsafe-url', 'mdx/image-outside-content', 'syntax/too-deep', 'syntax/too-large', 'syntax/symlink'].includes(f.ruleId))) {
      expect(d.message, `${d.file}:${d.line}:${d.column}`).toMatch(/请/);
    }
  });
});
