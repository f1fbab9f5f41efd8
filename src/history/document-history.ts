/**
 * Version history of every document from one pass over the Git log: who changed it, when, what the
 * version was, and what changed from the previous version.
 */
import { contentDir } from '../model/load.ts';
import type { Revision } from '../model/schemas/common.ts';
import { diffBody, diffFields, type DiffLine, type FieldChange } from './diff.ts';
import { gitRunner, readBlobs, readLog, repositoryState, type GitCommit, type GitRunner, type RepositoryState } from './git.ts';
import { readSnapshot, type SnapshotFields } from './snapshot.ts';

/** A commit as shown to auditors. */
export interface CommitRef {
  hash: string;
  /** Position in the log, oldest first: orders commits that share a timestamp. */
  seq: number;
  date: string;
  author: string;
  subject: string;
  /** The main-line commit that brought it in (itself, or its pull request's merge): see GitCommit.batch. */
  batch?: string;
}

/** One version of a document (版本), as it entered the repository and as it stood at its last commit. */
export interface VersionEntry {
  version: string;
  status?: string;
  effectiveDate?: string;
  approvedBy?: string;
  reviewedBy?: string;
  /** The revision record (修订记录) for this version, when the document has one. */
  revision?: Revision;
  /** The commit that brought this version in; absent for versions known only from revision records. */
  introducedBy?: CommitRef;
  /** Every commit while the document stayed at this version (edits without a new version show here). */
  commits: CommitRef[];
  /** Frontmatter and body as of this version's last commit. */
  fields?: SnapshotFields;
  /** The Git blob of this version's last stored text (to read the whole file again, e.g. to show the version in force). */
  blob?: string;
  body?: string;
  /** Differences to the previous version found in Git. */
  fieldChanges?: FieldChange[];
  bodyDiff?: DiffLine[];
  /** True for versions older than the Git history, known only from the revision records. */
  fromRevisionRecords?: boolean;
}

export interface DocumentHistory {
  /** Path in the newest commit (or the last path before deletion). */
  path: string;
  number?: string;
  title?: string;
  type?: string;
  /** Oldest first. */
  versions: VersionEntry[];
  renames: { from: string; to: string; commit: CommitRef }[];
  deletedBy?: CommitRef;
  /** The first commit in which the document's status was obsolete (作废). */
  obsoletedBy?: CommitRef;
  /** The last commit that touched the file. */
  lastChange?: CommitRef;
}

export interface RepositoryHistory {
  available: boolean;
  /** A shallow clone lacks older commits: history is incomplete and says so. */
  shallow: boolean;
  head?: string;
  documents: DocumentHistory[];
  byPath: Map<string, DocumentHistory>;
  byNumber: Map<string, DocumentHistory>;
  gitProcesses: number;
  /** Why history is unavailable or incomplete, in Chinese, for pages and build output. */
  notice?: string;
}

interface Lineage {
  path: string;
  events: { commit: GitCommit; path: string; deleted: boolean; blob?: string }[];
  renames: { from: string; to: string; commit: GitCommit }[];
}

/** Reads the history of every content file. Uses at most four Git processes whatever the repository size. */
export function readRepositoryHistory(root: string, git: GitRunner = gitRunner(root), state: RepositoryState = repositoryState(git)): RepositoryHistory {
  const empty = (notice: string, shallow = false): RepositoryHistory => ({ available: false, shallow, documents: [], byPath: new Map(), byNumber: new Map(), gitProcesses: git.processes, notice });
  if (!state.isRepository || !state.head) return empty('这里不是 Git 仓库（或还没有提交），无法给出版本历史；修订记录仍可查看。');
  const commits = readLog(git, contentDir);
  const lineages = traceLineages(commits);

  const specs = new Set<string>();
  for (const lineage of lineages) for (const e of lineage.events) if (e.blob) specs.add(e.blob);
  const blobs = readBlobs(git, [...specs]);

  const documents = lineages
    .filter((l) => /\.mdx?$/.test(l.path))
    .map((lineage) => historyOf(lineage, blobs));
  const byPath = new Map(documents.filter((d) => !d.deletedBy).map((d) => [d.path, d]));
  const byNumber = new Map<string, DocumentHistory>();
  for (const d of documents) if (d.number && (!byNumber.has(d.number) || !d.deletedBy)) byNumber.set(d.number, d);
  return {
    available: true,
    shallow: state.shallow,
    head: state.head,
    documents,
    byPath,
    byNumber,
    gitProcesses: git.processes,
    ...(state.shallow ? { notice: '当前是浅克隆（shallow clone），较早的提交不在本地：版本历史不完整。请用 git fetch --unshallow 或在 CI 中设置 fetch-depth: 0 获取完整历史。' } : {}),
  };
}

