/**
 * 打印页面的封锁：what a print page may load. Print pages are built from content that arrives in
 * pull requests and are printed on the build machine, which holds the repository and its tokens,
 * so a page must not be able to run script, reach the network or read a file. Four locks, each
 * enough on its own for what it covers:
 * - the page is served from a made-up https origin, never from file://, so the browser itself
 *   refuses file:// URLs in it;
 * - JavaScript is off in the print browser (pdf-renderer.ts);
 * - a Content-Security-Policy allows inline styles, the embedded fonts and data: images only;
 * - every request is intercepted, and only the page itself and the font files are answered.
 */

/** Origin the print pages are served from; `.invalid` can never resolve to a real host. */
export const printOrigin = 'https://print.shoukong.invalid';

/** URL of the empty page each tab opens first; documents then replace its content. */
export const printHostUrl = `${printOrigin}/print.html`;

/** Path under the origin the font files are served at. */
const fontPath = '/fonts/';

/** URL a font file is served at: its file name under /fonts/ (the names are unique across both packages). */
export function fontUrl(fileName: string): string {
  return `${printOrigin}${fontPath}${encodeURIComponent(fileName)}`;
}

/**
 * The policy of every print page: nothing by default; styles only inline; fonts only from the
 * print origin; images only as data: URLs (local images are embedded, see print-images.ts); no
 * base URL, forms or frames.
 */
export const printCsp = `default-src 'none'; style-src 'unsafe-inline'; font-src ${printOrigin}${fontPath}; img-src data:; base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'; script-src 'none'`;

/** The CSP as the first element of a page's head, before anything taken from content. */
export const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${printCsp}">`;

/** The empty host page, with the same policy. */
export const hostHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${cspMeta}<title>print</title></head><body></body></html>`;
