/** Loads a whole document set from disk: organisation data, frameworks and every controlled document. */
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deepFreeze } from './deep-freeze.ts';
import { documentTypes, typeOfFolder, type DocumentType } from './document-types.ts';
import { parseYamlWithPlaces, type FieldPlace, type YamlProblem } from './frontmatter.ts';
import { hashOf, parseFile, placesOf, type ParsedFile } from './parse-file.ts';
import type { Span } from './position.ts';
import { documentSchemas } from './schemas/index.ts';
import type { ExternalDocument } from './schemas/external.ts';
import type { Flow } from './schemas/flow.ts';
import type { ManualSection } from './schemas/manual-section.ts';
import { distributionRegisterSchema, type DistributionRegister } from './schemas/distribution.ts';
import { approvalsFileSchema, type ApprovalsFile } from './schemas/approvals.ts';
import { frameworkSchema, organizationSchema, type Framework, type Organization } from './schemas/organization.ts';
import type { Procedure } from './schemas/procedure.ts';
import type { RecordTemplate } from './schemas/record.ts';
import type { Regulation } from './schemas/regulation.ts';
import type { Standard } from './schemas/standard.ts';
import { validateFieldwise, validateWhole, type SchemaIssue } from './validate.ts';

/** Every field any document type may carry; only the fields that passed validation are present. */
export type DocumentFields = Partial<
  Omit<ManualSection, 'type'> & Omit<Procedure, 'type'> & Omit<Flow, 'type'> & Omit<Standard, 'type'> & Omit<Regulation, 'type'> & Omit<RecordTemplate, 'type'> & Omit<ExternalDocument, 'type'>
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

/** A symbolic link under content/ (符号链接): never followed, reported by syntax/symlink. */
export interface SymlinkEntry {
  /** Path of the link itself relative to the project root, forward slashes. */
  path: string;
  /** What the link points to, as written in it (Git stores this text). */
  target: string;
}

export interface DocumentSet {
  root: string;
  organization: DataFile<Organization>;
  frameworks: DataFile<Framework>[];
  /** content/org/approvals.yaml (批准记录); absent in sets built by hand in tests. */
  approvals?: DataFile<ApprovalsFile>;
  documents: ControlledDocument[];
  /** Symbolic links found under content/; nothing behind them was read. */
  symlinks: SymlinkEntry[];
  /** 发放回收登记 (content/copies/distribution.yaml); `missing` when the college keeps no paper copies. */
  distribution?: DataFile<DistributionRegister>;
}

export const contentDir = 'content';
export const organizationPath = `${contentDir}/org/organization.yaml`;
export const approvalsPath = `${contentDir}/org/approvals.yaml`;
export const frameworksDir = `${contentDir}/org/frameworks`;
export const distributionPath = `${contentDir}/copies/distribution.yaml`;
const documentExtensions = /\.mdx?$/;
const start: Span = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** Parsed files from an earlier run, reused when the bytes are unchanged. */
export interface ParseCache {
  get(path: string, hash: string): ParsedFile | undefined;
  set(file: ParsedFile): void;
  /**
   * The fields of a file from `get` whose frontmatter passed its schema whole on an earlier run, as the
   * schema gave them back: validating thousands of unchanged files again costs more than reading them.
   */
  validFields?(file: ParsedFile): DocumentFields | undefined;
  /** Keeps the fields of a file that passed its schema whole, for validFields on later runs. */
  setValidFields?(file: ParsedFile, data: DocumentFields): void;
  /** A YAML data file (organisation, framework, …) as an earlier run loaded it from the same bytes. */
  dataFile?(path: string, hash: string): DataFile<unknown> | undefined;
  /** Keeps a loaded data file, by the hash of its bytes, for dataFile on later runs. */
  setDataFile?(hash: string, file: DataFile<unknown>): void;
}

export interface LoadOptions {
  cache?: ParseCache;
  /** Keep each parsed body's syntax tree for the renderer (takeBodyTree); the build renders them all next. */
  keepBodyTrees?: boolean;
}

/**
 * Loads the set under `root`. Symbolic links under content/ are never followed, file or folder: one
 * from a pull request could publish files from outside the repository, or loop (content/loop -> .).
 */
