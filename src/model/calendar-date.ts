/**
 * Calendar dates (日历日期) written YYYY-MM-DD: the one function every command option, frontmatter
 * field and environment variable that takes a date goes through, so that 2025-02-30, 2025-13-45 and
 * 0000-00-00 are refused everywhere instead of being compared as text and giving a plausible answer.
 */

/** Years a controlled document's dates can fall in; anything else is a typing error. */
export const firstYear = 1900;
export const lastYear = 2999;

/** Why `text` is not a calendar date, in words for a message, or undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return '日期应写成 YYYY-MM-DD，如 2025-09-01';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < firstYear || year > lastYear) return `年份应在 ${firstYear}–${lastYear} 之间`;
  if (month < 1 || month > 12) return `没有 ${month} 月`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${year} 年 ${month} 月没有 ${day} 日（这个月有 ${days} 天）`;
  return undefined;
}

/** Whether `text` is a calendar date written YYYY-MM-DD (anything that is not a string is not). */
export function isCalendarDate(text: unknown): text is string {
  return typeof text === 'string' && calendarDateProblem(text) === undefined;
}

/** The message for a command option that is not a calendar date, e.g. `--at 2025-13-45`. */
export function dateOptionError(option: string, text: string): string | undefined {
  const problem = calendarDateProblem(text);
  return problem ? `${option} 的值 "${text}" 不是有效的日期：${problem}` : undefined;
}

/** A moment's calendar date in the machine's (or browser's) time zone, YYYY-MM-DD. */
export function localDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
