/** Helpers shared by the structure rules: a body's chapters (second-level headings) by name. */
import type { ControlledDocument } from '../../model/load.ts';

/** The chapters of a body: its second-level headings (## ), in order. */
export function chaptersOf(doc: ControlledDocument): { text: string; span: ControlledDocument['file']['body']['headings'][number]['span'] }[] {
  return doc.file.body.headings.filter((h) => h.depth === 2);
}

/** A chapter's name without its number: “4 工作程序”, “四、工作程序”, “第四章 工作程序” → 工作程序. */
export function chapterName(text: string): string {
  return text
    .trim()
    .replace(/^第[零〇一二两三四五六七八九十百千\d]+[章节部分]\s*/, '')
    .replace(/^[零〇一二两三四五六七八九十百千\d]+(\.\d+)*\s*[、.．]?\s*/, '')
    .trim();
}
