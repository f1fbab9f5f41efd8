/**
 * The incremental site build: a document page or a history page whose inputs are the same as in the
 * previous build is not rendered again but hard-linked from the previous site (dist/). Astro still
 * renders every other page (home, lists, matrices, register, audit…: a few dozen), so whatever those
 * show is always current; only the two per-document routes, nine pages in ten, are reused.
 *
 * A page's key is everything it is made from: for a document page its page data, body inputs and
 * flowcharts (LoadedSite.pageInputs), its last change (the header line); for a history page its
 * whole view. Every key also holds what all pages share (institution, base path, PDF links, build
 * date) and the fingerprint of the site's code (src/, astro.config.mjs, package.json and its lock,
 * public/): a change there renders everything, as a first build does. The keys of the site in
 * dist/ are kept in the cache beside the inode of that dist/ folder, so a dist/ that some other
 * process replaced is never taken for the one they describe.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LoadedSite } from '../astro/load-site.ts';
import type { HistorySite } from '../history/history-site.ts';

/** Bumped when the meaning of a key changes. */
const manifestVersion = 1;

/** Where the keys of each output folder's site are kept, under the content root. */
export const pageKeysDir = '.cache/shoukong/site-pages';

/** What the build needs from the plan. */
export interface PageReusePlan {
  /** 'incremental' when pages are reused, else 'full' with the reason. */
  mode: 'full' | 'incremental';
  /** Why this build renders every page (first build, code changed…); empty when incremental. */
  reason: string;
  /** The document and history pages Astro renders; undefined: every page. */
  render: ReadonlySet<string> | undefined;
  /** How many pages are reused. */
  reused: number;
  /** Hard-links the reused pages from the previous site into `staging` (after Astro wrote it). */
  linkReused(staging: string): void;
  /** Records the keys of the site now in `outDir` (after the swap). */
  save(): void;
}

export interface PageReuseInputs {
  projectRoot: string;
  contentRoot: string;
  outDir: string;
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
  /** Site path (/procedures/jmi-cx-13/) → key. */
  pages: Record<string, string>;
}

/** Decides which document and history pages can be taken from the previous site. */
export function planPageReuse(inputs: PageReuseInputs): PageReusePlan {
  const { contentRoot, outDir, site, history } = inputs;
  const code = siteCodeFingerprint(inputs.projectRoot);
  const shared = JSON.stringify([inputs.shared, site.site.institution, history.history.notice ?? null]);
  const keys = pageKeys(site, history, `${code}\0${shared}`);
  const manifestFile = join(contentRoot, pageKeysDir, `${sha1(resolve(outDir)).slice(0, 16)}.json`);
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
  const reusable = new Set<string>();
  if (!reason) for (const [path, key] of keys) if (previous!.pages[path] === key && existsSync(pageFile(outDir, path))) reusable.add(path);
  const render = reason ? undefined : new Set([...keys.keys()].filter((path) => !reusable.has(path)));
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
        try {
          linkSync(pageFile(outDir, path), target);
        } catch {
          copyFileSync(pageFile(outDir, path), target);
        }
      }
    },
    save() {
      const manifest: Manifest = { version: manifestVersion, code, shared, outDir: statSync(outDir).ino, pages: Object.fromEntries(keys) };
      mkdirSync(dirname(manifestFile), { recursive: true });
      writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest));
      renameSync(`${manifestFile}.tmp`, manifestFile);
    },
  };
}

/** The key of every document page and history page, by site path. */
function pageKeys(site: LoadedSite, history: HistorySite, common: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const doc of site.documents) {
    const page = history.pages.get(doc.number);
    // The header's 最近变更 line (history-last-change.astro): the last commit and the newest version's anchor.
    const lastChange = page ? [page.lastChange ?? null, page.historyHref, page.versions[0]?.anchor ?? null] : null;
    keys.set(doc.href, sha1(`${common}\0document\0${site.pageInputs(doc.number)}\0${JSON.stringify(lastChange)}`));
  }
  for (const page of history.pages.values()) keys.set(page.historyHref, sha1(`${common}\0history\0${JSON.stringify(page)}`));
  return keys;
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

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
