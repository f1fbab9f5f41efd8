/** The typed relation graph: every reference between documents, stored in both directions. */
import type { DocumentType } from '../model/document-types.ts';
import { inlineRefPattern } from '../model/body.ts';
import { fieldLabel } from '../model/field-labels.ts';
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import { placesOf } from '../model/parse-file.ts';
import type { Span } from '../model/position.ts';

/** 关系类型 */
export type EdgeKind =
  | 'regulation' // 程序 → 支持性文件（制度）
  | 'record' // 程序 → 质量记录
  | 'flow' // 程序 → 相关流程
  | 'standard' // 程序 → 相关标准
  | 'implementation' // 手册章节 → 实施程序
  | 'parent' // 流程、质量记录 → 所属程序
  | 'criterion' // 流程 → 工作准则（制度）
  | 'input' // 流程 → 输入资源（质量记录）
  | 'output' // 流程 → 输出资源（质量记录）
  | 'interface' // 流程 → 流程接口
  | 'external' // 程序 → 依据的外来文件
  | 'supersedes' // 新文件 → 被代替的旧文件
  | 'mention'; // 正文中的 [[编号]]

/** How the relations panel names each kind: outgoing as the field that holds it (its schema title). */
export const edgeKindLabels: Record<EdgeKind, { outgoing: string; incoming: string }> = {
  regulation: { outgoing: fieldLabel('regulations', 'procedure'), incoming: '作为支持性文件被引用' },
  record: { outgoing: fieldLabel('records', 'procedure'), incoming: '使用本记录的程序' },
  flow: { outgoing: fieldLabel('flows', 'procedure'), incoming: '所属程序（列出本流程）' },
  standard: { outgoing: fieldLabel('standards', 'procedure'), incoming: '依据本标准的程序' },
  implementation: { outgoing: fieldLabel('procedures', 'manual-section'), incoming: '手册中对应的章节' },
  parent: { outgoing: fieldLabel('procedure', 'flow'), incoming: '下属流程与记录' },
  criterion: { outgoing: fieldLabel('regulations', 'flow'), incoming: '作为工作准则的流程' },
  input: { outgoing: fieldLabel('inputs', 'flow'), incoming: '作为输入的流程' },
  output: { outgoing: fieldLabel('outputs', 'flow'), incoming: '作为输出的流程' },
  interface: { outgoing: fieldLabel('interfaces', 'flow'), incoming: '接入本流程的流程' },
  external: { outgoing: fieldLabel('externals', 'procedure'), incoming: '依据本文件的程序' },
  supersedes: { outgoing: '代替', incoming: '被代替为' },
  mention: { outgoing: '正文引用的文件', incoming: '正文中引用本文件' },
};

/** The types a reference of each kind may point at; undefined means any. */
export const expectedTargetTypes: Partial<Record<EdgeKind, readonly DocumentType[]>> = {
  regulation: ['regulation'],
  record: ['record'],
  flow: ['flow'],
  standard: ['standard'],
  implementation: ['procedure'],
  parent: ['procedure'],
  criterion: ['regulation'],
  input: ['record'],
  output: ['record'],
  interface: ['flow'],
  external: ['external'],
};

export interface Edge {
  kind: EdgeKind;
  from: ControlledDocument;
  /** The number as written. */
  target: string;
  /** The document it resolves to, when it exists. */
  to: ControlledDocument | undefined;
  /** Where the reference is written in `from`. */
  span: Span;
}

export interface DocumentGraph {
  /** Documents by number; the first one wins when a number is duplicated. */
  byNumber: ReadonlyMap<string, ControlledDocument>;
  edges: readonly Edge[];
  outgoing(doc: ControlledDocument, kind?: EdgeKind): Edge[];
  incoming(doc: ControlledDocument, kind?: EdgeKind): Edge[];
}

/** Frontmatter list fields that hold document numbers, and the edge kind each makes. */
const listFields: { field: 'regulations' | 'records' | 'flows' | 'standards' | 'procedures' | 'interfaces' | 'externals' | 'supersedes'; kind: EdgeKind; types?: DocumentType[] }[] = [
  { field: 'regulations', kind: 'regulation', types: ['procedure'] },
  { field: 'regulations', kind: 'criterion', types: ['flow'] },
  { field: 'records', kind: 'record' },
  { field: 'flows', kind: 'flow' },
  { field: 'standards', kind: 'standard' },
  { field: 'procedures', kind: 'implementation' },
  { field: 'interfaces', kind: 'interface' },
  { field: 'externals', kind: 'external' },
  { field: 'supersedes', kind: 'supersedes' },
];

