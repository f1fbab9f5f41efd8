/**
 * The incremental site build, in two degrees:
 *
 * - Pages: a document page or a history page whose inputs are the same as in the previous build is
 *   not rendered again but hard-linked from the previous site (dist/). Astro still renders every
 *   other page (home, lists, matrices, register, audit…: a few dozen), so whatever those show is
 *   always current; only the two per-document routes, nine pages in ten, are reused.
 * - Bodies: when nothing but document bodies changed (every page's data, the history, the other
 *   content files are as before, and no document came or went), Astro does not run at all: each
 *   changed page is the previous one with its new body and table of contents put between the
 *   markers the page wrote them in (view/document-regions.ts), and the build renames these few
 *   files (and the search parts and PDFs that changed) into the previous site in place, instead of
 *   making a new site of thousands of links. This is the author's edit-and-look loop; a commit
 *   changes the history pages, so it takes the first way.
 *
 * A page's key is everything it is made from: for a document page its page data, body inputs and
 * flowcharts (LoadedSite.pageDigest), its last change (the header line); for a history page its
 * whole view. Every key also holds what all pages share (institution, base path, PDF links, build
 * date) and the fingerprint of the site's code (src/, astro.config.mjs, package.json and its lock,
 * public/): a change there renders everything, as a first build does. The keys of the site in
 * dist/ are kept in the cache beside the inode of that dist/ folder, so a dist/ that some other
 * process replaced is never taken for the one they describe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { linkFile } from '../../fs/hard-links.ts';
import { hashOf } from '../../model/parse-file.ts';
import { dirname, join, resolve } from 'node:path';
import type { DocumentSet } from '../../model/load.ts';
import type { LoadedSite } from '../astro/load-site.ts';
import { fillFlowcharts } from '../astro/flowchart-slots.ts';
import type { HistorySite } from '../history/history-site.ts';
import { bodyRegion, replaceRegion, tocRegion } from '../view/document-regions.ts';
import { rebaseHtml } from './base-path.ts';

/** Bumped when the meaning of a key changes. */
const manifestVersion = 4;

/** Where the keys of each output folder's site are kept, under the content root. */
export const pageKeysDir = '.cache/shoukong/site-pages';

/** What the build needs from the plan: render pages with Astro (all of them, or the changed ones and the shell), or only put new bodies in. */
export type PageReusePlan = AstroPlan | BodiesPlan;

interface PlanCommon {
  /** Why this build renders every page (first build, code changed…); empty when incremental. */
  reason: string;
  /** The document and history pages to render; undefined: every page. */
  render: ReadonlySet<string> | undefined;
  /** How many pages are reused. */
  reused: number;
  /** Records the keys of the site now in `outDir`, and how many pages it has. */
  save(pageCount: number): void;
}

/** 'full': Astro renders every page; 'incremental': Astro renders the pages in `render` and the shell pages, the rest is reused. */
export interface AstroPlan extends PlanCommon {
  mode: 'full' | 'incremental';
  /** Hard-links the reused pages from the previous site into `staging` (after Astro wrote it). */
  linkReused(staging: string): void;
}

/** 'bodies': only document bodies changed; Astro does not run and the previous site is updated in place. */
export interface BodiesPlan extends PlanCommon {
  mode: 'bodies';
  /** How many pages the site has: as many as before, since no page came or went. */
  pageCount: number;
  /** Writes the changed pages, each the previous page with its new body and contents, into `staging`; returns their files relative to the site. */
  writeBodies(staging: string): string[];
  /** Forgets the keys before the site is changed in place: a build stopped midway leaves keys of no site, and the next renders all. */
  forget(): void;
}

export interface PageReuseInputs {
  projectRoot: string;
  contentRoot: string;
  outDir: string;
  set: DocumentSet;
  site: LoadedSite;
  history: HistorySite;
  /** What every page shows alike: base path, PDF links, build date. */
  shared: { base: string; pdf: boolean; today: string };
}

