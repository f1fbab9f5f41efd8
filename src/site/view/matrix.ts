/** Helpers for the relation matrices (对照矩阵). */
import { compareNumbers } from '../../model/number-order.ts';
import type { DocLink, MatrixCell } from './site-model.ts';

/** The distinct documents linked from any row, ordered by number: the matrix's columns. */
export function matrixColumns(cells: readonly MatrixCell[]): DocLink[] {
  const seen = new Map<string, DocLink>();
  for (const cell of cells) for (const link of cell.links) seen.set(link.number, link);
  return [...seen.values()].sort((a, b) => compareNumbers(a.number, b.number));
}