/** The graph of each set, built once: the check, the site model and the register all ask for it in one build. */
const graphs = new WeakMap<DocumentSet, { documents: DocumentSet['documents']; graph: DocumentGraph }>();

/** The graph of `set`: built on first asking, then the same object for as long as the set holds the same documents. */
export function buildGraph(set: DocumentSet): DocumentGraph {
  const known = graphs.get(set);
  if (known?.documents === set.documents) return known.graph;
  const graph = makeGraph(set);
  graphs.set(set, { documents: set.documents, graph });
  return graph;
}

function makeGraph(set: DocumentSet): DocumentGraph {
  const byNumber = new Map<string, ControlledDocument>();
  for (const doc of set.documents) {
    const number = doc.data.number;
    if (number && !byNumber.has(number)) byNumber.set(number, doc);
  }

  const edges: Edge[] = [];
  const add = (kind: EdgeKind, from: ControlledDocument, target: string, place: Place) => {
    edges.push(new LazySpanEdge(kind, from, target, byNumber.get(target), place));
  };
  for (const doc of set.documents) {
    const { data, file } = doc;
    for (const { field, kind, types } of listFields) {
      if (types && (!doc.type || !types.includes(doc.type))) continue;
      const values = data[field];
      values?.forEach((target, i) => add(kind, doc, target, `${field}.${i}`));
    }
    if (data.procedure) add('parent', doc, data.procedure, 'procedure');
    for (const field of ['inputs', 'outputs'] as const) {
      data[field]?.forEach((text, i) => {
        for (const match of text.matchAll(inlineRefPattern)) {
          add(field === 'inputs' ? 'input' : 'output', doc, match[1]!.trim(), () => spanWithin(placesOf(file)[`${field}.${i}`]?.value, text, match.index, match[0].length));
        }
      });
    }
    for (const ref of file.body.refs) add('mention', doc, ref.target, ref.span);
  }

  const out = new Map<ControlledDocument, Edge[]>();
  const inc = new Map<ControlledDocument, Edge[]>();
  for (const edge of edges) {
    push(out, edge.from, edge);
    if (edge.to) push(inc, edge.to, edge);
  }
  const filter = (list: Edge[] | undefined, kind?: EdgeKind) => (list ?? []).filter((e) => !kind || e.kind === kind);
  return {
    byNumber,
    edges,
    outgoing: (doc, kind) => filter(out.get(doc), kind),
    incoming: (doc, kind) => filter(inc.get(doc), kind),
  };
}

/** Where an edge is written: the span itself, the frontmatter path whose value it is, or how to find it. */
type Place = Span | string | (() => Span | undefined);

/**
 * An edge whose span is found when first read (falling back to the frontmatter block): few edges are
 * ever reported, and the place of a frontmatter reference costs a parse of the file's YAML with
 * positions (see placesOf). A class, as thousands of objects with their own getter are slow to make.
 */
class LazySpanEdge implements Edge {
  kind: EdgeKind;
  from: ControlledDocument;
  target: string;
  to: ControlledDocument | undefined;
  #place: Place;
  #span: Span | undefined;
  constructor(kind: EdgeKind, from: ControlledDocument, target: string, to: ControlledDocument | undefined, place: Place) {
    this.kind = kind;
    this.from = from;
    this.target = target;
    this.to = to;
    this.#place = place;
  }
  get span(): Span {
    if (!this.#span) {
      const place = this.#place;
      const found = typeof place === 'string' ? placesOf(this.from.file)[place]?.value : typeof place === 'function' ? place() : place;
      this.#span = found ?? this.from.file.frontmatterSpan;
    }
    return this.#span;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The span of `text.slice(index, index + length)` inside a one-line YAML string value, plain or quoted
 * (the value's width tells which); otherwise, e.g. with escapes or over several lines, the whole value.
 */
function spanWithin(value: Span | undefined, text: string, index: number, length: number): Span | undefined {
  if (!value || value.start.line !== value.end.line) return value;
  const width = value.end.column - value.start.column;
  const quote = width === text.length + 2 ? 1 : width === text.length ? 0 : undefined;
  if (quote === undefined) return value;
  const column = value.start.column + quote + index;
  return { start: { line: value.start.line, column }, end: { line: value.start.line, column: column + length } };
}
