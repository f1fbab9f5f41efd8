/** The built site's /admin/: the editor's bundle comes from the site itself, and no local backend is offered. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/site/build/build-site.ts';
import { builtSite } from './built-site.ts';

let dist: string;
beforeAll(async () => {
  dist = await builtSite();
}, 600_000);

describe('/admin/ on the built site', () => {
  it('loads Decap CMS and its chunks from the site, never from another host', () => {
    const html = readFileSync(join(dist, 'admin/index.html'), 'utf8');
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toContain('/admin/decap-cms.js');
    expect(sources.every((s) => s.startsWith('/'))).toBe(true);
    expect(html).not.toMatch(/https?:\/\/(unpkg|cdn|jsdelivr)/);
    const bundle = readFileSync(join(dist, 'admin/decap-cms.js'), 'utf8');
    expect(bundle.length).toBeGreaterThan(1_000_000);
    // Every chunk the bundle loads on demand is next to it.
    const chunks = readdirSync(join(projectRoot, 'node_modules/decap-cms/dist')).filter((f) => /^\d+\.decap-cms\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.filter((f) => !existsSync(join(dist, 'admin', f)))).toEqual([]);
  });

  it('writes the generated configuration without the local backend', () => {
    const config = JSON.parse(readFileSync(join(dist, 'admin/config.json'), 'utf8')) as { local_backend?: unknown; locale: string; collections: unknown[] };
    expect(config.local_backend).toBeUndefined();
    expect(config.locale).toBe('zh_Hans');
    expect(config.collections).toHaveLength(7);
  });
});
