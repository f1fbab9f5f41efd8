/**
 * A temporary Git repository of the fixture set where, on 2026-12-05, not everything committed is in
 * force yet (issue 24): the regulation JMI/ZD/13-01 was revised to A/1, approved, effective
 * 2027-01-04; the standard JMI/BZ/1-01 was published effective 2027-01-04 and was never in force.
 * The record keeps its forms in every teaching unit (the group 教学单位) and its table declares its
 * own 序号 column.
 */
import { reviseRegulation, testRepo, type TestRepo } from '../history/git-repo.ts';

/** The build date of the scenario. */
export const scenarioToday = '2026-12-05';
/** When the revised regulation and the new standard take effect. */
export const comingDate = '2027-01-04';

export function futureRevisionRepo(): TestRepo {
  const repo = testRepo();
  repo.edit('content/standards/jmi-bz-1-01.mdx', (text) => text.replace(/^effectiveDate: .*$/m, `effectiveDate: ${comingDate}`));
  repo.edit('content/records/jmi-jl-13-01.mdx', (text) =>
    text
      .replace(/^keeper: .*$/m, 'keeper: 教学单位')
      .replace('columns: [{ label: 章条号 }, { label: 修改内容 }]', 'columns: [{ label: 序号 }, { label: 章条号 }, { label: 修改内容 }]'),
  );
  repo.commit('发布受控文件', '刘明华', '2024-08-25');
  reviseRegulation(repo, 'A/1', '2026-11-20', comingDate, '增加电子文件管理要求', '第二条 电子文件与纸质文件具有同等效力。');
  repo.commit('JMI/ZD/13-01 升版 A/1，2027-01-04 起施行', '孙晓燕', '2026-11-25');
  return repo;
}