/** Follows each file through additions, edits, renames and deletion. */
function traceLineages(commits: GitCommit[]): Lineage[] {
  const live = new Map<string, Lineage>();
  const all: Lineage[] = [];
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (change.status === 'R' && change.oldPath) {
        const lineage = live.get(change.oldPath) ?? newLineage(change.oldPath, all);
        live.delete(change.oldPath);
        lineage.renames.push({ from: change.oldPath, to: change.path, commit });
        lineage.path = change.path;
        lineage.events.push({ commit, path: change.path, deleted: false, ...(change.blob ? { blob: change.blob } : {}) });
        live.set(change.path, lineage);
      } else if (change.status === 'D') {
        const lineage = live.get(change.path);
        if (!lineage) continue;
        lineage.events.push({ commit, path: change.path, deleted: true });
        live.delete(change.path);
      } else {
        let lineage = change.status === 'A' ? undefined : live.get(change.path);
        if (!lineage) {
          lineage = newLineage(change.path, all);
          live.set(change.path, lineage);
        }
        lineage.events.push({ commit, path: change.path, deleted: false, ...(change.blob ? { blob: change.blob } : {}) });
      }
    }
  }
  return all;
}

function newLineage(path: string, all: Lineage[]): Lineage {
  const lineage: Lineage = { path, events: [], renames: [] };
  all.push(lineage);
  return lineage;
}

function ref(commit: GitCommit): CommitRef {
  return { hash: commit.hash, seq: commit.seq, date: commit.date, author: commit.author, subject: commit.subject, batch: commit.batch };
}

function historyOf(lineage: Lineage, blobs: Map<string, Buffer>): DocumentHistory {
  const versions: VersionEntry[] = [];
  let deletedBy: CommitRef | undefined;
  let obsoletedBy: CommitRef | undefined;
  let previousFinal: VersionEntry | undefined;
  for (const event of lineage.events) {
    if (event.deleted) {
      deletedBy = ref(event.commit);
      continue;
    }
    const blob = event.blob ? blobs.get(event.blob) : undefined;
    if (!blob) continue;
    const { fields, body } = readSnapshot(blob.toString('utf8'));
    const version = fields.version ?? '（无版本）';
    if (fields.status === 'obsolete' && !obsoletedBy) obsoletedBy = ref(event.commit);
    let current = versions.at(-1);
    if (!current || current.version !== version) {
      previousFinal = current;
      current = { version, introducedBy: ref(event.commit), commits: [] };
      versions.push(current);
    }
    current.commits.push(ref(event.commit));
    Object.assign(current, snapshotFacts(fields, version), { fields, body, blob: event.blob });
    if (previousFinal?.fields && previousFinal.body !== undefined) {
      current.fieldChanges = diffFields(previousFinal.fields.raw, fields.raw);
      current.bodyDiff = diffBody(previousFinal.body, body);
    }
  }
  const last = versions.at(-1)?.fields;
  const earlier = olderThanGit(versions);
  const lastEvent = lineage.events.at(-1);
  return {
    path: lineage.path,
    ...(last?.number ? { number: last.number } : {}),
    ...(last?.title ? { title: last.title } : {}),
    ...(last?.type ? { type: last.type } : {}),
    versions: [...earlier, ...versions],
    renames: lineage.renames.map((r) => ({ from: r.from, to: r.to, commit: ref(r.commit) })),
    ...(deletedBy ? { deletedBy } : {}),
    ...(obsoletedBy ? { obsoletedBy } : {}),
    ...(lastEvent ? { lastChange: ref(lastEvent.commit) } : {}),
  };
}

function snapshotFacts(fields: SnapshotFields, version: string): Partial<VersionEntry> {
  const revision = fields.revisions.find((r) => r.version === version);
  return {
    ...(fields.status ? { status: fields.status } : {}),
    ...(fields.effectiveDate ? { effectiveDate: fields.effectiveDate } : {}),
    ...(fields.approvedBy ? { approvedBy: fields.approvedBy } : {}),
    ...(fields.reviewedBy ? { reviewedBy: fields.reviewedBy } : {}),
    ...(revision ? { revision } : {}),
  };
}

/** Versions listed in the first stored state's revision records that predate the Git history. */
function olderThanGit(versions: VersionEntry[]): VersionEntry[] {
  const first = versions[0];
  if (!first?.fields) return [];
  const known = new Set(versions.map((v) => v.version));
  const out: VersionEntry[] = [];
  for (const revision of first.fields.revisions) {
    if (revision.version === first.version) break;
    if (known.has(revision.version)) continue;
    out.push({ version: revision.version, revision, commits: [], fromRevisionRecords: true, effectiveDate: revision.date, status: 'effective' });
  }
  return out;
}
