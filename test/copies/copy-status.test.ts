/** What a registered copy is when its document was made obsolete, and the 分发号 helpers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyNumber, copySlug, copyStatuses, nextCopySequence, recallRows } from '../../src/history/copies.ts';
import { inForceToday } from '../../src/history/in-force-today.ts';
import { loadDocumentSet } from '../../src/model/load.ts';
import { baseDir, buildSet, removeSet } from '../helpers/fixture-set.ts';

const regulation = readFileSync(join(baseDir, 'content/regulations/jmi-zd-13-01.mdx'), 'utf8');
const register = `copies:
  - { copy: JMI/ZD/13-01-A0-001, number: JMI/ZD/13-01, version: A/0, department: 教务处, holder: 王芳, issued: 2024-09-02 }
  - { copy: JMI/ZD/13-01-A0-002, number: JMI/ZD/13-01, version: A/0, department: 质管办, holder: 孙晓燕, issued: 2024-09-02, destroyed: 2024-12-01 }
`;
const root = buildSet({
  'content/regulations/jmi-zd-13-01.mdx': regulation.replace('status: effective', 'status: obsolete'),
  'content/copies/distribution.yaml': register,
});
afterAll(() => removeSet(root));

describe('copies of an obsolete document', () => {
  it('are to be recalled as 已作废; with no successor and no history the recall has no due date, so it is never overdue', () => {
    const set = loadDocumentSet(root);
    const unavailable = { available: false, shallow: false, documents: [], byPath: new Map(), byNumber: new Map(), gitProcesses: 0 };
    const statuses = copyStatuses(set.distribution?.data, inForceToday(set, unavailable, '2026-01-05'));
    expect(statuses.map((s) => [s.label, s.recall])).toEqual([
      ['已作废（应收回）', { overdue: false, reason: '文件已作废' }],
      ['已收回（已销毁）', undefined],
    ]);
    expect(recallRows(statuses)).toEqual([['教务处', 'JMI/ZD/13-01-A0-001', 'JMI/ZD/13-01', '文件管理办法', 'A/0', '王芳', '2024-09-02', '已作废（应收回）', '文件已作废', '', '']]);
  });
});

describe('分发号', () => {
  it('is number, version without its separator and a three-digit sequence per version', () => {
    const copies = [{ copy: 'JMI/CX/13-B1-006', number: 'JMI/CX/13', version: 'B/1', department: '质管办', holder: '甲', issued: '2026-01-01' }];
    expect(copyNumber('JMI/CX/13', 'B/1', nextCopySequence(copies, 'JMI/CX/13', 'B/1'))).toBe('JMI/CX/13-B1-007');
    expect(copyNumber('JMI/CX/13', 'C/0', nextCopySequence(copies, 'JMI/CX/13', 'C/0'))).toBe('JMI/CX/13-C0-001');
    expect(copySlug('JMI/CX/13-B1-007')).toBe('jmi-cx-13-b1-007');
  });
});
