/** The order of the whole manual (体系文件汇编): layer by layer, then by number. */
import type { DocumentType } from '../model/document-types.ts';
import { compareNumbers } from '../model/number-order.ts';
import type { PrintableDocument } from './print-context.ts';

/** A part of the book: a bookmark group holding documents of some types, or sub-groups. */
export interface BookSection {
  title: string;
  types: DocumentType[];
  children?: BookSection[];
}

/** 质量手册、程序文件、知识库（流程、标准、制度）、质量记录 */
export const bookSections: BookSection[] = [
  { title: '质量手册', types: ['manual-section'] },
  { title: '程序文件', types: ['procedure'] },
  {
    title: '知识库',
    types: ['flow', 'standard', 'regulation'],
    children: [
      { title: '流程', types: ['flow'] },
      { title: '标准', types: ['standard'] },
      { title: '制度', types: ['regulation'] },
    ],
  },
  { title: '质量记录', types: ['record'] },
];

const typeRank = new Map<DocumentType, number>(bookSections.flatMap((s) => s.types).map((t, i) => [t, i]));

/** Documents in book order, manual sections by their `order`; the caller gives those in force (inForceToday decides). */
export function bookOrder(docs: PrintableDocument[]): PrintableDocument[] {
  return [...docs].sort((a, b) => typeRank.get(a.type!)! - typeRank.get(b.type!)! || (a.data.order ?? 0) - (b.data.order ?? 0) || compareNumbers(a.data.number, b.data.number));
}
