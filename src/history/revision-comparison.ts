/**
 * 修订对照表：the old and the new text of a document side by side, article by article (第X条),
 * section by section (4.2.3) and paragraph by paragraph, with the characters deleted and inserted.
 */
import { diffArrays } from 'diff';
import { charDiff, type CharPart } from './diff.ts';

/** One aligned piece of a document's body: a heading, an article with its items, or a paragraph. */
export interface TextUnit {
  /** What aligns it with the other version: 第三条, 4.2, 4.2 第2段. Unique within a version. */
  key: string;
  /** How the row is named: 第三条, 4.2 实施（D）, 4.2 第2段. */
  label: string;
  /** The text as read (markdown marks removed), lines joined by \n. */
  text: string;
}

/** One row of the comparison table. */
export interface ComparisonRow {
  label: string;
  /** The old text with deletions marked; absent for a new article. */
  before?: CharPart[];
  /** The new text with insertions marked; absent for a deleted article. */
  after?: CharPart[];
  /** 修订说明: 修改 / 新增 / 删除, with 原第五条 when the article moved. */
  note: string;
}

const heading = /^(#{1,6})\s+(.*)$/;
const articleStart = /^(第[一二三四五六七八九十百零〇两]+条)/;
const sectionNumber = /^(第[一二三四五六七八九十百零〇两]+[章节]|\d+(?:\.\d+)*)/;
const listItem = /^(?:\d+[.、．]|[-*+]\s|（[一二三四五六七八九十]+）)/;

/** Markdown as a reader sees it: no emphasis stars, no heading hashes, references as their numbers. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_, n: string, shown?: string) => shown ?? n)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^<Note[^>]*>|<\/Note>$/g, '')
    .trim();
}

/** Splits a body into units: headings, articles (with the items that follow them) and paragraphs. */
export function textUnits(body: string): TextUnit[] {
  const units: TextUnit[] = [];
  const seen = new Map<string, number>();
  const push = (key: string, label: string, text: string): TextUnit => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const unit = { key: n > 1 ? `${key}#${n}` : key, label, text };
    units.push(unit);
    return unit;
  };
  let section = '';
  let paragraph = 0;
  let article: TextUnit | undefined;
  let fence = false;
  const blocks: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length) blocks.push(block.join('\n'));
    block = [];
  };
  for (const line of body.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (!fence && line.trim() === '') {
      flush();
      continue;
    }
    // A list item, heading or article starts its own unit even without a blank line before it.
    if (!fence && block.length && (listItem.test(line.trim()) || heading.test(line) || articleStart.test(plainText(line)))) flush();
    block.push(line);
  }
  flush();
  for (const raw of blocks) {
    const h = heading.exec(raw);
    if (h && !raw.includes('\n')) {
      const title = plainText(h[2]!);
      section = sectionNumber.exec(title)?.[1] ?? title;
      paragraph = 0;
      article = undefined;
      push(`h:${section}`, title, title);
      continue;
    }
    const text = plainText(raw);
    const a = articleStart.exec(text);
    if (a) {
      article = push(`a:${a[1]}`, a[1]!, text);
      continue;
    }
    if (article) {
      article.text += `\n${text}`;
      continue;
    }
    paragraph++;
    const label = `${section ? `${section} ` : ''}第${paragraph}${listItem.test(raw.trim()) ? '项' : '段'}`;
    push(`p:${section}:${paragraph}`, label, text);
  }
  return units;
}

/** Text without the article or section number, so a renumbered article still matches its old self. */
function content(unit: TextUnit): string {
  return unit.text.replace(articleStart, '').replace(sectionNumber, '').trim();
}

/** Dice coefficient of character bigrams: cheap enough to call inside the alignment. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (s: string) => {
    const chars = [...s];
    const out = new Map<string, number>();
    for (let i = 0; i < chars.length - 1; i++) out.set(chars[i]! + chars[i + 1]!, (out.get(chars[i]! + chars[i + 1]!) ?? 0) + 1);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let both = 0;
  let total = 0;
  for (const [g, n] of x) both += Math.min(n, y.get(g) ?? 0);
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * both) / total;
}

/**
 * Aligns two versions' units: by content first (an article moved by an insertion before it still
 * pairs with itself), then, among what is left around each change, by the same key (an article
 * rewritten in place). Rows are only the units whose text changed, in the new version's order.
 */
export function compareTexts(beforeBody: string, afterBody: string): ComparisonRow[] {
  const before = textUnits(beforeBody);
  const after = textUnits(afterBody);
  const contents = new Map<TextUnit, string>([...before, ...after].map((u) => [u, content(u)]));
  const alike = (a: TextUnit, b: TextUnit) => a.text === b.text || (a.key === b.key && similarity(contents.get(a)!, contents.get(b)!) >= 0.5) || similarity(contents.get(a)!, contents.get(b)!) >= 0.8;
  const changes = diffArrays(before, after, { comparator: alike });
  const rows: ComparisonRow[] = [];
  let i = 0;
  let j = 0;
  let removed: TextUnit[] = [];
  let added: TextUnit[] = [];
  const settle = () => {
    // Pair what was removed and added at the same place by key, then by resemblance.
    const pairs = new Map<TextUnit, TextUnit>();
    for (const b of added) {
      const a = removed.find((r) => !pairs.has(r) && (r.key === b.key || similarity(contents.get(r)!, contents.get(b)!) >= 0.3));
      if (a) pairs.set(a, b);
    }
    const partnerOf = new Map([...pairs].map(([a, b]) => [b, a]));
    for (const a of removed) if (!pairs.has(a)) rows.push({ label: a.label, before: [{ text: a.text, changed: true }], note: '删除' });
    for (const b of added) {
      const a = partnerOf.get(b);
      rows.push(a ? changedRow(a, b) : { label: b.label, after: [{ text: b.text, changed: true }], note: '新增' });
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (change.removed) removed.push(...before.slice(i, (i += n)));
    else if (change.added) added.push(...after.slice(j, (j += n)));
    else {
      settle();
      for (let k = 0; k < n; k++) {
        const a = before[i + k]!;
        const b = after[j + k]!;
        if (a.text !== b.text && contents.get(a) !== contents.get(b)) rows.push(changedRow(a, b));
      }
      i += n;
      j += n;
    }
  }
  settle();
  return rows;
}

function changedRow(a: TextUnit, b: TextUnit): ComparisonRow {
  const { before, after } = charDiff(a.text, b.text);
  const moved = a.label !== b.label && !a.key.startsWith('p:') ? `（原${a.label}）` : '';
  return { label: b.label, before, after, note: `修改${moved}` };
}
