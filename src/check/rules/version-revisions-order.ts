import { compareVersions } from '../../model/version.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** version/revisions-order: revision records must go from old to new, none above the current version. */
export default defineRule({
  id: 'version/revisions-order',
  severity: 'error',
  description: '修订记录必须按版本和日期从旧到新排列，且不得高于当前版本',
  run({ set, organization, report }) {
    if (!organization) return;
    const scheme = organization.versionScheme;
    for (const doc of set.documents) {
      const revisions = doc.data.revisions ?? [];
      revisions.forEach((revision, i) => {
        const current = doc.data.version;
        if (current && (compareVersions(scheme, revision.version, current) ?? 0) > 0) {
          report(doc.path, placeOf(doc, `revisions.${i}.version`), `修订记录中的版本 "${revision.version}" 高于当前版本 "${current}"：请把 version 改为最新版本，或改正这条记录`);
        }
        if (i === 0) return;
        const previous = revisions[i - 1]!;
        const order = compareVersions(scheme, previous.version, revision.version);
        if (order !== undefined && order >= 0) {
          report(doc.path, placeOf(doc, `revisions.${i}.version`), `修订记录顺序不对：版本 "${revision.version}" 排在 "${previous.version}" 之后，应从旧到新排列且版本逐条升高`, {
            file: doc.path,
            span: placeOf(doc, `revisions.${i - 1}.version`),
            message: '前一条记录在这里',
          });
        } else if (revision.date < previous.date) {
          report(doc.path, placeOf(doc, `revisions.${i}.date`), `修订日期 ${revision.date} 早于前一条记录的 ${previous.date}：修订记录应按日期从旧到新排列`, {
            file: doc.path,
            span: placeOf(doc, `revisions.${i - 1}.date`),
            message: '前一条记录的日期在这里',
          });
        }
      });
    }
  },
});
