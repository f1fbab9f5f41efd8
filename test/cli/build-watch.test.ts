/**
 * npm run build -- --watch (保存即构建): after a save under content/ the site is built again with the
 * new text, after a commit the history pages show it (and the site it replaced is removed while the
 * watch waits), and a save that breaks the check leaves the site as it was while saying why.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchBuild } from '../../src/cli/build-command.ts';
import { buildSite } from '../../src/site/build/build-site.ts';
import { buildSet, commitAll, fixtureToday } from '../helpers/fixture-set.ts';

/** Waits until `ready` holds, checking every 200 ms, for at most a minute. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 200) {
    if (waited > 60_000) throw new Error(`等待超时：${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('build --watch', { timeout: 240_000 }, () => {
  const root = buildSet();
  commitAll(root, '基线', '2025-05-01T09:00:00+08:00');
  const outDir = join(root, 'dist');
  const log: string[] = [];
  let builds = 0;
  const build = async () => {
    await buildSite({ contentRoot: root, outDir, today: fixtureToday, pdf: false, log: (line) => log.push(line) });
    builds++;
  };
  let stop: (() => void) | undefined;
  afterAll(() => stop?.());
  const page = (path: string) => (existsSync(join(outDir, path, 'index.html')) ? readFileSync(join(outDir, path, 'index.html'), 'utf8') : '');
  const file = join(root, 'content/regulations/jmi-zd-13-01.mdx');

  it('builds again after a save, and again after a commit', async () => {
    await build();
    stop = watchBuild(root, outDir, build, (text) => log.push(text));
    expect(log.at(-1)).toContain('保存即构建：等待 content/ 下的改动或新的提交');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n保存即构建加入的一段。\n`);
    await until(() => page('regulations/jmi-zd-13-01').includes('保存即构建加入的一段。'), '改动后的文件页');
    expect(log).toContain('保存即构建：有改动，重新构建…\n');
    const afterSave = builds;
    commitAll(root, '补充一段说明', '2025-05-20T09:00:00+08:00');
    await until(() => page('history/jmi-zd-13-01').includes('补充一段说明'), '提交后的版本历史页');
    expect(builds).toBeGreaterThan(afterSave);
    // The commit's build swapped a new site in; the one it replaced goes while the watch waits, before any save.
    const afterCommit = builds;
    await until(() => !existsSync(`${outDir}.previous`), '替换下来的网站被删除');
    expect(builds).toBe(afterCommit);
  });

  it('a save that breaks the check: the site stays as it was, and the log says where', async () => {
    const before = page('regulations/jmi-zd-13-01');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n见 [[JMI/ZD/99-99]]。\n`);
    await until(() => log.some((line) => line.includes('构建已停止')), '检查出错的日志');
    expect(log.join('\n')).toMatch(/content\/regulations\/jmi-zd-13-01\.mdx:\d+:\d+/);
    expect(page('regulations/jmi-zd-13-01')).toBe(before);
  });
});
