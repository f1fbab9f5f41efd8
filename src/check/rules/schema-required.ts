import { defineRule } from '../define-rule.ts';
import { reportSchemaIssues } from './schema-issues.ts';

/** schema/required: a required field is missing. */
export default defineRule({
  id: 'schema/required',
  severity: 'error',
  description: '必填字段不能缺少',
  run: (context) => reportSchemaIssues('required', context),
});
