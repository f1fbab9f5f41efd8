import { typeLabels } from '../../model/document-types.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** number/pattern: a number that does not follow its type's numbering rule. */
export default defineRule({
  id: 'number/pattern',
  severity: 'error',
  description: '文件编号必须符合该类型在 organization.yaml 中的编号规则',
  run({ set, organization, report }) {
    if (!organization) return;
    const patterns = new Map(Object.entries(organization.numbering).map(([type, rule]) => [type, { regex: safeRegex(rule.pattern), example: rule.example }]));
    for (const doc of set.documents) {
      const number = doc.data.number;
      if (!number || !doc.type) continue;
      const rule = patterns.get(doc.type);
      if (!rule?.regex || rule.regex.test(number)) continue;
      report(doc.path, placeOf(doc, 'number'), `文件编号 "${number}" 不符合${typeLabels[doc.type]}的编号规则 ${rule.regex.source}，应类似 "${rule.example}"`);
    }
  },
});

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
}
