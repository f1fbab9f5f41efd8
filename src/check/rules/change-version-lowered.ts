import { compareVersions } from '../../model/version.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** change/version-lowered: the version went down against the base. */
export default defineRule({
  id: 'change/version-lowered',
  severity: 'error',
  description: '（合并请求）版本不得降低',
  run({ changes, organization, report }) {
    if (!organization) return;
    for (const { doc, base } of changes?.pairs ?? []) {
      const now = doc.data.version;
      const before = base.fields.version;
      if (!now || !before) continue;
      const order = compareVersions(organization.versionScheme, now, before);
      if (order === undefined || order >= 0) continue;
      report(doc.path, placeOf(doc, 'version'), `版本从 "${before}" 降为 "${now}"：版本只能升高。要撤销改动请在新版本中恢复内容，并写修订记录`);
    }
  },
});