export function loadDocumentSet(root: string, options: LoadOptions = {}): DocumentSet {
  const { files, symlinks } = walkContent(root);
  const organizationLinked = !files.includes(organizationPath);
  return {
    root,
    organization: organizationLinked ? missingDataFile(organizationPath) : loadDataFile(root, organizationPath, organizationSchema, options.cache),
    frameworks: files
      .filter((f) => f.startsWith(`${frameworksDir}/`) && /\.ya?ml$/.test(f))
      .map((f) => loadDataFile(root, f, frameworkSchema, options.cache)),
    approvals: files.includes(approvalsPath) ? loadDataFile(root, approvalsPath, approvalsFileSchema, options.cache) : missingDataFile(approvalsPath),
    documents: files.filter((f) => documentExtensions.test(f)).map((f) => loadDocument(f, readFileSync(join(root, f)), options)),
    symlinks,
    // Never through a link: a linked register is missing here, and syntax/symlink names the link.
    distribution: files.includes(distributionPath) ? loadDataFile(root, distributionPath, distributionRegisterSchema, options.cache) : missingDataFile(distributionPath),
  };
}

/** Loads one document from its bytes (also used by tests and the editor preview). */
export function loadDocument(path: string, bytes: Uint8Array, { cache, keepBodyTrees }: LoadOptions = {}): ControlledDocument {
  const hash = cache ? hashOf(bytes) : undefined;
  let file = hash ? cache!.get(path, hash) : undefined;
  if (!file) {
    file = parseFile(path, bytes, { hash, keepBodyTree: keepBodyTrees });
    cache?.set(file);
  }
  return validateDocument(file, cache);
}

/**
 * Decides the document's type and validates its frontmatter against that type's schema. With a
 * cache, a file that passed whole before takes its fields from there (the parser version covers the
 * schemas, see parser-version.ts).
 */
export function validateDocument(file: ParsedFile, cache?: ParseCache): ControlledDocument {
  const parts = file.path.split('/');
  const folder = parts[0] === contentDir && parts.length > 2 ? parts[1] : undefined;
  const folderType = folder ? typeOfFolder.get(folder) : undefined;
  const raw = file.data as Record<string, unknown> | undefined;
  const declared = raw && typeof raw === 'object' && (documentTypes as readonly unknown[]).includes(raw.type) ? (raw.type as DocumentType) : undefined;
  const type = declared ?? folderType;
  const base = { path: file.path, file, folder, folderType, type };
  if (file.encodingProblem || file.tooLarge || file.missingFrontmatter || file.yamlProblems.length > 0 || !type) {
    return { ...base, data: {}, schemaIssues: [] };
  }
  const known = cache?.validFields?.(file);
  if (known) return { ...base, data: known, schemaIssues: [] };
  const { data, issues } = validateFieldwise<DocumentFields & { type: DocumentType }>(documentSchemas[type], file.data, () => placesOf(file), file.frontmatterSpan);
  // Kept only when JSON gives the very same fields back, so that a cached run loads the same model.
  if (issues.length === 0 && survivesJson(data)) cache?.setValidFields?.(file, data);
  return { ...base, data, schemaIssues: issues };
}

/** Whether JSON.parse(JSON.stringify(value)) is `value` again: plain objects and arrays of strings, booleans, null and finite numbers other than -0. */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !survivesJson(value[i])) return false;
    return true;
  }
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(survivesJson);
}

function missingDataFile<T>(path: string): DataFile<T> {
  return { path, places: {}, yamlProblems: [], schemaIssues: [], missing: true };
}

/**
 * Loads a YAML data file with the place of every field. With a cache, the same bytes give back what
 * an earlier run loaded: the parse with places is the slow one, and the organisation file is large.
 */
function loadDataFile<T>(root: string, path: string, schema: Parameters<typeof validateWhole<T>>[0], cache?: ParseCache): DataFile<T> {
  const full = join(root, path);
  if (!existsSync(full)) return missingDataFile(path);
  const bytes = readFileSync(full);
  const hash = cache?.dataFile ? hashOf(bytes) : undefined;
  const known = hash ? (cache!.dataFile!(path, hash) as DataFile<T> | undefined) : undefined;
  if (known) return known;
  const loaded = readDataFile(path, bytes, schema);
  // Kept only when JSON gives it back unchanged, as validFields are.
  if (hash && survivesJson(loaded)) cache!.setDataFile?.(hash, loaded);
  return loaded;
}

