/**
 * Imports a batch of Word files into draft documents: each readable .docx becomes one MDX file in its
 * type's folder (images beside it), references found in the 支持性文件 / 质量记录 chapters become typed
 * references when the numbers resolve, and what could not be mapped becomes a diagnostic.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { folderOfType, typeLabels, type DocumentType, type OwnDocumentType } from '../model/document-types.ts';
import { contentDir, type DocumentSet } from '../model/load.ts';
import type { Organization } from '../model/schemas/organization.ts';
import { standardLevels } from '../model/schemas/standard.ts';
import { slugOf } from '../render/urls.ts';
import { childStem, standardGroup } from '../authoring/numbering.ts';
import { readDocx, sniffWord, type ReadNote } from './read-docx.ts';
import { normaliseNumber, recognise, textOf, typeOfNumber, type RecogniseNote, type RecognisedFields } from './recognise.ts';
import { bodyText, frontmatterText, refClose, refOpen, type ImportedFrontmatter, type ReferenceLists } from './write-mdx.ts';

/** One Word file given to the import. */
export interface ImportSource {
  /** As shown to the user (the path given, or relative to the folder given). */
  name: string;
  bytes: Uint8Array;
}

/** What became of one source. */
export type ImportOutcome =
  | { source: string; ok: true; path: string; type: DocumentType; number?: string; title?: string; images: string[] }
  | { source: string; ok: false; error: string };

export interface ImportResult {
  outcomes: ImportOutcome[];
  /** What could not be mapped, one diagnostic each (file = the written MDX file). */
  diagnostics: Diagnostic[];
}

export interface ImportOptions {
  /** Overwrite existing files (default: never). */
  force?: boolean;
  /** Write nothing, only report (default false). */
  dryRun?: boolean;
}

/** Why a file cannot be imported, in the user's words, with what to do. */
export function unreadableMessage(kind: ReturnType<typeof sniffWord> | 'corrupt'): string {
  switch (kind) {
    case 'doc':
      return '这是旧版 Word 二进制文件（.doc），不能直接导入：请用 Word 或 WPS 打开，“另存为” Word 文档（.docx）后再导入';
    case 'encrypted':
      return '这个 Word 文件设有打开密码（已加密），不能读取：请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后再导入';
    case 'corrupt':
      return '这个 .docx 文件已损坏，无法读取：请用 Word 打开并修复，或重新导出一份后再导入';
    default:
      return '这不是 Word 文件（.docx）：只能导入 Word 文档，其他格式请先在 Word 中打开并另存为 .docx';
  }
}

/** Chapters whose numbers are a procedure's typed references. */
const referenceChapter = /^(支持性文件|相关文件|引用文件|相关制度|质量记录|相关记录|记录|相关流程|流程|相关标准|标准|引用标准)$/;
const listOfType: Partial<Record<DocumentType, keyof ReferenceLists>> = { regulation: 'regulations', record: 'records', flow: 'flows', standard: 'standards' };
/** Something that may be a document number: letters, slashes, digits, dashes (also full-width). */
const numberToken = /[A-Za-zＡ-Ｚａ-ｚ]{1,10}(?:[\/／][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]{1,10}){1,3}(?:[-－][0-9A-Za-z０-９]{1,4}){0,3}/g;

