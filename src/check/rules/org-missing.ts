import { organizationPath } from '../../model/load.ts';
import { defineRule } from '../define-rule.ts';

/** org/missing: there is no organisation data, so departments and numbering cannot be checked. */
export default defineRule({
  id: 'org/missing',
  severity: 'error',
  description: '必须有组织数据 content/org/organization.yaml',
  run({ set, report }) {
    if (set.organization.missing) {
      report(organizationPath, { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, `找不到组织数据 ${organizationPath}：请按编写指南创建它（部门、编号规则、版本方案、评审周期）`);
    }
  },
});
