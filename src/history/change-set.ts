/** What a pull request changes in the controlled set, compared with its base commit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../model/frontmatter.ts';
import type { ControlledDocument, DocumentSet } from '../model/load.ts';
import { contentDir } from '../model/load.ts';
import { listTree, readBlobs, type GitRunner } from './git.ts';
import { readSnapshot, type SnapshotFields } from './snapshot.ts';

/** A document as it stood in the base commit. */
export interface BaseDocument {
  path: string;
  fields: SnapshotFields;
  body: string;
}

export interface ChangedPair {
  doc: ControlledDocument;
  base: BaseDocument;
  /** Anything beyond bookkeeping (lastReviewed, acknowledges, the example mark) and a move to obsolete changed. */
  contentChanged: boolean;
}

export interface ChangeSet {
  baseRef: string;
  added: ControlledDocument[];
  /** Documents present in both, matched by path, or by number when the file moved. */
  pairs: ChangedPair[];
  /** Base documents whose path and number are both gone. */
  deleted: BaseDocument[];
  /** The approvals file (content/org/approvals.yaml) as it stood in the base commit, when it existed. */
  baseApprovals?: string;
}

/** Fields whose change alone needs no new version. */
const bookkeeping = new Set(['lastReviewed', 'acknowledges', 'status', 'example']);

/** Reads the base commit's documents with two Git processes. */
export function readBaseDocuments(git: GitRunner, baseRef: string): BaseDocument[] {
  const paths = listTree(git, baseRef, contentDir).filter((p) => /\.mdx?$/.test(p));
  const blobs = readBlobs(git, paths.map((p) => `${baseRef}:${p}`));
  return paths.flatMap((path) => {
    const blob = blobs.get(`${baseRef}:${path}`);
    if (!blob) return [];
    return [{ path, ...readSnapshot(blob.toString('utf8')) }];
  });
}

/** The base commit's approvals file, whose records a pull request may only add to. */
export function readBaseApprovals(git: GitRunner, baseRef: string): string | undefined {
  const path = `${contentDir}/org/approvals.yaml`;
  if (!listTree(git, baseRef, path).includes(path)) return undefined;
  return readBlobs(git, [`${baseRef}:${path}`]).get(`${baseRef}:${path}`)?.toString('utf8');
}

export function compareWithBase(set: DocumentSet, baseDocs: BaseDocument[], baseRef: string, baseApprovals?: string): ChangeSet {
  const byPath = new Map(set.documents.map((d) => [d.path, d]));
  const byNumber = new Map<string, ControlledDocument>();
  for (const d of set.documents) if (d.data.number && !byNumber.has(d.data.number)) byNumber.set(d.data.number, d);
  const matched = new Set<ControlledDocument>();
  const pairs: ChangedPair[] = [];
  const deleted: BaseDocument[] = [];
  for (const base of baseDocs) {
    const doc = byPath.get(base.path) ?? (base.fields.number ? byNumber.get(base.fields.number) : undefined);
    if (!doc) {
      deleted.push(base);
      continue;
    }
    matched.add(doc);
    pairs.push({ doc, base, contentChanged: contentChanged(set.root, doc, base) });
  }
  return { baseRef, added: set.documents.filter((d) => !matched.has(d)), pairs, deleted, ...(baseApprovals !== undefined ? { baseApprovals } : {}) };
}

function contentChanged(root: string, doc: ControlledDocument, base: BaseDocument): boolean {
  const now = (doc.file.data ?? {}) as Record<string, unknown>;
  const body = splitFrontmatter(readFileSync(join(root, doc.path), 'utf8'))?.body ?? '';
  if (normalize(body) !== normalize(base.body)) return true;
  const keys = new Set([...Object.keys(now), ...Object.keys(base.fields.raw)]);
  for (const key of keys) {
    if (bookkeeping.has(key) && !(key === 'status' && now[key] !== 'obsolete')) continue;
    if (JSON.stringify(now[key]) !== JSON.stringify(base.fields.raw[key])) return true;
  }
  return false;
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\s+$/, '');
}
