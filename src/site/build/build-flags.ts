/** Switches the build script passes to the pages through the environment. */

/** True when the build produces PDFs and Word copies (SHOUKONG_PDF=1), so document pages may link to them. */
export function pdfLinksEnabled(): boolean {
  return process.env.SHOUKONG_PDF === '1';
}
