/** The history page shows each version's evidence of approval: the merge request approval or the meeting decision. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepositoryHistory } from '../../src/history/document-history.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { historyPageView } from '../../src/site/history/history-view.ts';
import { buildSet, commitAll } from '../helpers/fixture-set.ts';

describe('history page evidence', () => {
  it('shows the approval record of one version and the meeting decision of the next', () => {
    const root = buildSet({
      'content/org/approvals.yaml': "records:\n  - {number: JMI/ZD/13-01, version: A/0, approver: 周志远, identity: zhouzy, platform: gitlab, pr: 42, time: '2024-08-26T10:18:44+08:00', commit: e4d9c0d0d255}\n",
    });
    commitAll(root, '首次发布', '2024-08-26T12:00:00+08:00');
    const path = join(root, 'content/regulations/jmi-zd-13-01.mdx');
    const text = readFileSync(path, 'utf8')
      .replace('version: A/0', 'version: A/1')
      .replace('effectiveDate: 2024-09-01', 'effectiveDate: 2026-09-01')
      .replace('approvedBy: 周志远\n', 'approvedBy: 周志远\ndecision: { version: A/1, meeting: 校长办公会, session: 12, date: 2026-08-20, minutes: 纪要〔2026〕12号 }\n')
      .replace('    author: 刘明华\n', '    author: 刘明华\n  - { version: A/1, date: 2026-08-15, summary: 修订, author: 刘明华 }\n');
    writeFileSync(path, text);
    commitAll(root, '修订', '2026-08-21T12:00:00+08:00');
    const history = readRepositoryHistory(root);
    const set = loadDocumentSet(root);
    const view = historyPageView(history.byPath.get('content/regulations/jmi-zd-13-01.mdx')!, 'regulation', undefined, set.approvals?.data?.records);
    expect(view.versions.map((v) => [v.version, v.evidence])).toEqual([
      ['A/1', '2026 年第 12 次校长办公会审议通过 · 纪要〔2026〕12号'],
      ['A/0', '合并请求 !42 批准 2024-08-26（周志远）'],
    ]);
  });
});
