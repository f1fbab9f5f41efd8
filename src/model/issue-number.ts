/**
 * 文号与标准号 in running text: 发文字号 such as 教职成厅〔2015〕2号, and standard numbers such as
 * GB/T 19001-2016 or ISO 9001:2015. Used to find outside documents a body names without registering them.
 */

/** An issue or standard number found in a body. */
export interface IssueNumberUse {
  /** The number as written. */
  text: string;
  /** Offset of its first character in the scanned text. */
  index: number;
}

// A 发文字号: the issuer's short name (Han characters), a year in brackets, a serial and 号. Running
// text before the issuer cannot be told apart by form alone: the issuer part is cut to 6 characters
// and a leading 根据/依据/按照/和… dropped; matching against the register compares the end of the text
// (see sameIssueNumber).
const documentNumber = String.raw`\p{Script=Han}{1,6}[〔［\[【]\d{4}[〕］\]】]\d{1,4}号`;
const leadingWords = /^(?:根据|依据|按照|参照|执行|落实|贯彻|和|及|与|按|据|见|的|、)+/u;
const gbNumber = String.raw`GB(?:/[TZ])?\s?\d{3,6}(?:\.\d+)?(?:[-—－]\d{4})?`;
const isoNumber = String.raw`ISO(?:/IEC)?\s?\d{3,5}(?:-\d+)?(?::\d{4})?`;
const pattern = new RegExp(`${documentNumber}|${gbNumber}|${isoNumber}`, 'gu');

/** Every 文号 or standard number in `text`, in order. */
export function findIssueNumbers(text: string): IssueNumberUse[] {
  return [...text.matchAll(pattern)].map((match) => {
    const lead = /号$/.test(match[0]) ? (leadingWords.exec(match[0])?.[0].length ?? 0) : 0;
    return { text: match[0].slice(lead), index: match.index + lead };
  });
}

/** One spelling for comparison: half-width brackets and dashes, no spaces. */
export function normalizeIssueNumber(text: string): string {
  return text
    .replace(/[［\[【]/g, '〔')
    .replace(/[］\]】]/g, '〕')
    .replace(/[—－]/g, '-')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Whether a number found in text names the registered number: the same number, the found text ending
 * with it (words before the issuer, as in 根据教职成厅〔2015〕2号), or a standard cited without its
 * year (ISO 9001 for ISO 9001:2015, GB/T 19001 for GB/T 19001-2016).
 */
export function sameIssueNumber(found: string, registered: string): boolean {
  const a = normalizeIssueNumber(found);
  const b = normalizeIssueNumber(registered);
  if (a === b || (a.endsWith(b) && /号$/.test(b))) return true;
  const undated = b.replace(/(?::|-)\d{4}$/, '');
  return undated !== b && a === undated;
}
