/** The site's history data: read once, and no borrowed history for a content root inside another repository. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historySite } from '../../src/site/history/history-site.ts';
import { testRepo } from '../history/git-repo.ts';

describe('history data of the site', () => {
  it('reads a repository whose top is the content root, once', () => {
    const repo = testRepo();
    repo.commit('发布受控文件', '刘明华', '2024-08-25');
    const site = historySite(repo.root);
    expect(site.history.available).toBe(true);
    expect([...site.pages.keys()].sort()).toContain('JMI/CX/13');
    expect(site.pages.get('JMI/CX/13')!.lastChange).toMatchObject({ author: '刘明华', date: '2024-08-25' });
    expect(historySite(repo.root)).toBe(site);
  });

  it('gives no history to a content root inside another repository, and says why', () => {
    const repo = testRepo();
    repo.commit('发布受控文件', '刘明华', '2024-08-25');
    // Same paths under a subfolder: the log's paths (relative to the top) must not be taken for these files.
    const inner = join(repo.root, 'generated');
    cpSync(join(repo.root, 'content'), join(inner, 'content'), { recursive: true });
    const site = historySite(inner);
    expect(site.history.available).toBe(false);
    expect(site.history.notice).toContain('不是 Git 仓库的根目录');
    expect(site.pages.size).toBe(0);
    expect(site.register.find((r) => r.number === 'JMI/CX/13')?.lastChange).toBeUndefined();
  });
});
