/** Source positions: 1-based line and column, as editors and compilers show them. */

export interface Point {
  line: number;
  column: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** Maps character offsets of one text to line/column points. Built once per file. */
export function lineIndex(text: string): (offset: number) => Point {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

export function spanAt(toPoint: (offset: number) => Point, start: number, end: number): Span {
  return { start: toPoint(start), end: toPoint(Math.max(start, end)) };
}
