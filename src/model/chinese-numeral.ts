/** Chinese numerals (中文数字) as written in 第十二条, 毕业后五年: read and written. */
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