function readDataFile<T>(path: string, bytes: Uint8Array, schema: Parameters<typeof validateWhole<T>>[0]): DataFile<T> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { path, places: {}, yamlProblems: [], schemaIssues: [], encodingProblem: { message: '文件不是 UTF-8 编码的文本，请用 UTF-8 另存', span: start } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseYamlWithPlaces(text, { line: 1, column: 1 });
  if (parsed.problems.length > 0) return { path, places: parsed.places, yamlProblems: parsed.problems, schemaIssues: [] };
  const { data, issues } = validateWhole(schema, parsed.data, parsed.places, start);
  return { path, ...(data ? { data } : {}), places: parsed.places, yamlProblems: [], schemaIssues: issues };
}

/**
 * The regular files under content/ (paths from the root, sorted) and the symbolic links met on the
 * way, which are listed but not entered or read. Names starting with a dot are skipped, as before.
 * Walked by hand: readdir's own recursion follows links to folders.
 */
function walkContent(root: string): { files: string[]; symlinks: SymlinkEntry[] } {
  const files: string[] = [];
  const symlinks: SymlinkEntry[] = [];
  const linkOf = (path: string): SymlinkEntry => {
    let target = '';
    try {
      target = readlinkSync(join(root, path));
    } catch {
      // Unreadable link: reported without its target.
    }
    return { path, target };
  };
  let top;
  try {
    top = lstatSync(join(root, contentDir));
  } catch {
    return { files, symlinks };
  }
  if (top.isSymbolicLink()) return { files, symlinks: [linkOf(contentDir)] };
  const pending = [contentDir];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = `${dir}/${entry.name}`;
      if (entry.isSymbolicLink()) symlinks.push(linkOf(path));
      else if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) files.push(path);
    }
  }
  files.sort();
  symlinks.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, symlinks };
}

/** Reads a file of the set for display (a source line under a finding); never through a symbolic link. */
export function readSourceFile(root: string, path: string): string | undefined {
  try {
    let at = root;
    for (const part of path.split('/')) {
      at = join(at, part);
      if (lstatSync(at).isSymbolicLink()) return undefined;
    }
    return readFileSync(at, 'utf8');
  } catch {
    return undefined;
  }
}


/**
 * The parse cache under `<root>/.cache/shoukong`, when that folder can be made and written to. A
 * read-only checkout (or a .cache owned by someone else) runs without a cache, with one warning line,
 * instead of stopping with EACCES: the cache only saves time.
 */
export function openParseCache(root: string, version: string): { cache?: ParseCache & { save(): void }; dir?: string; warning?: string } {
  const dir = join(root, '.cache/shoukong');
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { warning: `注意：无法写入缓存文件夹 .cache/shoukong（${code}），本次不使用缓存，检查结果不受影响` };
  }
  const cache = shardedParseCache(dir, version);
  return {
    dir,
    cache: {
      ...cache,
      save() {
        try {
          cache.save();
        } catch {
          // A cache that cannot be written (disk full, permissions changed) is only a slower next run.
        }
      },
    },
  };
}

/** A parse cache entry: a parsed document and its fields when they passed their schema whole, or a data file. */
type CacheEntry = { file: ParsedFile; fields?: DocumentFields } | { dataFile: DataFile<unknown>; hash: string };

/**
 * A parse cache under `dir/parse-<parser version>/`, its entries spread over at most 256 shard files by
 * the first two hex digits of their key: a first build of thousands of files writes a few hundred
 * files, not one per document, and a run after a one-file change rewrites only that file's shard.
 * A shard is written to a temporary name and renamed, so a reader never sees half of one; a damaged
 * shard reads as misses. Entries no file uses any more, and folders of other parser versions, are
 * removed when something was written.
 */