/** Imports every source into `root`; never throws for bad input. */
export async function importDocuments(root: string, set: DocumentSet, sources: ImportSource[], options: ImportOptions = {}): Promise<ImportResult> {
  const org = set.organization.data;
  if (!org) throw new Error(`找不到或无法读取 ${contentDir}/org/organization.yaml：导入需要其中的编号规则和部门清单`);
  const outcomes: ImportOutcome[] = [];
  const diagnostics: Diagnostic[] = [];

  // 1. Read and recognise every file, so that numbers of the batch resolve in each other's references.
  type Read = { source: ImportSource; fields: RecognisedFields; body: Root; images: { name: string; bytes: Uint8Array }[]; notes: (ReadNote | RecogniseNote)[] };
  const reads: Read[] = [];
  for (const source of sources) {
    const kind = sniffWord(source.bytes);
    if (kind !== 'docx') {
      outcomes.push({ source: source.name, ok: false, error: unreadableMessage(kind) });
      continue;
    }
    try {
      const read = await readDocx(source.bytes, 'image');
      const notes: (ReadNote | RecogniseNote)[] = [];
      const { fields, body } = recognise(read.tree, org, notes as RecogniseNote[], read.merged);
      notes.unshift(...read.notes);
      reads.push({ source, fields, body, images: read.images, notes });
    } catch (error) {
      // A zip without a Word document in it (an .xlsx, a .zip) is not Word; anything else that fails is damaged.
      const notWord = /main document part/i.test(String((error as Error)?.message));
      outcomes.push({ source: source.name, ok: false, error: unreadableMessage(notWord ? 'not-word' : 'corrupt') });
    }
  }
  const known = new Map<string, DocumentType>();
  for (const doc of set.documents) if (doc.type && doc.data.number) known.set(doc.data.number, doc.type);
  for (const r of reads) if (r.fields.number && r.fields.type) known.set(r.fields.number, r.fields.type);

  // 2. References, then the files.
  const taken = new Set<string>();
  for (const { source, fields, body, images, notes } of reads) {
    const type = fields.type ?? guessType(fields.title ?? source.name);
    const lists = linkReferences(body, org, known, fields.number, type === 'procedure', notes);
    const stem = fields.number ? slugOf(fields.number) : fileStem(source.name);
    const path = `${contentDir}/${folderOfType[type]}/${stem}.mdx`;
    if (taken.has(path)) {
      outcomes.push({ source: source.name, ok: false, error: `与本批中另一个文件的编号相同，都要写入 ${path}：请核对两个文件的文件编号` });
      continue;
    }
    if (existsSync(join(root, path)) && !options.force) {
      outcomes.push({ source: source.name, ok: false, error: `${path} 已存在，未覆盖：确认要用 Word 文件替换它时加 --force` });
      continue;
    }
    taken.add(path);
    const imageNames = renameImages(body, images, stem);
    const procedure = type === 'record' && fields.number ? procedureOf(fields.number, known) : undefined;
    const level = type === 'standard' && fields.number ? standardLevels.find((l) => fields.number!.startsWith(childStem(org, 'standard', standardGroup(l)))) : undefined;
    const front: ImportedFrontmatter = { ...fields, ...lists, type, source: basename(source.name), ...(procedure ? { procedure } : {}), ...(level ? { level } : {}) };
    if (!fields.number) {
      const raw = fields.rawNumber ? `"${fields.rawNumber}" 不符合 organization.yaml 中任何一类文件的编号规则` : '没有找到文件编号（表头或首行的“文件编号：…”）';
      notes.push({ id: 'no-number', field: 'number', message: `${raw}，按名称暂定为${typeLabels[type]}：请在 number 中写上编号，并把文件改名为编号（如 ${org.numbering[type].example}）后放在 ${contentDir}/${folderOfType[type]}/` });
    }
    if (!fields.title) notes.push({ id: 'no-title', field: 'title', message: '没有找到文件名称：请在 title 中写上' });
    if (!fields.owners?.length) notes.push({ id: 'no-owner', field: 'owners', message: '没有找到牵头部门（“主管部门/牵头部门：…”）：请在 owners 中写上部门' });
    if (!fields.revisions?.length) notes.push({ id: 'no-revisions', field: 'revisions', message: '没有找到修订记录表：请在 revisions 中补上各版本的版本、日期、摘要和修订人（至少包含当前版本）' });
    const text = `${frontmatterText(front)}\n${bodyText(body)}`;
    if (!options.dryRun) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      for (const image of images) writeFileSync(join(root, dirname(path), image.name), image.bytes);
      writeFileSync(join(root, path), text);
    }
    outcomes.push({ source: source.name, ok: true, path, type, images: imageNames, ...(fields.number ? { number: fields.number } : {}), ...(fields.title ? { title: fields.title } : {}) });
    for (const note of notes) diagnostics.push(diagnosticOf(path, text, note));
  }
  const order = new Map(sources.map((s, i) => [s.name, i]));
  outcomes.sort((a, b) => order.get(a.source)! - order.get(b.source)!);
  return { outcomes, diagnostics };
}

/** Reads files and folders (recursively: .docx, and the .doc/.wps/.rtf that need converting first). */
export function collectSources(paths: string[], cwd: string, readDir: (dir: string) => string[], isDir: (path: string) => boolean): ImportSource[] {
  const out: ImportSource[] = [];
  for (const given of paths) {
    const full = resolve(cwd, given);
    if (isDir(full)) {
      for (const rel of readDir(full).sort()) if (/\.(docx|docm|doc|wps|rtf)$/i.test(rel)) out.push({ name: join(given, rel), bytes: readFileSync(join(full, rel)) });
    } else {
      out.push({ name: given, bytes: readFileSync(full) });
    }
  }
  return out;
}

