/** The order of document numbers (编号) in lists, matrices and the printed manual. */

// One collator for the process: `localeCompare` with options builds a new one on every call,
// which made sorting 5,000 documents' links take over a second.
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Orders document numbers the way people count: JMI/CX/2 before JMI/CX/10, JMI/CX/8-1 before JMI/CX/10. */
export function compareNumbers(a: string, b: string): number {
  return collator.compare(a, b);
}
