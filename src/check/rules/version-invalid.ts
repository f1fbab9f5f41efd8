import { describeScheme, parseVersion } from '../../model/version.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** version/invalid: a version (current or in a revision record) that does not follow the version scheme. */
export default defineRule({
  id: 'version/invalid',
  severity: 'error',
  description: '版本必须符合 organization.yaml 的版本方案（如 A/0、A/1、B/0）',
  run({ set, organization, report }) {
    if (!organization) return;
    const scheme = organization.versionScheme;
    for (const doc of set.documents) {
      const check = (version: string | undefined, path: string) => {
        if (version !== undefined && !parseVersion(scheme, version)) {
          report(doc.path, placeOf(doc, path), `版本 "${version}" 不符合版本方案，应写成 ${describeScheme(scheme)} 这样的形式`);
        }
      };
      check(doc.data.version, 'version');
      doc.data.revisions?.forEach((r, i) => check(r.version, `revisions.${i}.version`));
    }
  },
});
