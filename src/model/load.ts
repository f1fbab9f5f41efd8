/** Loads a whole document set from disk: organisation data, frameworks and every controlled document. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { documentTypes, typeOfFolder, type DocumentType } from './document-types.ts';
import { parseYamlWithPlaces, type FieldPlace, type YamlProblem } from './frontmatter.ts';
import { hashOf, parseFile, placesOf, type ParsedFile } from './parse-file.ts';
import { availableParallelism } from 'node:os';
import { workerResult } from './worker-result.ts';
import type { Span } from './position.ts';
import { documentSchemas } from './schemas/index.ts';
import type { Flow } from './schemas/flow.ts';
import type { ManualSection } from './schemas/manual-section.ts';
import { frameworkSchema, organizationSchema, type Framework, type Organization } from './schemas/organization.ts';
import type { Procedure } from './schemas/procedure.ts';
import type { RecordTemplate } from './schemas/record.ts';
import type { Regulation } from './schemas/regulation.ts';
import type { Standard } from './schemas/standard.ts';
import { validateFieldwise, validateWhole, type SchemaIssue } from './validate.ts';

/** Every field any document type may carry; only the fields that passed validation are present. */
export type DocumentFields = Partial<
  Omit<ManualSection, 'type'> & Omit<Procedure, 'type'> & Omit<Flow, 'type'> & Omit<Standard, 'type'> & Omit<Regulation, 'type'> & Omit<RecordTemplate, 'type'>
>;

/** 受控文件：one content file with what could be validated of it. */
export interface ControlledDocument {
  /** Path relative to the project root, forward slashes. */
  path: string;
  file: ParsedFile;
  /** The top folder under content/ (e.g. `procedures`), or undefined for a file directly in content/. */
  folder: string | undefined;
  /** The type the folder holds, when the folder is one of the six. */
  folderType: DocumentType | undefined;
  /** The declared type when valid, otherwise the folder's type. */
  type: DocumentType | undefined;
  data: DocumentFields;
  schemaIssues: SchemaIssue[];
}

/** A YAML data file (organisation or framework) with its problems. */
export interface DataFile<T> {
  path: string;
  data?: T;
  places: Record<string, FieldPlace>;
  yamlProblems: YamlProblem[];
  schemaIssues: SchemaIssue[];
  missing?: boolean;
  /** Set when the bytes are not UTF-8 text; nothing else is read then. */
  encodingProblem?: { message: string; span: Span };
}

export interface DocumentSet {
  root: string;
  organization: DataFile<Organization>;
  frameworks: DataFile<Framework>[];
  documents: ControlledDocument[];
}

export const contentDir = 'content';
export const organizationPath = `${contentDir}/org/organization.yaml`;
export const frameworksDir = `${contentDir}/org/frameworks`;
const documentExtensions = /\.mdx?$/;
const start: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Parsed files from an earlier run, reused when the bytes are unchanged. */
export interface ParseCache {
  get(path: string, hash: string): ParsedFile | undefined;
  set(file: ParsedFile): void;
}

export interface LoadOptions {
  cache?: ParseCache;
}

export function loadDocumentSet(root: string, options: LoadOptions = {}): DocumentSet {
  return {
    root,
    ...loadDataFiles(root),
    documents: listFiles(join(root, contentDir))
      .filter((f) => documentExtensions.test(f))
      .map((f) => loadDocument(toPosix(relative(root, f)), readFileSync(f), options.cache)),
  };
}

