import { defineRule } from '../define-rule.ts';
import { reportSchemaIssues } from './schema-issues.ts';

/** schema/type: a field has the wrong type, format or value. */
export default defineRule({
  id: 'schema/type',
  severity: 'error',
  description: '字段的类型、格式和取值必须符合字段表',
  run: (context) => reportSchemaIssues('type', context),
});
