import { numeralValue } from '../../model/chinese-numeral.ts';
import { closest } from '../../model/did-you-mean.ts';
import { defaultRetentionForms } from '../../model/schemas/organization.ts';
import { defineRule, placeOf } from '../define-rule.ts';

/** A retention form as a pattern: N stands for a positive whole number (毕业后N年 → 毕业后5年). */
function formPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/N/g, '[1-9]\\d*')}$`);
}

/** record/retention: a record's retention (保存期限) not written in one of the school's allowed forms. */
export default defineRule({
  id: 'record/retention',
  severity: 'error',
  description: '质量记录的保存期限必须是 organization.yaml 中 retention.forms 允许的写法（默认 N年、N个月、长期、永久）',
  run({ set, organization, report }) {
    const forms: readonly string[] = organization?.retention?.forms ?? defaultRetentionForms;
    const patterns = forms.map(formPattern);
    const example = (form: string) => form.replace(/N个月/g, '6个月').replace(/N/g, '3');
    const examples = forms.map(example).join('、');
    for (const doc of set.documents) {
      const retention = doc.data.retention;
      if (retention === undefined || patterns.some((p) => p.test(retention))) continue;
      // 毕业后五年 → 毕业后5年: Chinese numerals are the commonest slip.
      const digits = retention.replace(/[一二三四五六七八九十]+/g, (n) => String(numeralValue(n) ?? n));
      const suggestion = digits !== retention && patterns.some((p) => p.test(digits)) ? digits : closest(retention, forms.map(example), 2);
      report(
        doc.path,
        placeOf(doc, 'retention'),
        `保存期限 "${retention}" 不是允许的写法${suggestion ? `，是否要写 "${suggestion}"？` : '：'}可写 ${examples}（数字可换）。需要别的写法时，在 organization.yaml 的 retention.forms 中加入它（N 代表数字）`,
      );
    }
  },
});