interface Manifest {
  version: number;
  code: string;
  shared: string;
  /** Inode of the dist/ folder these keys describe. */
  outDir: number;
  /** Everything but the document pages' bodies: the site model, history, other content files. */
  rest: string;
  /** Site path (/procedures/jmi-cx-13/) → key. */
  pages: Record<string, string>;
  /** Document page path → key of everything on it but its body and table of contents. */
  shells: Record<string, string>;
  /** How many pages (HTML files) the site has. */
  pageCount: number;
}

/** Decides which document and history pages can be taken from the previous site. */
export function planPageReuse(inputs: PageReuseInputs): PageReusePlan {
  const { contentRoot, outDir, site, history } = inputs;
  const code = siteCodeFingerprint(inputs.projectRoot);
  const shared = JSON.stringify([inputs.shared, site.site.institution, history.history.notice ?? null]);
  const { keys, shells } = pageKeys(site, history, `${code}\0${shared}`);
  const rest = restKey(inputs, shells);
  const manifestFile = join(contentRoot, pageKeysDir, `${hashOf(resolve(outDir)).slice(0, 16)}.json`);
  const previous = readManifest(manifestFile);
  const reason = !previous
    ? '没有上次构建的记录'
    : previous.code !== code
      ? '网站代码或依赖有改动'
      : previous.shared !== shared
        ? '全站共用的信息有改动'
        : !existsSync(outDir) || statSync(outDir).ino !== previous.outDir
          ? `${outDir} 不是上次构建的结果`
          : '';
  const changed = (reusable: (path: string) => boolean) => new Set([...keys.keys()].filter((path) => !reusable(path)));
  const bodies = !reason && previous!.rest === rest ? newBodies(inputs, previous!, keys, shells, changed((path) => previous!.pages[path] === keys.get(path))) : undefined;
  if (bodies) {
    return {
      mode: 'bodies',
      reason,
      render: new Set(bodies.keys()),
      reused: keys.size - bodies.size,
      pageCount: previous!.pageCount,
      writeBodies(staging) {
        for (const [path, page] of bodies) {
          mkdirSync(dirname(pageFile(staging, path)), { recursive: true });
          writeFileSync(pageFile(staging, path), page);
        }
        return [...bodies.keys()].map((path) => pageFile('', path).slice(1));
      },
      forget: () => rmSync(manifestFile, { force: true }),
      save,
    };
  }
  // Reused pages are linked from the previous site: one missing there is rendered instead.
  const reusable = new Set<string>();
  if (!reason) for (const [path, key] of keys) if (previous!.pages[path] === key && existsSync(pageFile(outDir, path))) reusable.add(path);
  const render = reason ? undefined : changed((path) => reusable.has(path));
  return {
    mode: reason ? 'full' : 'incremental',
    reason,
    render,
    reused: reusable.size,
    linkReused(staging) {
      for (const path of reusable) {
        const target = pageFile(staging, path);
        // Astro renders only unselected pages; one there already would mean the selection leaked.
        if (existsSync(target)) throw new Error(`页面 ${path} 既被重用又被重新生成`);
        mkdirSync(dirname(target), { recursive: true });
        linkFile(pageFile(outDir, path), target);
      }
    },
    save,
  };
  function save(pageCount: number): void {
    const manifest: Manifest = { version: manifestVersion, code, shared, outDir: statSync(outDir).ino, rest, pages: Object.fromEntries(keys), shells: Object.fromEntries(shells), pageCount };
    mkdirSync(dirname(manifestFile), { recursive: true });
    writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest));
    renameSync(`${manifestFile}.tmp`, manifestFile);
  }
}

/**
 * When every page to render is a document page whose shell is unchanged (only its body differs) and
 * no page came or went: each such page of the previous site with its new body and table of
 * contents. Undefined when Astro must render (or a page lacks its markers).
 */