export function shardedParseCache(dir: string, version: string): ParseCache & { save(): void } {
  const folderName = `parse-${version.slice(0, 16)}`;
  const folder = join(dir, folderName);
  const keyOf = (path: string, hash: string) => createHash('sha1').update(path).update('\0').update(hash).digest('hex');
  const shardFile = (shard: string) => join(folder, `${shard}.json`);
  /** Shards as read from disk, by their two-digit name. */
  const shards = new Map<string, Record<string, CacheEntry>>();
  const shardOf = (key: string): Record<string, CacheEntry> => {
    const name = key.slice(0, 2);
    let shard = shards.get(name);
    if (!shard) {
      shard = readShard(shardFile(name));
      shards.set(name, shard);
    }
    return shard;
  };
  const used = new Set<string>();
  const pending = new Map<string, CacheEntry>();
  /** The valid fields of the files `get` gave out. */
  const fieldsOf = new WeakMap<ParsedFile, DocumentFields>();
  return {
    get(path, hash) {
      const key = keyOf(path, hash);
      used.add(key);
      const entry = shardOf(key)[key];
      const file = entry && 'file' in entry ? entry.file : undefined;
      if (file?.path !== path || file.hash !== hash) return undefined;
      const fields = (entry as { fields?: DocumentFields }).fields;
      if (fields) fieldsOf.set(file, fields);
      return file;
    },
    set(file) {
      const key = keyOf(file.path, file.hash);
      used.add(key);
      pending.set(key, { file });
    },
    validFields(file) {
      return fieldsOf.get(file);
    },
    setValidFields(file, fields) {
      const key = keyOf(file.path, file.hash);
      used.add(key);
      pending.set(key, { file, fields });
    },
    dataFile(path, hash) {
      const key = keyOf(path, hash);
      used.add(key);
      const entry = shardOf(key)[key];
      return entry && 'dataFile' in entry && entry.dataFile.path === path && entry.hash === hash ? entry.dataFile : undefined;
    },
    setDataFile(hash, dataFile) {
      const key = keyOf(dataFile.path, hash);
      used.add(key);
      pending.set(key, { dataFile, hash });
    },
    save() {
      if (pending.size === 0) return;
      mkdirSync(folder, { recursive: true });
      const changed = new Set([...pending.keys()].map((key) => key.slice(0, 2)));
      for (const [key, entry] of pending) shardOf(key)[key] = entry;
      pending.clear();
      // Shards on disk that were never read hold only entries no file uses any more (another run's
      // temporary files are left to it).
      for (const name of readdirSync(folder)) {
        if (!name.endsWith('.tmp') && !shards.has(name.replace(/\.json$/, ''))) rmSync(join(folder, name), { force: true });
      }
      for (const [name, shard] of shards) {
        for (const key of Object.keys(shard)) {
          if (!used.has(key)) {
            delete shard[key];
            changed.add(name);
          }
        }
        if (!changed.has(name)) continue;
        if (Object.keys(shard).length === 0) {
          rmSync(shardFile(name), { force: true });
          continue;
        }
        const temporary = `${shardFile(name)}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(shard));
        renameSync(temporary, shardFile(name));
        rememberShard(shardFile(name), shard);
      }
      for (const name of readdirSync(dir)) if (name !== folderName && /^parse-/.test(name)) rmSync(join(dir, name), { recursive: true, force: true });
    },
  };
}

/**
 * Shards this process read or wrote, by file, with the stamp (inode, size, time) the file had then:
 * a later run in the same process (npm run build -- --watch, check:watch, the dev preview) takes a
 * shard whose file is unchanged from here instead of parsing its JSON again. A stale or foreign shard
 * could only cost hits: every entry is checked against the path and hash asked for. Entries taken
 * again are frozen, since the files and fields they hold go out to every run that loads them: code
 * that changed one would throw instead of changing what the next run loads.
 */
const shardMemo = new Map<string, { stamp: string; entries: Record<string, CacheEntry> }>();

function stampOf(file: string): string | undefined {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** A shard's entries, as a record of its own (the caller adds and removes entries). */
function readShard(file: string): Record<string, CacheEntry> {
  const stamp = stampOf(file);
  const known = shardMemo.get(file);
  if (stamp && known?.stamp === stamp) {
    // Frozen once a second run takes them (a run with no other after it, as npm run check, pays nothing).
    for (const entry of Object.values(known.entries)) deepFreeze(entry);
    return { ...known.entries };
  }
  let entries: Record<string, CacheEntry>;
  try {
    entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CacheEntry>;
  } catch {
    shardMemo.delete(file);
    return {};
  }
  if (stamp) rememberShard(file, entries, stamp);
  return { ...entries };
}

function rememberShard(file: string, entries: Record<string, CacheEntry>, stamp = stampOf(file)): void {
  if (stamp) shardMemo.set(file, { stamp, entries: { ...entries } });
}
