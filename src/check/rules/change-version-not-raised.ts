import { defineRule, placeOf } from '../define-rule.ts';

/** change/version-not-raised: content changed against the base but the version stayed the same. */
export default defineRule({
  id: 'change/version-not-raised',
  severity: 'error',
  description: '（合并请求）受控文件内容有改动时必须升版，并加一条对应的修订记录',
  run({ changes, report }) {
    for (const { doc, base, contentChanged } of changes?.pairs ?? []) {
      // A draft's version was never published: editing it, or making it effective, needs no new version.
      if (!contentChanged || base.fields.status === 'draft' || !doc.data.version || doc.data.version !== base.fields.version) continue;
      report(doc.path, placeOf(doc, 'version'), `内容相对 ${changes!.baseRef} 有改动，但版本仍是 "${doc.data.version}"：请升版（小改动升修改状态，如 A/0 → A/1；大改动换版，如 A/3 → B/0），并在 revisions 末尾加一条该版本的修订记录`);
    }
  },
});
