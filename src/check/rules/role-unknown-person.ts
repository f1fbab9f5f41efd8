import { closest } from '../../model/did-you-mean.ts';
import { defineRule, placeOf } from '../define-rule.ts';
import { namesIn, peopleByName } from './role-people.ts';

/** role/unknown-person: a preparer, reviewer, approver or reviser who is not in organization.yaml's people. */
export default defineRule({
  id: 'role/unknown-person',
  severity: 'error',
  description: '现行文件的编制人、审核人、批准人和修订人必须是 organization.yaml 的 people 中列出的人员',
  run({ set, organization, report }) {
    const people = peopleByName(organization);
    if (!people) return;
    for (const doc of set.documents) {
      // Checked once a version is issued: a draft's names are provisional (npm run new fills in the Git
      // user), and obsolete documents keep the names of people who may since have left.
      if (doc.data.status !== 'effective') continue;
      for (const { name, path, what } of namesIn(doc)) {
        if (people.byName(name)) continue;
        const suggestion = closest(name, (organization!.people ?? []).map((p) => p.name), 1);
        report(doc.path, placeOf(doc, path), `${what} "${name}" 不在 organization.yaml 的人员名单中${suggestion ? `，是否要写 "${suggestion}"？` : '：请核对姓名，或先在 organization.yaml 的 people 中登记此人及其职务'}`);
      }
    }
  },
});
