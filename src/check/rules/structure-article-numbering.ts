import type { NumberedPart } from '../../model/body.ts';
import { chineseNumeral, numeralValue } from '../../model/chinese-numeral.ts';
import { typeLabels } from '../../model/document-types.ts';
import { defineRule, isCurrent } from '../define-rule.ts';

/**
 * structure/article-numbering: 第X章 and 第X条 run 1, 2, 3 … with no gap or repeat (条 through the
 * whole text, 节 within each 章), as GB/T 9704 style regulations are numbered.
 */
export default defineRule({
  id: 'structure/article-numbering',
  severity: 'error',
  description: 'organization.yaml 的 structure.<类型>.articles 为 true 时，“第X章”“第X节”“第X条”须从一起连续编号，不缺号、不重号',
  run({ set, organization, report }) {
    for (const doc of set.documents) {
      if (!doc.type || !organization?.structure?.[doc.type]?.articles || !isCurrent(doc)) continue;
      const expected: Record<NumberedPart['unit'], number> = { 章: 1, 节: 1, 条: 1 };
      for (const part of doc.file.body.numbered) {
        const value = numeralValue(part.numeral);
        const want = expected[part.unit];
        if (value === undefined) {
          report(doc.path, part.span, `“第${part.numeral}${part.unit}”的序号写法不对：应为 第${chineseNumeral(want)}${part.unit}`);
        } else if (value !== want) {
          const what = value < want ? `重号或倒序（前面已有第${chineseNumeral(value)}${part.unit}）` : `缺号（缺第${chineseNumeral(want)}${part.unit}${value - want > 1 ? `至第${chineseNumeral(value - 1)}${part.unit}` : ''}）`;
          report(doc.path, part.span, `${typeLabels[doc.type]}的${part.unit}序号不连续：这里是“第${part.numeral}${part.unit}”，应为“第${chineseNumeral(want)}${part.unit}”，${what}。请重新顺序编号，并核对正文中引用这些${part.unit}号的地方`);
        }
        // Carry on from what is written, so one slip is reported once, not at every later article.
        expected[part.unit] = (value ?? want) + 1;
        if (part.unit === '章') expected['节'] = 1;
      }
    }
  },
});
