import type { NumberedPart } from '../../model/body.ts';
import { typeLabels } from '../../model/document-types.ts';
import { defineRule, isCurrent } from '../define-rule.ts';

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零五 → 105, 12 → 12; undefined when the numeral is malformed. */
export function numeralValue(numeral: string): number | undefined {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  let total = 0;
  let current: number | undefined;
  for (const char of numeral) {
    if (char in digits) {
      if (current !== undefined && current !== 0) return undefined; // two digits in a row: 一二
      current = digits[char]!;
    } else if (char in units) {
      total += (current ?? 1) * units[char]!;
      current = undefined;
    } else return undefined;
  }
  return total + (current ?? 0);
}

/** 12 → 十二, 105 → 一百零五: how the expected number is written in messages. */
export function chineseNumeral(value: number): string {
  const names = '零一二三四五六七八九';
  if (value < 10) return names[value]!;
  const parts: string[] = [];
  let zero = false;
  for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
    const digit = Math.floor(value / size) % 10;
    if (digit === 0) {
      zero = parts.length > 0;
      continue;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(digit === 1 && unit === '十' && parts.length === 0 ? '' : names[digit]!, unit);
  }
  return parts.join('');
}

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
