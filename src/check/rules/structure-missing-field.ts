import { typeLabels } from '../../model/document-types.ts';
import { fieldNamed } from '../../model/field-labels.ts';
import { defineRule } from '../define-rule.ts';

/**
 * structure/missing-field: a field organization.yaml requires of the type (e.g. the 12-field overview of
 * a flow) is absent or empty. Fields the schema itself requires are schema/required's.
 */
export default defineRule({
  id: 'structure/missing-field',
  severity: 'error',
  description: '现行文件的文件头必须填写 organization.yaml 的 structure.<类型>.fields 规定的字段（如流程业务概述的工作准则、输入资源、输出资源、考核点），且不为空',
  run({ set, organization, report }) {
    for (const doc of set.documents) {
      const required = doc.type && organization?.structure?.[doc.type]?.fields;
      // A draft is filled in as it is written (npm run new leaves the overview open); an issued one must be complete.
      if (!required || doc.data.status !== 'effective' || doc.file.yamlProblems.length > 0) continue;
      const data = doc.data as Record<string, unknown>;
      const raw = (doc.file.data ?? {}) as Record<string, unknown>;
      const missing = required.filter((field) => {
        if (doc.schemaIssues.some((issue) => issue.path === field || issue.path.startsWith(`${field}.`))) return false;
        const value = field in data ? data[field] : raw[field];
        return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
      });
      if (missing.length === 0) continue;
      report(
        doc.path,
        doc.file.frontmatterSpan,
        `${typeLabels[doc.type!]}缺少 ${missing.map((f) => fieldNamed(f, doc.type)).join('、')}：organization.yaml 规定${typeLabels[doc.type!]}须填写这些字段，请在文件头补上`,
      );
    }
  },
});
