import { defineRule } from '../define-rule.ts';

/** org/invalid-pattern: a numbering pattern in organization.yaml that is not a valid regular expression. */
export default defineRule({
  id: 'org/invalid-pattern',
  severity: 'error',
  description: 'organization.yaml 中的编号规则必须是合法的正则表达式，且其示例符合规则',
  run({ set, organization, report }) {
    if (!organization) return;
    for (const [type, rule] of Object.entries(organization.numbering)) {
      const span = set.organization.places[`numbering.${type}.pattern`]?.value ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      let regex: RegExp;
      try {
        regex = new RegExp(rule.pattern, 'u');
      } catch (error) {
        report(set.organization.path, span, `编号规则 "${rule.pattern}" 不是合法的正则表达式：${(error as Error).message}`);
        continue;
      }
      if (!regex.test(rule.example)) {
        report(set.organization.path, set.organization.places[`numbering.${type}.example`]?.value ?? span, `编号示例 "${rule.example}" 不符合它自己的规则 ${rule.pattern}`);
      }
    }
  },
});
