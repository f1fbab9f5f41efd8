/**
 * Checks every internal link, resource and form action in a built site: files and #fragments must
 * exist, and a site built for a base path (/zlbz/) must not link outside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileForPath, pathUnderBase } from './static-server.ts';

export interface BrokenLink {
  /** Page the link is on, as a site path with the base (e.g. /procedures/jmi-cx-13/, /zlbz/procedures/jmi-cx-13/). */
  page: string;
  /** The href or src as written. */
  target: string;
  reason: string;
}

const attribute = /\s(?:href|src|action)="([^"]*)"/g;
const idAttribute = /\sid="([^"]*)"/g;

/**
 * Every broken internal link under `dir`, a site published under `base` ('/' or '/zlbz/');
 * external links (http:, mailto:, data:) are skipped.
 */
export function checkLinks(dir: string, base = '/'): { pages: number; links: number; broken: BrokenLink[] } {
  const pages = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'));
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idsOf.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(idAttribute)].map((m) => decodeEntities(m[1]!)));
      idsOf.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const page of pages) {
    const file = join(dir, page);
    const pagePath = `${base}${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
    for (const match of readFileSync(file, 'utf8').matchAll(attribute)) {
      const target = decodeEntities(match[1]!);
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target)) continue;
      links++;
      const url = new URL(target, `http://site${pagePath}`);
      const path = pathUnderBase(base, url.pathname);
      if (path === undefined) {
        broken.push({ page: pagePath, target, reason: `不在发布路径 ${base} 之下` });
        continue;
      }
      const targetFile = target.startsWith('#') ? file : fileForPath(dir, path);
      if (!targetFile) {
        broken.push({ page: pagePath, target, reason: '目标文件不存在' });
        continue;
      }
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (fragment && targetFile.endsWith('.html') && !ids(targetFile).has(fragment)) {
        broken.push({ page: pagePath, target, reason: `页面中没有 id="${fragment}"` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
