import { closest } from '../../model/did-you-mean.ts';
import { resemblingGroup } from '../../model/organization.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** org/unknown-department: a department that organization.yaml does not list. */
export default defineRule({
  id: 'org/unknown-department',
  severity: 'error',
  description: '牵头部门、协作部门、保管部门和人员名单中的部门必须是 organization.yaml 中的部门或部门组',
  run({ set, departments, report }) {
    if (!departments) return;
    const names = departments.names();
    const groupNames = departments.groups().map((g) => g.name).join('、');
    // The people list names each person's department too (organization.yaml people.N.department).
    set.organization.data?.people?.forEach((person, i) => {
      if (departments.resolve(person.department)) return;
      const suggestion = closest(person.department, names, 1);
      const place = set.organization.places[`people.${i}.department`]?.value ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      report(set.organization.path, place, `人员 ${person.name} 的部门 "${person.department}" 不是 organization.yaml 中的部门${suggestion ? `，是否要写 "${suggestion}"？` : '：请写 departments 中的部门编号、简称或全称'}`);
    });
    for (const doc of set.documents) {
      const refs: [string, string][] = [];
      doc.data.owners?.forEach((d, i) => refs.push([d, `owners.${i}`]));
      if (Array.isArray(doc.data.cooperating)) doc.data.cooperating.forEach((d, i) => refs.push([d, `cooperating.${i}`]));
      if (doc.data.keeper) refs.push([doc.data.keeper, 'keeper']);
      for (const [ref, path] of refs) {
        if (departments.resolve(ref)) continue;
        const suggestion = closest(ref, names, 1);
        const group = suggestion ? undefined : resemblingGroup(ref, departments);
        const members = group ? `${group.members.slice(0, 2).map((m) => m.shortName).join('、')}${group.members.length > 2 ? ` 等 ${group.members.length} 个部门` : ''}` : '';
        report(
          doc.path,
          placeOf(doc, path),
          suggestion
            ? `未知部门 "${ref}"，是否要写 "${suggestion}"？`
            : group
              ? `未知部门 "${ref}"：要指一组部门时写部门组的名称。organization.yaml 的 groups 中有部门组 "${group.name}"（包括 ${members}），是否要写 "${group.name}"？`
              : `未知部门 "${ref}"：请写 organization.yaml 中的部门编号、简称或全称${groupNames ? `，或部门组（${groupNames}）` : ''}，或先在那里添加该部门`,
        );
      }
    }
  },
});
