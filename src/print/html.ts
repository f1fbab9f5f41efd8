/**
 * Escaping for every output context print pages are written in, one function per context. Print
 * pages are built as strings, so every value from content (titles, names, summaries, the
 * institution) must pass through the function of the context it lands in, or it can end that
 * context: a `</style>` in a title once ended the stylesheet and ran script in the printer.
 */

/** C0 controls other than tab and newlines, DEL and C1 controls: never meaningful in a printed value. */
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML element content (text between tags). Quotes are escaped too, so it is also safe in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(controls, '\ufffd').replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}

/**
 * An HTML attribute value, to be written inside double quotes. Also escapes the backtick and `=`,
 * which old parsers treated as delimiters of unquoted values.
 */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/[`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Characters a CSS string may hold literally: letters, digits, space, harmless ASCII punctuation and non-ASCII text. */
function cssSafe(codePoint: number): boolean {
  if (codePoint >= 0x30 && codePoint <= 0x39) return true; // 0-9
  if ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a) return true; // A-Z a-z
  if (' ,.-_:;!?()[]{}#%+*/|~^$@'.includes(String.fromCodePoint(codePoint))) return codePoint < 0x80;
  // Non-ASCII text (CJK, full-width punctuation …) cannot form `<`, `"` or `\`; line and paragraph separators are escaped.
  return codePoint >= 0xa0 && codePoint !== 0x2028 && codePoint !== 0x2029 && codePoint !== 0xfeff;
}

/**
 * A CSS string literal in double quotes, for `content:` in @page margin boxes inside a `<style>`
 * element. Every character outside a small safe set becomes a CSS hex escape (`<` → `\3c `), so
 * no value can end the string, the rule or the `<style>` element (`</style` cannot appear).
 * Line breaks print as spaces, as a margin box has one line.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(controls, '\ufffd')) {
    const code = char.codePointAt(0)!;
    // The space after a hex escape ends it; CSS swallows that one space.
    out += cssSafe(code) ? char : `\\${code.toString(16)} `;
  }
  return `${out}"`;
}

/** Longest text written into a PDF's metadata field (标题、作者、关键词) or a bookmark. */
export const pdfTextLimit = 1000;

/**
 * A value for the PDF's document information (title, author, subject, keywords) or a bookmark
 * title: one line, no control characters or unpaired surrogates, at most `pdfTextLimit`
 * characters. The writers (pdf-lib, and the hex string in pdf-info.ts) encode it as UTF-16, so it
 * cannot break out of the PDF string; this keeps viewers from showing invisible or garbled text.
 */
export function pdfMetadataText(text: string): string {
  const oneLine = text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(controls, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trim();
  return [...oneLine].slice(0, pdfTextLimit).join('');
}
