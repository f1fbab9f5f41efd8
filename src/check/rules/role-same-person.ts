import { defineRule, placeOf } from '../define-rule.ts';
import { stepFields, stepLabels } from './role-people.ts';

/**
 * role/same-person: one person in two sign-off roles of one version, so the check one role makes on the
 * other is lost. The author of the current version's revision counts as its preparer.
 */
export default defineRule({
  id: 'role/same-person',
  severity: 'error',
  description: '同一版本的编制（含当前版本的修订人）、审核、批准须由不同的人担任',
  run({ set, report }) {
    for (const doc of set.documents) {
      if (doc.data.status === 'obsolete') continue;
      const current = doc.data.revisions?.findIndex((r) => r.version === doc.data.version) ?? -1;
      const roles: { name: string; path: string; label: string }[] = [];
      const prepared = doc.data.preparedBy;
      if (prepared) roles.push({ name: prepared, path: stepFields.prepare, label: stepLabels.prepare });
      else if (current >= 0) roles.push({ name: doc.data.revisions![current]!.author, path: `revisions.${current}.author`, label: '修订' });
      for (const step of ['review', 'approve'] as const) {
        const name = doc.data[stepFields[step]];
        if (name) roles.push({ name, path: stepFields[step], label: stepLabels[step] });
      }
      if (prepared && current >= 0 && doc.data.revisions![current]!.author !== prepared) {
        roles.push({ name: doc.data.revisions![current]!.author, path: `revisions.${current}.author`, label: '修订' });
      }
      for (let i = 1; i < roles.length; i++) {
        const later = roles[i]!;
        const earlier = roles.slice(0, i).find((r) => r.name === later.name);
        if (!earlier || (earlier.label === stepLabels.prepare && later.label === '修订')) continue;
        report(doc.path, placeOf(doc, later.path), `"${later.name}" 既是本版本的${earlier.label}人，又是${later.label}人：${later.label}人应由另一人担任，使${earlier.label}受到独立把关${later.label === '修订' || earlier.label === '修订' ? '（当前版本的修订人视同编制人）' : ''}`, {
          file: doc.path,
          span: placeOf(doc, earlier.path),
          message: `${earlier.label}人在这里`,
        });
      }
    }
  },
});
