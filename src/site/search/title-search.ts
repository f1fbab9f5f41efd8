/**
 * Number and title search (编号与名称检索): exact matches on what readers usually type, shown above
 * Pagefind's full-text results. Pure function, shared by the search page script and the tests.
 */

/** One current document in /search-titles.json (short keys keep the file small). */
export interface TitleEntry {
  /** 编号 */
  n: string;
  /** 文件名称 */
  t: string;
  /** 页面地址 */
  h: string;
  /** 类型 */
  k: string;
}

/** Entries whose number or title contains the query, best first: exact number, number prefix, exact title, title start, title contains. */
export function rankTitles(entries: readonly TitleEntry[], query: string, limit = 8): TitleEntry[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const scored: { entry: TitleEntry; score: number }[] = [];
  for (const entry of entries) {
    const number = entry.n.toLowerCase();
    const title = entry.t.toLowerCase();
    let score = 0;
    if (number === q) score = 500;
    else if (number.startsWith(q)) score = 400;
    else if (title === q) score = 300;
    else if (title.startsWith(q)) score = 200;
    else if (title.includes(q) || number.includes(q)) score = 100;
    if (score > 0) scored.push({ entry, score });
  }
  const byNumber = (a: TitleEntry, b: TitleEntry) => a.n.localeCompare(b.n, 'zh-CN', { numeric: true });
  // Among number matches the numbering order reads best; among title matches the closest (shortest) title.
  return scored
    .sort((a, b) => b.score - a.score || (a.score >= 400 ? 0 : a.entry.t.length - b.entry.t.length) || byNumber(a.entry, b.entry))
    .slice(0, limit)
    .map((s) => s.entry);
}
