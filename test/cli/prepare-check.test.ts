/**
 * One way to prepare a check (issue 14): the commands that check before they write (pdf, export:docx,
 * check-watch) read the same inputs as npm run check and print its very report, not a report of their own.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaseRefError, prepareCheck } from '../../src/check/prepare-check.ts';
import { runCheck } from '../../src/check/run-check.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import { checkOnce, watchMarkers } from '../../src/cli/check-watch-command.ts';
import { docxCommand } from '../../src/cli/docx-command.ts';
import { pdfCommand } from '../../src/cli/pdf-command.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

/** A copy of a small set with check errors (the PDF command's fixture), in a folder of its own. */
function brokenSet(): string {
  const root = testTempDir('shoukong-prepare-check-');
  cpSync(join(import.meta.dirname, '../print/fixtures/small-system/content'), join(root, 'content'), { recursive: true });
  return root;
}

describe('prepareCheck', () => {
  it('gives runCheck the inputs npm run check uses: the same findings', () => {
    const root = brokenSet();
    const prepared = prepareCheck(root, { history: false, today: '2026-01-05' });
    const fromPrepared = runCheck(prepared.set, prepared.options).map((d) => `${d.file}:${d.span.start.line}:${d.span.start.column} ${d.ruleId}`);
    const command = checkCommand(['--no-history', '--today', '2026-01-05', '--format', 'json'], { cwd: root });
    const fromCommand = (JSON.parse(command.stdout) as { file: string; line: number; column: number; ruleId: string }[]).map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    expect(fromPrepared.length).toBeGreaterThan(0);
    expect(fromPrepared).toEqual(fromCommand);
  });

  it('refuses a base that names no commit, in the words npm run check prints', () => {
    const root = brokenSet();
    expect(() => prepareCheck(root, { base: 'no-such-branch', history: false, flowcharts: false })).toThrow(BaseRefError);
    expect(() => prepareCheck(root, { base: 'no-such-branch', history: false, flowcharts: false })).toThrow('找不到 Git 提交 "no-such-branch"');
  });
});

describe('commands that check first', () => {
  it('print npm run check\'s own report when they stop (pdf, export:docx, check-watch)', async () => {
    const root = brokenSet();
    const report = checkCommand(['--no-history'], { cwd: root }).stdout;
    expect(report).toContain('检查了');
    expect(report).toContain('error');

    let pdfErr = '';
    expect(await pdfCommand(['--root', root], { cwd: root, out: () => {}, err: (t) => (pdfErr += t) })).toBe(1);
    // pdf reads Git history as npm run check does; the fixture is no repository, so the reports agree.
    expect(pdfErr).toBe(`${report}检查发现错误，未生成 PDF。请先修正上面的错误（npm run check）。\n`);

    let docxErr = '';
    expect(await docxCommand(['--root', root], { cwd: root, out: () => {}, err: (t) => (docxErr += t) })).toBe(1);
    expect(docxErr).toBe(`${report}检查发现错误，未生成 Word 版。请先修正上面的错误（npm run check）。\n`);

    expect(checkOnce(root)).toBe(`${watchMarkers.begin}\n${report}${watchMarkers.end}\n`);
  }, 60_000);
});