/** Turns numbers in the body that resolve into `[[编号]]` references; in a procedure's reference chapters they also fill the typed lists. */
function linkReferences(body: Root, org: Organization, known: Map<string, DocumentType>, own: string | undefined, typed: boolean, notes: (ReadNote | RecogniseNote)[]): ReferenceLists {
  const lists: ReferenceLists = {};
  let inChapter = false;
  const visit = (node: RootContent | Root, parentIsLink: boolean) => {
    if (!('children' in node)) return;
    node.children = (node.children as RootContent[]).flatMap((child): RootContent[] => {
      if (child.type !== 'text' || parentIsLink) {
        visit(child, parentIsLink || child.type === 'link');
        return [child];
      }
      const value = child.value.replace(numberToken, (token) => {
        const number = normaliseNumber(token);
        const type = known.get(number);
        if (type && number !== own) {
          const list = listOfType[type];
          if (typed && inChapter && list && !(lists[list] ??= []).includes(number)) lists[list]!.push(number);
          return `${refOpen}${number}${refClose}`;
        }
        if (typed && inChapter && typeOfNumber(org, number)) {
          notes.push({ id: 'unresolved-ref', find: token, message: `“${textOf(child).trim().slice(0, 40)}”中的编号 ${number} 在文件体系中不存在，未列入引用：先导入或新建该文件，再在文件头中加上它` });
        }
        return token;
      });
      return [{ ...child, value }];
    });
  };
  for (const node of body.children) {
    if (node.type === 'heading') inChapter = referenceChapter.test(textOf(node).replace(/^[\d.\s、一二三四五六七八九十]+/, '').replace(/[\s\u3000]/g, ''));
    visit(node, false);
  }
  return lists;
}

/** The procedure a record belongs to: the one whose number's last part starts the record's (JMI/JL/13-01 → JMI/CX/13). */
function procedureOf(record: string, known: Map<string, DocumentType>): string | undefined {
  const tail = record.slice(record.lastIndexOf('/') + 1);
  let best: string | undefined;
  for (const [number, type] of known) {
    if (type !== 'procedure') continue;
    const part = number.slice(number.lastIndexOf('/') + 1);
    if (tail.startsWith(`${part}-`) && (!best || part.length > best.slice(best.lastIndexOf('/') + 1).length)) best = number;
  }
  return best;
}

/** Without a number, the type from the document's name (…程序, …办法, …表). */
function guessType(title: string): OwnDocumentType {
  const name = title.replace(/\.[a-z]+$/i, '');
  if (/手册/.test(name)) return 'manual-section';
  if (/程序/.test(name)) return 'procedure';
  if (/流程/.test(name)) return 'flow';
  if (/(表|单|记录|台账|登记簿)$/.test(name)) return 'record';
  if (/标准|规范/.test(name)) return 'standard';
  return 'regulation';
}

/** A file name from the Word file's name: letters, digits, CJK and dashes only. */
function fileStem(name: string): string {
  return (
    basename(name)
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'imported'
  );
}

/** Images get the document's stem: ./image-1.png → ./jmi-bz-2-09-1.png. */
function renameImages(body: Root, images: { name: string; bytes: Uint8Array }[], stem: string): string[] {
  const renamed = new Map(images.map((image) => [image.name, image.name.replace(/^image-/, `${stem}-`)]));
  const visit = (node: RootContent | Root) => {
    if (node.type === 'image') {
      const name = renamed.get(node.url.replace(/^\.\//, ''));
      node.url = name ? `./${name}` : '';
    }
    if ('children' in node) for (const child of node.children as RootContent[]) visit(child);
  };
  visit(body);
  for (const image of images) image.name = renamed.get(image.name)!;
  return images.map((i) => i.name);
}

/** A note as a diagnostic at the line of its field in the written file (the first line otherwise). */
function diagnosticOf(path: string, text: string, note: ReadNote | RecogniseNote): Diagnostic {
  const lines = text.split('\n');
  const { field: name, find } = note as RecogniseNote;
  const field = name ? lines.findIndex((l) => l.startsWith(`${name}:`)) : -1;
  const found = find && field < 0 ? lines.findIndex((l) => l.includes(find)) : -1;
  // Otherwise the type line: the finding is about the document as a whole.
  const index = field >= 0 ? field : found >= 0 ? found : lines.findIndex((l) => l.startsWith('type:'));
  const column = found >= 0 ? lines[found]!.indexOf(find!) + 1 : 1;
  const line = index + 1;
  const length = found >= 0 ? find!.length : lines[index]!.length;
  // Warnings: the draft is written; the check after the import reports what must still be fixed.
  return { file: path, span: { start: { line, column }, end: { line, column: column + length } }, severity: 'warning', message: note.message, ruleId: `import/${note.id}` };
}
