/** The development preview leaves no trace in the published site: no banner, no findings panel, no findings page. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from './built-site.ts';

let dist: string;
beforeAll(async () => {
  dist = await builtSite();
}, 900_000);

describe('npm run build', () => {
  it('publishes document pages without the dev banner or findings panel', () => {
    const page = readFileSync(join(dist, 'procedures/jmi-cx-13/index.html'), 'utf8');
    expect(page).toContain('文件与资料控制');
    for (const mark of ['dev-banner', 'dev-panel', 'dev-finding', '/dev/findings/', '仅开发预览显示']) expect(page).not.toContain(mark);
  });

  it('has no findings page and no dev styles in its stylesheets', () => {
    expect(existsSync(join(dist, 'dev'))).toBe(false);
    const css = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) expect(readFileSync(join(dist, '_astro', file), 'utf8')).not.toContain('dev-');
  });
});
