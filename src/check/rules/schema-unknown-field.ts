import { defineRule } from '../define-rule.ts';
import { reportSchemaIssues } from './schema-issues.ts';

/** schema/unknown-field: a field the schema does not know, usually a typo. */
export default defineRule({
  id: 'schema/unknown-field',
  severity: 'error',
  description: '不允许字段表以外的字段（常见于拼写错误）',
  run: (context) => reportSchemaIssues('unknown', context),
});
