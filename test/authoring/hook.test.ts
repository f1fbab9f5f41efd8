import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookMarker, installHook } from '../../src/cli/hook-install-command.ts';
import { newCommand } from '../../src/cli/new-command.ts';
import { preCommitCheck } from '../../src/cli/pre-commit-command.ts';
import { emptySet, today } from './helpers.ts';

function git(root: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** An empty set with one procedure and one record, committed. */
async function repository(): Promise<string> {
  const root = emptySet();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.name', '张敏');
  git(root, 'config', 'user.email', 'zm@example.org');
  await newCommand(['--type', 'procedure', '--title', '文件控制', '--owner', '质管办', '--today', today], { cwd: root });
  await newCommand(['--type', 'record', '--title', '申请表', '--owner', '质管办', '--procedure', 'JMI/CX/01', '--today', today], { cwd: root });
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'start');
  return root;
}

describe('npm run hook:install', () => {
  it('writes an executable pre-commit hook that runs scripts/hook.ts, and replaces only its own', async () => {
    const root = await repository();
    const result = installHook(root);
    expect(result.exitCode, result.stderr).toBe(0);
    const hook = join(root, '.git/hooks/pre-commit');
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    const text = readFileSync(hook, 'utf8');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain(hookMarker);
    expect(text).toContain('exec "$NODE" scripts/hook.ts pre-commit');
    expect(installHook(root).exitCode).toBe(0);
    writeFileSync(hook, '#!/bin/sh\necho mine\n');
    const refused = installHook(root);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('已有别的提交前钩子，没有覆盖');
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(installHook(root, { force: true }).exitCode).toBe(0);
  });
});

describe('the pre-commit check', () => {
  it('passes when nothing under content/ is staged or the staged files are clean', async () => {
    const root = await repository();
    expect(preCommitCheck(root, { today })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const path = join(root, 'content/procedures/jmi-cx-01.mdx');
    writeFileSync(path, readFileSync(path, 'utf8').replace('## 1 目的\n\n待填写：说明本程序要达到的目的。', '## 1 目的\n\n规范文件控制。'));
    git(root, 'add', 'content');
    expect(preCommitCheck(root, { today })).toMatchObject({ exitCode: 0, stdout: '受控文件提交前检查：暂存了 1 个文件，✔ 没有发现问题\n' });
  });

  it('checks the staged state, not the working tree, and blocks on an error with file, line and column', async () => {
    const root = await repository();
    const path = join(root, 'content/records/jmi-jl-01-01.mdx');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('retention: 3年', 'retention: 三年'));
    git(root, 'add', 'content');
    writeFileSync(path, good); // fixed in the working tree only: the index still holds the error
    const result = preCommitCheck(root, { today });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('content/records/jmi-jl-01-01.mdx:17:12  error  保存期限 "三年" 不是允许的写法，是否要写 "3年"？');
    expect(result.stdout).toContain('record/retention');
    expect(result.stderr).toContain('提交已取消');
  });

  it('shows an error the staged change causes in a file that is not staged, but not old errors', async () => {
    const root = await repository();
    const procedure = join(root, 'content/procedures/jmi-cx-01.mdx');
    writeFileSync(procedure, readFileSync(procedure, 'utf8').replace('records: [JMI/JL/01-01]', 'records: []'));
    git(root, 'add', 'content');
    const result = preCommitCheck(root, { today });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/content\/records\/jmi-jl-01-01\.mdx:3:9 +error +质量记录 "JMI\/JL\/01-01" 没有被任何程序或流程使用/);
  });

  it('says a cited document is not staged (未暂存), and how to stage it, when it exists only in the working tree', async () => {
    const root = await repository();
    await newCommand(['--type', 'record', '--title', '登记表', '--owner', '质管办', '--procedure', 'JMI/CX/01', '--today', today], { cwd: root });
    git(root, 'add', 'content/procedures'); // the procedure now lists JMI/JL/01-02; the record itself is not added
    const result = preCommitCheck(root, { today });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/content\/procedures\/jmi-cx-01\.mdx:\d+:\d+ +error +质量记录 "JMI\/JL\/01-02" 未暂存：content\/records\/jmi-jl-01-02\.mdx 在工作区中，但还没有加入这次提交。请运行 git add content\/records\/jmi-jl-01-02\.mdx，再提交 +ref\/unknown-target/);
    expect(result.stdout).not.toContain('不存在');
  });
});