/** The organisation and the framework files. */
function loadDataFiles(root: string): Pick<DocumentSet, 'organization' | 'frameworks'> {
  return {
    organization: loadDataFile(root, organizationPath, organizationSchema),
    frameworks: listFiles(join(root, frameworksDir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => loadDataFile(root, toPosix(relative(root, f)), frameworkSchema)),
  };
}

/** Below this many files to parse, a worker thread costs more than it saves. */
const parallelThreshold = 1500;

/**
 * Like loadDocumentSet, with the files the cache does not have parsed by the main thread and one
 * worker thread side by side when there are many (a first build of a large set): parsing is most
 * of a cold load, and the build has nothing else to do meanwhile.
 */
export async function loadDocumentSetInParallel(root: string, options: LoadOptions = {}): Promise<DocumentSet> {
  const paths = listFiles(join(root, contentDir))
    .filter((f) => documentExtensions.test(f))
    .map((f) => toPosix(relative(root, f)));
  const parsed = new Map<string, ParsedFile>();
  // Files the cache does not have, with their bytes when already read for the cache's key.
  const misses: { path: string; bytes?: Buffer; hash?: string }[] = [];
  for (const path of paths) {
    if (!options.cache) {
      misses.push({ path });
      continue;
    }
    const bytes = readFileSync(join(root, path));
    const hash = hashOf(bytes);
    const hit = options.cache.get(path, hash);
    if (hit) parsed.set(path, hit);
    else misses.push({ path, bytes, hash });
  }
  const parseHere = ({ path, bytes, hash }: (typeof misses)[number]) => parsed.set(path, parseFile(path, bytes ?? readFileSync(join(root, path)), hash));
  if (misses.length >= parallelThreshold && availableParallelism() > 1) {
    // The worker takes the second half; the main thread parses the first meanwhile.
    const half = Math.ceil(misses.length / 2);
    const theirs = workerResult<ParsedFile[]>(new URL('./parse-worker.ts', import.meta.url), { root, paths: misses.slice(half).map((m) => m.path) }, '解析线程');
    misses.slice(0, half).forEach(parseHere);
    for (const file of await theirs) parsed.set(file.path, file);
  } else {
    misses.forEach(parseHere);
  }
  for (const { path } of misses) options.cache?.set(parsed.get(path)!);
  return { root, ...loadDataFiles(root), documents: paths.map((path) => validateDocument(parsed.get(path)!)) };
}

/** Loads one document from its bytes (also used by tests and the editor preview). */
export function loadDocument(path: string, bytes: Uint8Array, cache?: ParseCache): ControlledDocument {
  const hash = cache ? hashOf(bytes) : undefined;
  let file = hash ? cache!.get(path, hash) : undefined;
  if (!file) {
    file = parseFile(path, bytes, hash);
    cache?.set(file);
  }
  return validateDocument(file);
}

/** Decides the document's type and validates its frontmatter against that type's schema. */
export function validateDocument(file: ParsedFile): ControlledDocument {
  const parts = file.path.split('/');
  const folder = parts[0] === contentDir && parts.length > 2 ? parts[1] : undefined;
  const folderType = folder ? typeOfFolder.get(folder) : undefined;
  const raw = file.data as Record<string, unknown> | undefined;
  const declared = raw && typeof raw === 'object' && (documentTypes as readonly unknown[]).includes(raw.type) ? (raw.type as DocumentType) : undefined;
  const type = declared ?? folderType;
  const base = { path: file.path, file, folder, folderType, type };
  if (file.encodingProblem || file.missingFrontmatter || file.yamlProblems.length > 0 || !type) {
    return { ...base, data: {}, schemaIssues: [] };
  }
  const { data, issues } = validateFieldwise<DocumentFields & { type: DocumentType }>(documentSchemas[type], file.data, () => placesOf(file), file.frontmatterSpan);
  return { ...base, data, schemaIssues: issues };
}

function loadDataFile<T>(root: string, path: string, schema: Parameters<typeof validateWhole<T>>[0]): DataFile<T> {
  const full = join(root, path);
  if (!existsSync(full)) return { path, places: {}, yamlProblems: [], schemaIssues: [], missing: true };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(full));
  } catch {
    return { path, places: {}, yamlProblems: [], schemaIssues: [], encodingProblem: { message: '文件不是 UTF-8 编码的文本，请用 UTF-8 另存', span: start } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseYamlWithPlaces(text, { line: 1, column: 1 });
  if (parsed.problems.length > 0) return { path, places: parsed.places, yamlProblems: parsed.problems, schemaIssues: [] };
  const { data, issues } = validateWhole(schema, parsed.data, parsed.places, start);
  return { path, ...(data ? { data } : {}), places: parsed.places, yamlProblems: [], schemaIssues: issues };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(dir, path).split(sep).some((part) => part.startsWith('.')))
    .sort();
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}


/**
 * A parse cache kept as one small JSON file per file version under `dir/parse-<parser version>/`, so a
 * run after a one-file change reads the others and writes only that one. Each entry is written to a
 * temporary name and renamed, so an interrupted run never leaves a half-written entry; entries no file
 * uses any more, and folders of other parser versions, are removed when something was written.
 */
export function shardedParseCache(dir: string, version: string): ParseCache & { save(): void } {
  const folderName = `parse-${version.slice(0, 16)}`;
  const folder = join(dir, folderName);
  const keyOf = (path: string, hash: string) => createHash('sha1').update(path).update('\0').update(hash).digest('hex');
  const used = new Set<string>();
  const pending = new Map<string, ParsedFile>();
  return {
    get(path, hash) {
      const key = keyOf(path, hash);
      used.add(key);
      try {
        const file = JSON.parse(readFileSync(join(folder, `${key}.json`), 'utf8')) as ParsedFile;
        return file.path === path && file.hash === hash ? file : undefined;
      } catch {
        return undefined;
      }
    },
    set(file) {
      const key = keyOf(file.path, file.hash);
      used.add(key);
      pending.set(key, file);
    },
    save() {
      if (pending.size === 0) return;
      mkdirSync(folder, { recursive: true });
      for (const [key, file] of pending) {
        const temporary = join(folder, `${key}.${process.pid}.tmp`);
        writeFileSync(temporary, JSON.stringify(file));
        renameSync(temporary, join(folder, `${key}.json`));
      }
      pending.clear();
      for (const name of readdirSync(folder)) if (!used.has(name.replace(/\.json$/, ''))) rmSync(join(folder, name), { force: true });
      for (const name of readdirSync(dir)) if (name !== folderName && /^parse-/.test(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}
