/** Adds a reference to a numbered section of a procedure's body (5 支持性文件, 6 质量记录, 7 相关流程), when the section is a plain list. */

/** The body section of a procedure that lists each kind of child document. */
export const sectionOfList = { regulations: '支持性文件', records: '质量记录', flows: '相关流程' } as const;

/**
 * Appends `line` to the section titled `title` when it holds only “无。” or a numbered list; otherwise leaves the
 * text alone (e.g. a table of records) and reports that the author should add it by hand.
 */
export function addToBodySection(fileText: string, title: string, entry: string): { text: string; changed: boolean } {
  const newline = fileText.includes('\r\n') ? '\r\n' : '\n';
  const lines = fileText.split(/\r?\n/);
  const heading = lines.findIndex((l) => new RegExp(`^##\\s+(\\d+\\s+)?${title}\\s*$`).test(l));
  if (heading === -1) return { text: fileText, changed: false };
  let end = heading + 1;
  while (end < lines.length && !/^#{1,2}\s/.test(lines[end]!)) end++;
  const content = lines.slice(heading + 1, end).map((l, i) => ({ l, i: heading + 1 + i })).filter((x) => x.l.trim() !== '');
  if (content.length === 1 && content[0]!.l.trim() === '无。') {
    lines[content[0]!.i] = `1. ${entry}`;
  } else if (content.length > 0 && content.every((x) => /^\d+\.\s/.test(x.l))) {
    const last = content.at(-1)!;
    if (content.some((x) => x.l.includes(entry))) return { text: fileText, changed: false };
    lines.splice(last.i + 1, 0, `${content.length + 1}. ${entry}`);
  } else {
    return { text: fileText, changed: false };
  }
  return { text: lines.join(newline), changed: true };
}
