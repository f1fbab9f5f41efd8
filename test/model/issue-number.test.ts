import { describe, expect, it } from 'vitest';
import { findIssueNumbers, sameIssueNumber } from '../../src/model/issue-number.ts';

describe('文号与标准号 in running text', () => {
  it('finds 发文字号 without the words before the issuer, and GB and ISO numbers', () => {
    expect(findIssueNumbers('根据教职成厅〔2015〕2号和苏教高[2016]9号，参照 GB/T 19001-2016 与 ISO 9001:2015 执行。')).toEqual([
      { text: '教职成厅〔2015〕2号', index: 2 },
      { text: '苏教高[2016]9号', index: 15 },
      { text: 'GB/T 19001-2016', index: 30 },
      { text: 'ISO 9001:2015', index: 48 },
    ]);
  });

  it('matches a registered number across bracket styles, and a standard cited without its year', () => {
    expect(sameIssueNumber('苏教高[2016]9号', '苏教高〔2016〕9号')).toBe(true);
    expect(sameIssueNumber('ISO 9001', 'ISO 9001:2015')).toBe(true);
    expect(sameIssueNumber('GB/T 19001', 'GB/T 19001-2016')).toBe(true);
    expect(sameIssueNumber('ISO 9001:2008', 'ISO 9001:2015')).toBe(false);
    expect(sameIssueNumber('教职成〔2015〕9号', '教职成厅〔2015〕9号')).toBe(false);
  });
});
