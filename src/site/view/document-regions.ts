/**
 * The two parts of a document page that its body alone decides: the body itself and the table of
 * contents (目录) made from its second-level headings. The page writes them through these functions,
 * between comment markers, so that a build whose only change is in bodies can put the new parts into
 * the previous build's page (build/incremental.ts) and get the bytes the page itself would write.
 */

/** A heading of a rendered body, as the content store keeps it. */
export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

export type RegionName = 'body' | 'toc';

const open = (name: RegionName) => `<!--shoukong:${name}-->`;
const close = (name: RegionName) => `<!--/shoukong:${name}-->`;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The body region: the rendered body (links under the base, flowcharts filled in) between markers. */
export function bodyRegion(html: string): string {
  return `${open('body')}${html}${close('body')}`;
}

/** The table of contents, shown when the body has more than two second-level headings; the markers always. */
export function tocRegion(headings: readonly BodyHeading[]): string {
  const chapters = headings.filter((h) => h.depth === 2);
  const toc =
    chapters.length > 2
      ? `<section class="toc" aria-labelledby="toc-title" data-pagefind-ignore><h2 id="toc-title">目录</h2><ol>${chapters.map((h) => `<li><a href="#${escapeAttribute(h.slug)}">${escapeText(h.text)}</a></li>`).join('')}</ol></section>`
      : '';
  return `${open('toc')}${toc}${close('toc')}`;
}

/** `page` with its region `name` replaced by `region` (made by bodyRegion or tocRegion); undefined when the page does not have the region exactly once. */
export function replaceRegion(page: string, name: RegionName, region: string): string | undefined {
  const start = page.indexOf(open(name));
  const end = page.indexOf(close(name), start);
  if (start < 0 || end < 0 || page.indexOf(open(name), start + 1) >= 0) return undefined;
  return page.slice(0, start) + region + page.slice(end + close(name).length);
}
