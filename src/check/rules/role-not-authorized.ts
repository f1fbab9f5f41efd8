import { typeLabels } from '../../model/document-types.ts';
import { defineRule, placeOf } from '../define-rule.ts';
import { peopleByName, stepFields, stepLabels } from './role-people.ts';

/**
 * role/not-authorized: the person in a sign-off field holds none of the roles organization.yaml allows
 * for that step of that type (JMI/CX/13 §3: 院长 approves the manual and procedures, a 分管校领导 the rest).
 */
export default defineRule({
  id: 'role/not-authorized',
  severity: 'error',
  description: '编制、审核、批准人须具有 organization.yaml 的 signoff 为该类文件规定的职务（如程序文件由院长批准）',
  run({ set, organization, report }) {
    const people = peopleByName(organization);
    if (!people || !organization?.signoff) return;
    for (const doc of set.documents) {
      const rule = doc.type && organization.signoff[doc.type];
      if (!rule || doc.data.status === 'obsolete') continue;
      for (const step of ['prepare', 'review', 'approve'] as const) {
        const allowed = rule[step];
        const name = doc.data[stepFields[step]];
        const person = name ? people.byName(name) : undefined;
        if (!allowed || !person || person.roles.some((r) => allowed.includes(r))) continue;
        const holders = organization.people!.filter((p) => p.roles.some((r) => allowed.includes(r))).map((p) => p.name);
        report(
          doc.path,
          placeOf(doc, stepFields[step]),
          `${typeLabels[doc.type!]}应由${allowed.join('或')}${stepLabels[step]}，"${name}" 的职务是 ${person.roles.join('、')}：请改为${holders.length === 1 ? ` ${holders[0]}` : holders.length ? ` ${holders.slice(0, 6).join('、')}${holders.length > 6 ? ' 等' : ''} 之一` : '具有该职务的人员（先在 organization.yaml 中登记）'}；若此人职务有变，请修改 organization.yaml 的 people`,
        );
      }
    }
  },
});
