/** Next free document numbers (编号), derived from the numbering rules in organization.yaml — no institution is hard-coded. */
import { standardLevels } from '../model/schemas/standard.ts';
import type { OwnDocumentType as DocumentType } from '../model/document-types.ts';
import type { Organization } from '../model/schemas/organization.ts';
import { AuthoringError } from './authoring-error.ts';

/** The shape of a type's numbers, read from its example: JMI/LC/13-01 → prefix JMI/LC/, group 13, separator -, counter width 2. */
export interface NumberShape {
  /** Everything before the first digit, e.g. `JMI/LC/`. */
  prefix: string;
  /** The part between prefix and counter, e.g. `13` (empty for JMI/SC/07). */
  group: string;
  /** Text between group and counter, e.g. `-`. */
  separator: string;
  /** Digits of the last counter, e.g. 2 for `01`. */
  width: number;
}

/** Reads the shape of a number such as the numbering rule's example. */
export function shapeOf(example: string): NumberShape | undefined {
  const head = /^(\D*)(\d.*)$/.exec(example);
  if (!head) return undefined;
  const [, prefix, rest] = head as unknown as [string, string, string];
  const tail = /^(?:(.*?\d)(\D+))?(\d+)$/.exec(rest);
  if (!tail) return undefined;
  return { prefix, group: tail[1] ?? '', separator: tail[2] ?? '', width: tail[3]!.length };
}

/** The numbers already used in the set, whatever their type (an obsolete number is still taken). */
export type UsedNumbers = ReadonlySet<string>;

/** True when the number follows the type's pattern in organization.yaml. */
export function followsPattern(org: Organization, type: DocumentType, number: string): boolean {
  return new RegExp(org.numbering[type].pattern).test(number);
}

/** Next top-level number of a procedure or manual section: JMI/CX/18 (and 08-1 … 08-6) → JMI/CX/19. */
export function nextTopNumber(org: Organization, type: DocumentType, used: UsedNumbers): string {
  const rule = org.numbering[type];
  const shape = requireShape(type, rule.example);
  const first = /^\d+/.exec(rule.example.slice(shape.prefix.length))![0];
  let max = 0;
  for (const n of used) {
    if (!n.startsWith(shape.prefix)) continue;
    const digits = /^\d+/.exec(n.slice(shape.prefix.length));
    if (digits) max = Math.max(max, Number(digits[0]));
  }
  return checked(org, type, `${shape.prefix}${pad(max + 1, first.length)}`);
}

/** Next sub-procedure under a procedure number: --sub-of JMI/CX/08 with 08-1 … 08-6 taken → JMI/CX/08-7. */
export function nextSubProcedure(org: Organization, parent: string, used: UsedNumbers): string {
  const rule = org.numbering.procedure;
  const shape = requireShape('procedure', rule.example);
  const exampleRest = rule.example.slice(shape.prefix.length);
  const hasSub = /\d\D+\d+$/.test(exampleRest);
  const separator = hasSub ? shape.separator : '-';
  const width = hasSub ? shape.width : 1;
  const stem = `${parent}${separator}`;
  return checked(org, 'procedure', `${stem}${pad(maxCounter(used, stem) + 1, width)}`, `程序 ${parent} 的分程序`);
}

/** The group a child document's number carries for its procedure: JMI/CX/08-1 → 08-1. */
export function procedurePart(org: Organization, procedureNumber: string): string {
  const shape = requireShape('procedure', org.numbering.procedure.example);
  if (!procedureNumber.startsWith(shape.prefix)) {
    throw new AuthoringError(`程序文件编号 "${procedureNumber}" 不以 "${shape.prefix}" 开头，无法据此给下属文件编号`, '请用 --number 直接给出编号');
  }
  return procedureNumber.slice(shape.prefix.length);
}

/** The stem every number of a child type under a group shares: flow + 13 → JMI/LC/13-. */
export function childStem(org: Organization, type: DocumentType, group: string): string {
  const shape = requireShape(type, org.numbering[type].example);
  return `${shape.prefix}${group}${shape.separator}`;
}

/** Next number in a group: flow under JMI/CX/13 with 13-01, 13-02 taken → JMI/LC/13-03; standard level 2 → JMI/BZ/2-05. */
export function nextChildNumber(org: Organization, type: DocumentType, group: string, used: UsedNumbers): string {
  const shape = requireShape(type, org.numbering[type].example);
  const stem = childStem(org, type, group);
  return checked(org, type, `${stem}${pad(maxCounter(used, stem) + 1, shape.width)}`);
}

/** The group of a standard's number: its level's place in 学校、专业、课程、教师、学生 (1–5). */
export function standardGroup(level: (typeof standardLevels)[number]): string {
  return String(standardLevels.indexOf(level) + 1);
}

function maxCounter(used: UsedNumbers, stem: string): number {
  let max = 0;
  for (const n of used) {
    if (n.startsWith(stem) && /^\d+$/.test(n.slice(stem.length))) max = Math.max(max, Number(n.slice(stem.length)));
  }
  return max;
}

function requireShape(type: DocumentType, example: string): NumberShape {
  const shape = shapeOf(example);
  if (!shape) {
    throw new AuthoringError(`organization.yaml 中 ${type} 的编号示例 "${example}" 没有数字，无法推算下一个编号`, '请用 --number 直接给出编号');
  }
  return shape;
}

function checked(org: Organization, type: DocumentType, candidate: string, what = ''): string {
  if (!followsPattern(org, type, candidate)) {
    throw new AuthoringError(
      `推算出的${what ? `${what}` : ''}编号 "${candidate}" 不符合 organization.yaml 中 ${type} 的编号规则 ${org.numbering[type].pattern}`,
      '请用 --number 直接给出编号，或检查编号规则的示例是否与规则一致',
    );
  }
  return candidate;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
