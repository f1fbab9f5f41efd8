/**
 * The history pages built from a real temporary repository cloned shallow: the incomplete-history
 * notice on the pages and in the build output, overdue reviews highlighted and 待复核 references on
 * the register (the example has neither today).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/site/build/build-site.ts';
import { reviseRegulation, testRepo } from '../history/git-repo.ts';
import { testTempDir } from '../helpers/temp-dir.ts';

let out: string;
let log: string;
const warnings: string[] = [];

beforeAll(async () => {
  const repo = testRepo();
  repo.commit('发布受控文件', '刘明华', '2024-08-25');
  reviseRegulation(repo, 'A/1', '2025-02-20', '2025-03-01', '增加电子文件管理要求', '第二条 电子文件与纸质文件具有同等效力。');
  repo.commit('JMI/ZD/13-01 升版 A/1', '孙晓燕', '2025-03-01');
  const clone = join(testTempDir('shoukong-shallow-'), 'repo');
  execFileSync('git', ['clone', '-q', '--depth', '2', `file://${repo.root}`, clone]);
  out = join(testTempDir('shoukong-site-'), 'dist');
  const lines: string[] = [];
  const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
  process.env.SHOUKONG_TODAY = '2031-01-01';
  try {
    const result = await buildSite({ contentRoot: clone, outDir: out, pdf: false, search: false, today: '2031-01-01', log: (line) => lines.push(line) });
    log = lines.join('\n');
    if (result.exitCode !== 0) throw new Error(`构建失败：\n${log}`);
  } finally {
    delete process.env.SHOUKONG_TODAY;
    warn.mockRestore();
  }
}, 300_000);

afterAll(() => {
  vi.restoreAllMocks();
});

const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

describe('a site built from a shallow clone', () => {
  it('says in the build output that the history is incomplete', () => {
    expect(warnings.filter((w) => w.startsWith('版本历史：'))).toEqual([expect.stringContaining('浅克隆（shallow clone）')]);
  });

  it('says so on the history, audit and register pages, and still shows what it has', () => {
    for (const path of ['history/jmi-zd-13-01', 'audit', 'register']) {
      expect(page(path), path).toMatch(/<div class="history-notice" role="note"><strong>版本历史不完整<\/strong>当前是浅克隆/);
    }
    const history = page('history/jmi-zd-13-01');
    expect(history).toContain('id="v-a-1"');
    expect(history).toContain('id="v-a-0"');
    expect(history).toMatch(/<ins><span class="skip">增加：<\/span>第二条 电子文件与纸质文件具有同等效力。<\/ins>/);
  });

  it('highlights overdue reviews and lists references to review on the register', () => {
    const register = page('register');
    const row = /<tr class="overdue" data-number="JMI\/CX\/13">([^]*?)<\/tr>/.exec(register)?.[1];
    expect(row).toBeDefined();
    expect(row).toContain('⚠ 评审逾期');
    expect(row).toMatch(/待复核：<a href="\/regulations\/jmi-zd-13-01\/">JMI\/ZD\/13-01<\/a> 已换版为 A\/1（2025-02-20 修订，2025-03-01 生效）/);
    expect(register).toMatch(/<strong>\d+<\/strong>份评审逾期/);
    expect(register).not.toMatch(/<li class="bad"><strong>0<\/strong>/);
    const csv = readFileSync(join(out, 'register/register.csv'), 'utf8');
    expect(csv).toMatch(/\r\nJMI\/CX\/13,[^\r]*,是,,JMI\/ZD\/13-01@A\/1,/);
  });
});
