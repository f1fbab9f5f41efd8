/** Plans and writes a new controlled document (新建文件): number, file, and the parent procedure's lists. */
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { folderOfType, typeLabels, type OwnDocumentType as DocumentType } from '../model/document-types.ts';
import { closest } from '../model/did-you-mean.ts';
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import { indexDepartments } from '../model/organization.ts';
import type { manualParts } from '../model/schemas/manual-section.ts';
import type { Organization } from '../model/schemas/organization.ts';
import type { standardLevels } from '../model/schemas/standard.ts';
import { firstVersion } from '../model/version.ts';
import { slugOf } from '../render/urls.ts';
import { AuthoringError } from './authoring-error.ts';
import { addToBodySection, sectionOfList } from './body-list.ts';
import { childStem, followsPattern, nextChildNumber, nextSubProcedure, nextTopNumber, procedurePart, standardGroup } from './numbering.ts';
import { addToFrontmatterList } from './parent-list.ts';
import { documentText } from './templates.ts';

/** Types whose documents belong to a procedure and are listed by it (所属程序). */
export const childListOf: Partial<Record<DocumentType, keyof typeof sectionOfList>> = {
  flow: 'flows',
  record: 'records',
  regulation: 'regulations',
};

/** What the author asked for. */
export interface NewDocumentRequest {
  type: DocumentType;
  title: string;
  /** Department id, short name or name. */
  owner: string;
  author: string;
  /** Date of the first revision record, YYYY-MM-DD. */
  today: string;
  /** Parent procedure of a flow, record or regulation. */
  procedure?: string;
  /** A number chosen by the author instead of the next free one. */
  number?: string;
  /** Make a procedure a sub-procedure of this number (JMI/CX/08 → JMI/CX/08-7). */
  subOf?: string;
  level?: (typeof standardLevels)[number];
  part?: (typeof manualParts)[number];
}

/** A file to write. */
export interface FileWrite {
  path: string;
  text: string;
}

/** Everything `npm run new` will do, computed before anything is written. */
export interface NewDocumentPlan {
  number: string;
  created: FileWrite;
  /** The parent procedure with the new number added to its list, when that changed it. */
  parent?: FileWrite & { number: string; list: string; bodyChanged: boolean; effective: boolean; version: string };
}

/** Decides number, path and text of the new document and the edit of its parent. Throws AuthoringError. */
export function planNewDocument(set: DocumentSet, request: NewDocumentRequest): NewDocumentPlan {
  const org = set.organization.data;
  if (!org) throw new AuthoringError('content/org/organization.yaml 缺失或有错误，无法确定编号规则和部门', '先运行 npm run check 修正 organization.yaml');
  const title = request.title.trim();
  if (!title || /[\r\n]/.test(title)) throw new AuthoringError('文件名称不能为空，也不能换行', '用 --title 给出一行文件名称，如 --title 实验室安全管理');
  const owner = resolveOwner(org, request.owner);
  const author = request.author.trim();
  if (!author) throw new AuthoringError('不知道编制人是谁', '用 --author 写明编制人，或先设置 git config user.name');
  const used = usedNumbers(set);
  const listKey = childListOf[request.type];
  const parentDoc = listKey ? findProcedure(set, request.procedure, request.type) : undefined;
  const number = request.number !== undefined ? takeNumber(org, request, used, parentDoc) : nextNumber(org, request, used, parentDoc);
  const path = `content/${folderOfType[request.type]}/${slugOf(number)}.mdx`;
  if (existsSync(join(set.root, path))) throw new AuthoringError(`${path} 已经存在，不会覆盖`, '换一个编号（--number），或直接编辑这个文件');

  const text = documentText({
    type: request.type,
    number,
    title,
    owner,
    author,
    date: request.today,
    version: firstVersion(org.versionScheme),
    ...(parentDoc ? { procedure: { number: parentDoc.data.number!, regulations: parentDoc.data.regulations ?? [] } } : {}),
    ...(request.level ? { level: request.level } : {}),
    ...(request.type === 'manual-section' ? { part: request.part ?? 'elements', order: nextOrder(set) } : {}),
  });
  const plan: NewDocumentPlan = { number, created: { path, text } };
  if (parentDoc && listKey) {
    const before = readFileSync(join(set.root, parentDoc.path), 'utf8');
    const listed = addToFrontmatterList(before, listKey, number, parentDoc.path);
    // A bare reference shows 编号《标题》 wherever it is rendered: the title is written once, in the new file.
    const reference = `[[${number}]]`;
    const body = addToBodySection(listed.text, sectionOfList[listKey], reference);
    if (listed.changed || body.changed) {
      plan.parent = {
        path: parentDoc.path,
        text: body.text,
        number: parentDoc.data.number!,
        list: listKey,
        bodyChanged: body.changed,
        effective: parentDoc.data.status === 'effective',
        version: parentDoc.data.version ?? '',
      };
    }
  }
  return plan;
}

