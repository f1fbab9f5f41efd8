/**
 * The development preview's state (开发预览): the document set, the site made from it and the check
 * findings, kept up to date as content files are saved. One session per content root and process,
 * shared by the Astro content loaders, which each hear the same file events.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { checkInputs } from '../../check/prepare-check.ts';
import { runCheck } from '../../check/run-check.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { contentDir, loadDocument, loadDocumentSet, organizationPath, shardedParseCache, type DocumentSet, type ParseCache } from '../../model/load.ts';
import { parserVersion } from '../../model/parser-version.ts';
import { groupFindings, type FileFindings } from './dev-findings.ts';
import { devSessions } from '../astro/build-input.ts';
import { reloadSite, type LoadedSite } from '../astro/load-site.ts';

/** What the preview shows after one round of loading and checking. */
export interface DevSnapshot {
  set: DocumentSet;
  site: LoadedSite;
  diagnostics: Diagnostic[];
  findings: FileFindings[];
  /** Content paths (relative, forward slashes) whose change this snapshot took in; empty for the first. */
  changed: string[];
  /** Milliseconds spent re-loading the set (and site model) and running the check (with mermaid's parse of changed flowcharts). */
  timings: { load: number; check: number };
}

/** A file event the loaders pass on. */
export type ContentEvent = 'add' | 'change' | 'unlink';

/** The live state of the preview. */
export interface DevSession {
  /** The latest snapshot (loads the set on first use). */
  current(): Promise<DevSnapshot>;
  /**
   * Reports a file event (absolute path). Returns the snapshot that includes it, or undefined when
   * the file is not content. Events arriving together (a save of several files, a git checkout) share one reload.
   */
  changed(path: string, event: ContentEvent): Promise<DevSnapshot> | undefined;
  /** The content folder the file watcher must cover. */
  contentFolder: string;
}

/** Milliseconds to gather events that arrive together before reloading once. */
const batchWindowMs = 25;

/** The session for a content root, created on first use (one per process, as Vite may load this module twice: see build-input.ts). */
export function devSession(root: string, projectRoot: string, options: { today?: string } = {}): DevSession {
  const sessions = devSessions();
  let session = sessions.get(root);
  if (!session) {
    session = createDevSession(root, projectRoot, options);
    sessions.set(root, session);
  }
  return session;
}

/** Whether a content-relative path is one the set is loaded from (documents, organisation, frameworks). */
export function isContentFile(path: string): boolean {
  return path.startsWith(`${contentDir}/`) && /\.(mdx?|ya?ml)$/.test(path) && !path.split('/').some((part) => part.startsWith('.'));
}

/** A fresh session (exported for tests; the loaders use devSession). */
export function createDevSession(root: string, projectRoot: string, options: { today?: string } = {}): DevSession {
  const cache = shardedParseCache(join(root, '.cache/shoukong'), parserVersion());
  let latest: Promise<DevSnapshot> = snapshot(() => loadDocumentSet(root, { cache }), []);
  let batch: { paths: Map<string, ContentEvent>; promise: Promise<DevSnapshot> } | undefined;

  async function snapshot(load: () => DocumentSet, changed: string[]): Promise<DevSnapshot> {
    const started = performance.now();
    const set = load();
    cache.save();
    const site = await reloadSite(root, projectRoot, set, options.today);
    const loaded = performance.now();
    // As npm run check does: mermaid judges each flowchart once (cached by source), so only a changed
    // flowchart costs a parse (about 1 s, in a child process) before the check.
    const diagnostics = runCheck(set, checkInputs(set, { history: false, cacheDir: join(root, '.cache/shoukong'), ...(options.today ? { today: options.today } : {}) }));
    const findings = groupFindings(set, site, diagnostics);
    return { set, site, diagnostics, findings, changed, timings: { load: Math.round(loaded - started), check: Math.round(performance.now() - loaded) } };
  }

  function reload(previous: DevSnapshot, paths: Map<string, ContentEvent>): Promise<DevSnapshot> {
    return snapshot(() => updatedSet(root, previous.set, paths, cache), [...paths.keys()].sort());
  }

  return {
    contentFolder: join(root, contentDir),
    current: () => latest,
    changed(path, event) {
      const rel = relative(root, path).split(sep).join('/');
      if (isAbsolute(rel) || rel.startsWith('../') || !isContentFile(rel)) return undefined;
      if (batch) {
        batch.paths.set(rel, event);
        return batch.promise;
      }
      const paths = new Map([[rel, event]]);
      const before = latest;
      const promise = new Promise<void>((resolve) => setTimeout(resolve, batchWindowMs))
        .then(() => {
          batch = undefined;
          // A failed earlier round leaves nothing to build on: load everything again.
          return before.then((previous) => reload(previous, paths), () => snapshot(() => loadDocumentSet(root, { cache }), [...paths.keys()]));
        });
      batch = { paths, promise };
      latest = promise;
      return promise;
    },
  };
}

/**
 * The set after some files changed: a changed document is parsed again on its own (the parse cache
 * makes the rest free); anything else (a file added or removed, the organisation, a framework)
 * loads the whole set again, so the order and the data files are exactly what `npm run check` sees.
 */
function updatedSet(root: string, previous: DocumentSet, paths: ReadonlyMap<string, ContentEvent>, cache: ParseCache): DocumentSet {
  const index = new Map(previous.documents.map((d, i) => [d.path, i]));
  const onlyDocumentEdits = [...paths].every(([path, event]) => event === 'change' && index.has(path) && path !== organizationPath && isRegularFile(join(root, path)));
  if (!onlyDocumentEdits) return loadDocumentSet(root, { cache });
  const documents = [...previous.documents];
  for (const path of paths.keys()) documents[index.get(path)!] = loadDocument(path, readFileSync(join(root, path)), { cache });
  return { ...previous, documents };
}

/** A file that is there and no symbolic link (one replacing a document loads the whole set again, which reports it). */
function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}
