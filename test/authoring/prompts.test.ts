import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PromptCancelled, terminalPrompter } from '../../src/authoring/prompts.ts';
import { newCommand } from '../../src/cli/new-command.ts';
import { exampleSet } from './helpers.ts';

describe('the terminal prompter', () => {
  it('keeps lines typed or pasted ahead of the questions, in order', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const p = terminalPrompter(input, output);
    input.write('2\n实验室安全管理\n');
    await new Promise((r) => setImmediate(r));
    expect(await p.ask('类型：')).toBe('2');
    expect(await p.ask('名称：')).toBe('实验室安全管理');
    p.close();
  });

  it('rejects with PromptCancelled when the input ends (Ctrl+D), and npm run new then writes nothing', async () => {
    const input = new PassThrough();
    const p = terminalPrompter(input, new PassThrough());
    input.write('3\n');
    input.end();
    const root = exampleSet();
    const r = await newCommand(['--today', '2026-11-22', '--author', '张敏'], { cwd: root, prompter: p });
    expect(r).toEqual({ exitCode: 1, stdout: '', stderr: '\n已取消，没有写入任何文件。\n' });
    await expect(p.ask('再问：')).rejects.toBeInstanceOf(PromptCancelled);
  });
});
