import { describe, expect, it } from 'vitest';
import { rankTitles, type TitleEntry } from '../../src/site/search/title-search.ts';

const entries: TitleEntry[] = [
  { n: 'JMI/CX/13', t: '文件与资料控制', h: '/procedures/jmi-cx-13/', k: '程序文件' },
  { n: 'JMI/JL/13-01', t: '文件编制（修订）申请表', h: '/records/jmi-jl-13-01/', k: '质量记录' },
  { n: 'JMI/CX/04', t: '人才培养方案制定', h: '/procedures/jmi-cx-04/', k: '程序文件' },
  { n: 'JMI/BZ/2-04', t: '航海技术专业人才培养方案', h: '/standards/jmi-bz-2-04/', k: '标准' },
  { n: 'JMI/LC/04-01', t: '人才培养方案变更流程', h: '/flows/jmi-lc-04-01/', k: '流程' },
];

describe('rankTitles', () => {
  it('puts the exact number first, then numbers that start with it', () => {
    expect(rankTitles(entries, ' jmi/cx/13 ').map((e) => e.n)).toEqual(['JMI/CX/13']);
    expect(rankTitles(entries, 'JMI/CX').map((e) => e.n)).toEqual(['JMI/CX/04', 'JMI/CX/13']);
  });

  it('prefers titles that start with the words, then the shorter title', () => {
    expect(rankTitles(entries, '人才培养方案').map((e) => e.n)).toEqual(['JMI/CX/04', 'JMI/LC/04-01', 'JMI/BZ/2-04']);
  });

  it('finds nothing for an empty query or a word no title has', () => {
    expect(rankTitles(entries, '  ')).toEqual([]);
    expect(rankTitles(entries, '作废')).toEqual([]);
  });
});
