/**
 * Writes an imported document as MDX: frontmatter in the order and style of the hand-written
 * documents, and a body serialised by mdast-util-to-markdown with the MDX escapes, so that Word
 * text such as `{a}` or `x < y` stays text and never becomes an expression or a component.
 */
import type { Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { readBody } from '../model/body.ts';
import type { OwnDocumentType } from '../model/document-types.ts';
import { yamlScalar } from '../authoring/yaml-text.ts';
import type { RecognisedFields } from './recognise.ts';

/** Private-use marks around a number that becomes a `[[编号]]` reference after serialising. */
export const refOpen = '\uE002';
export const refClose = '\uE003';

/** The typed reference lists a procedure carries, found in its 支持性文件 / 质量记录 chapters. */
export interface ReferenceLists {
  regulations?: string[];
  records?: string[];
  flows?: string[];
  standards?: string[];
}

/** Everything written into the frontmatter of one imported document. */
export interface ImportedFrontmatter extends RecognisedFields, ReferenceLists {
  type: OwnDocumentType;
  procedure?: string;
  /** 层面 of a standard, from its number's group. */
  level?: string;
  /** The Word file it came from, written as a YAML comment. */
  source: string;
}

/** The frontmatter block, `---` lines included. */
export function frontmatterText(f: ImportedFrontmatter): string {
  const lines = [`# 由 Word 文件“${f.source.replace(/[\r\n]/g, ' ')}”导入的草稿：请核对后再提交审批`, `type: ${f.type}`];
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') lines.push(`${key}: ${scalar(value)}`);
  };
  const list = (key: string, value: string[] | undefined) => {
    if (value && value.length) lines.push(`${key}: [${value.map(scalar).join(', ')}]`);
  };
  put('number', f.number);
  put('title', f.title);
  put('version', f.version);
  lines.push('status: draft');
  list('owners', f.owners);
  put('effectiveDate', f.effectiveDate);
  put('preparedBy', f.preparedBy);
  put('reviewedBy', f.reviewedBy);
  put('approvedBy', f.approvedBy);
  if (f.type === 'regulation') put('issuedAs', f.issuedAs);
  if (f.type === 'standard') put('level', f.level);
  lines.push(f.revisions?.length ? 'revisions:' : 'revisions: []');
  for (const r of f.revisions ?? []) {
    lines.push(`  - version: ${scalar(r.version)}`, `    date: ${scalar(r.date)}`, `    summary: ${scalar(r.summary)}`, `    author: ${scalar(r.author)}`);
  }
  if (f.type === 'procedure') {
    list('regulations', f.regulations);
    list('records', f.records);
    list('flows', f.flows);
    list('standards', f.standards);
  }
  if (f.type === 'record') {
    put('procedure', f.procedure);
    put('keeper', f.keeper);
    put('retention', f.retention);
    if (f.fields?.length) {
      lines.push('fields:');
      for (const field of f.fields) lines.push(`  - label: ${scalar(field.label)}`, `    kind: ${field.kind}`);
    }
  }
  return `---\n${lines.join('\n')}\n---\n`;
}

/**
 * A value from the Word file as one YAML scalar: whitespace (line breaks too) folded into one space, so
 * that no text can start a key of its own, quoted when ` #` would start a comment; dates unquoted, as
 * the hand-written documents have them (the core schema reads them as strings).
 */
function scalar(raw: string): string {
  const value = raw.replace(/\s+/g, ' ').trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return /\s#/.test(value) ? JSON.stringify(value) : yamlScalar(value);
}

const markdownOptions = {
  extensions: [gfmToMarkdown({ tablePipeAlign: false }), mdxToMarkdown()],
  bullet: '-' as const,
  emphasis: '*' as const,
  strong: '*' as const,
  listItemIndent: 'one' as const,
  rule: '-' as const,
  fences: true,
};

/** The body as MDX text; throws when the result would not read back as plain Markdown (a bug, never content). */
export function bodyText(body: Root): string {
  const text = withoutEsmLines(toMarkdown(withoutEmpty(body), markdownOptions).replace(new RegExp(`${refOpen}([^${refClose}]+)${refClose}`, 'g'), '[[$1]]'));
  // Only `<`, `{` and a line starting with import/export can begin MDX code: without them there is nothing to verify.
  if (!/[<{]|^(?:import|export)\b/m.test(text)) return text;
  const { facts } = readBody(text, { line: 1, column: 1 });
  const code = facts.syntaxError ? `语法错误（${facts.syntaxError.message}）` : facts.esm.length ? 'import/export' : facts.expressions.length ? '{…} 表达式' : facts.jsx.length ? `<${facts.jsx[0]!.name}>` : '';
  if (code) throw new Error(`导入生成的正文含有 ${code}，这是导入程序的缺陷，请报告`);
  return text;
}

/**
 * A line of text that starts with the word import or export would be read by MDX as JavaScript
 * (ESM), which mdast-util-to-markdown does not escape: its first letter becomes a character
 * reference (&#x69;mport), which reads and renders as the same word. Code blocks keep their text.
 */
function withoutEsmLines(text: string): string {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line.replace(/^(\s*(?:[>*+-]\s+|\d+[.)]\s+)*)(i)(mport\b)|^(\s*(?:[>*+-]\s+|\d+[.)]\s+)*)(e)(xport\b)/, (_m, a?: string, i?: string, rest1?: string, b?: string, e?: string, rest2?: string) =>
        i ? `${a}&#x69;${rest1}` : `${b}&#x65;${rest2}`,
      );
    })
    .join('\n');
}

/** Word leaves empty paragraphs for spacing; they carry nothing in Markdown. */
function withoutEmpty(root: Root): Root {
  const keep = (n: RootContent) => !(n.type === 'paragraph' && n.children.every((c) => c.type === 'text' && c.value.trim() === ''));
  return { ...root, children: root.children.filter(keep) };
}