function newBodies(inputs: PageReuseInputs, previous: Manifest, keys: Map<string, string>, shells: Map<string, string>, render: ReadonlySet<string>): Map<string, string> | undefined {
  const { site, outDir } = inputs;
  if (Object.keys(previous.pages).length !== keys.size || [...keys.keys()].some((path) => !(path in previous.pages))) return undefined;
  const byHref = new Map(site.documents.map((doc) => [doc.href, doc]));
  const pages = new Map<string, string>();
  for (const path of render) {
    const doc = byHref.get(path);
    if (!doc || previous.shells[path] !== shells.get(path) || !existsSync(pageFile(outDir, path))) return undefined;
    const body = site.renderBodyOf(doc.number);
    const html = fillFlowcharts(rebaseHtml(inputs.shared.base, body.html), site.flowchartSvg);
    // As the content loader stores them and the page reads them (content-loader.ts, [folder]/[slug].astro).
    const headings = body.headings.map((h) => ({ depth: h.depth, slug: h.id, text: h.text }));
    const withBody = replaceRegion(readFileSync(pageFile(outDir, path), 'utf8'), 'body', bodyRegion(html));
    const page = withBody === undefined ? undefined : replaceRegion(withBody, 'toc', tocRegion(headings));
    if (page === undefined) return undefined;
    pages.set(path, page);
  }
  return pages;
}

/**
 * What the pages other than document pages are made from, and what document pages show besides
 * their bodies: every page's data, the home page's model, the history views and the repository's
 * head, each document's frontmatter, and every other file under content/ by its bytes.
 */
function restKey({ contentRoot, set, site, history }: PageReuseInputs, shells: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1');
  // The site model by what it is made from; each document's page data is in its shell's key.
  hash.update(site.modelKey);
  for (const [path, shell] of shells) hash.update(path).update(shell);
  const h = history.history;
  hash.update(JSON.stringify([h.available, h.shallow, h.head ?? null, h.notice ?? null, history.today, [...history.pages], history.audit, history.presets, history.register, history.copies]));
  // The working files' frontmatter (their fields come from it and the path), as pages other than the model's may read them.
  for (const doc of set.documents) hash.update(`${doc.path.length}:${doc.path}${doc.file.yaml.length}:`).update(doc.file.yaml);
  const documents = new Set(set.documents.map((doc) => join(contentRoot, doc.path)));
  const content = join(contentRoot, 'content');
  for (const file of existsSync(content) ? filesUnder(content) : []) if (!documents.has(file)) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** The key of every document page and history page, and of each document page's shell (all but body and contents), by site path. */
function pageKeys(site: LoadedSite, history: HistorySite, common: string): { keys: Map<string, string>; shells: Map<string, string> } {
  const keys = new Map<string, string>();
  const shells = new Map<string, string>();
  for (const doc of site.documents) {
    const page = history.pages.get(doc.number);
    // The header's 最近变更 line (history-last-change.astro): the last commit and the newest version's anchor.
    const lastChange = JSON.stringify(page ? [page.lastChange ?? null, page.historyHref, page.versions[0]?.anchor ?? null] : null);
    keys.set(doc.href, hashOf(`${common}\0document\0${site.pageDigest(doc.number)}\0${lastChange}`));
    shells.set(doc.href, hashOf(`${common}\0shell\0${site.pageDataDigest(doc.number)}\0${lastChange}`));
  }
  for (const page of history.pages.values()) keys.set(page.historyHref, hashOf(`${common}\0history\0${JSON.stringify(page)}`));
  return { keys, shells };
}

function pageFile(root: string, path: string): string {
  return join(root, path, 'index.html');
}

function readManifest(file: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return manifest.version === manifestVersion ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The project files the site's pages are made by: any change to them renders every page. */
const codeInputs = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** A hash of the site's code: every file under codeInputs, by path and content, and Node's version. */
export function siteCodeFingerprint(projectRoot: string): string {
  const hash = createHash('sha1').update(process.version);
  for (const input of codeInputs) {
    const path = join(projectRoot, input);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? filesUnder(path) : [path];
    for (const file of files) hash.update(file.slice(projectRoot.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    });
}
