import { defineRule } from '../define-rule.ts';

/** syntax/yaml: frontmatter or organisation data that is not valid YAML. */
export default defineRule({
  id: 'syntax/yaml',
  severity: 'error',
  description: 'frontmatter 和组织数据必须是合法的 YAML',
  run({ set, report }) {
    for (const doc of set.documents) for (const p of doc.file.yamlProblems) report(doc.path, p.span, p.message);
    for (const file of [set.organization, ...set.frameworks, ...(set.distribution ? [set.distribution] : []), ...(set.approvals ? [set.approvals] : [])]) for (const p of file.yamlProblems) report(file.path, p.span, p.message);
  },
});