/** Writes the plan: the new file never overwrites, the parent is replaced atomically; on failure nothing is left half-written. */
export function writePlan(root: string, plan: NewDocumentPlan): void {
  const created = join(root, plan.created.path);
  mkdirSync(dirname(created), { recursive: true });
  writeFileSync(created, plan.created.text, { flag: 'wx' });
  if (!plan.parent) return;
  const target = join(root, plan.parent.path);
  const temp = `${target}.new-${process.pid}`;
  try {
    writeFileSync(temp, plan.parent.text, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    for (const p of [temp, created]) if (existsSync(p)) unlinkSync(p);
    throw error;
  }
}

/** Every number in the set, also of documents whose other fields failed validation. */
export function usedNumbers(set: DocumentSet): Set<string> {
  const used = new Set<string>();
  for (const d of set.documents) {
    const raw = (d.file.data as { number?: unknown } | undefined)?.number;
    if (typeof raw === 'string') used.add(raw);
    if (d.data.number) used.add(d.data.number);
  }
  return used;
}

function resolveOwner(org: Organization, ref: string): string {
  const found = indexDepartments(org).resolve(ref.trim());
  if (found?.kind === 'department') return found.department.shortName;
  const names = org.departments.flatMap((d) => [d.id, d.shortName, d.name]);
  const guess = closest(ref.trim(), names);
  throw new AuthoringError(
    found ? `"${ref}" 是部门组，牵头部门须是一个部门` : `organization.yaml 中没有部门 "${ref}"${guess ? `，是否要写 "${guess}"？` : ''}`,
    `用 --owner 写部门的简称、全称或编号，如 ${org.departments[0]!.shortName}`,
  );
}

function findProcedure(set: DocumentSet, number: string | undefined, type: DocumentType): ControlledDocument {
  const procedures = set.documents.filter((d) => d.type === 'procedure' && d.data.number);
  if (!number) {
    throw new AuthoringError(`${typeLabels[type]}必须属于一个程序文件`, `用 --procedure 写所属程序的编号，如 --procedure ${procedures[0]?.data.number ?? 'JMI/CX/01'}（程序文件须先建立）`);
  }
  const doc = procedures.find((d) => d.data.number === number.trim());
  if (!doc) {
    const guess = closest(number, procedures.map((d) => d.data.number!));
    throw new AuthoringError(`程序文件 "${number}" 不存在${guess ? `，是否要写 "${guess}"？` : ''}`, '先用 npm run new -- --type procedure 建立程序文件，或改正编号');
  }
  if (doc.data.status === 'obsolete') throw new AuthoringError(`程序文件 ${number} 已作废，不能再在其下新建文件`, '改用代替它的程序文件');
  return doc;
}

function nextNumber(org: Organization, request: NewDocumentRequest, used: Set<string>, parent: ControlledDocument | undefined): string {
  if (parent) return nextChildNumber(org, request.type, procedurePart(org, parent.data.number!), used);
  if (request.type === 'procedure' && request.subOf) return nextSubProcedure(org, request.subOf.trim(), used);
  if (request.type === 'standard') return nextChildNumber(org, 'standard', standardGroup(request.level ?? 'school'), used);
  return nextTopNumber(org, request.type, used);
}

function takeNumber(org: Organization, request: NewDocumentRequest, used: Set<string>, parent: ControlledDocument | undefined): string {
  const number = request.number!.trim();
  const rule = org.numbering[request.type];
  if (!followsPattern(org, request.type, number)) {
    throw new AuthoringError(`编号 "${number}" 不符合${typeLabels[request.type]}的编号规则 ${rule.pattern}`, `按 organization.yaml 的规则编号，如 ${rule.example}；或去掉 --number 让系统分配下一个编号`);
  }
  if (used.has(number)) throw new AuthoringError(`编号 "${number}" 已被使用（作废文件的编号也不得重新分配）`, '去掉 --number 让系统分配下一个空闲编号');
  if (parent) {
    const stem = childStem(org, request.type, procedurePart(org, parent.data.number!));
    if (!number.startsWith(stem)) throw new AuthoringError(`编号 "${number}" 不属于程序 ${parent.data.number}：应以 "${stem}" 开头`, `改为 ${stem}… 的编号，或改 --procedure`);
  }
  return number;
}

function nextOrder(set: DocumentSet): number {
  return Math.max(0, ...set.documents.filter((d) => d.type === 'manual-section').map((d) => d.data.order ?? 0)) + 1;
}
