/** Builds the example site into dist/ once, or reuses dist/ when it is newer than every input. */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildSite, projectRoot } from '../../src/site/build/build-site.ts';

const inputs = ['content', 'src', 'public', 'astro.config.mjs'];

function newestInput(): number {
  let newest = 0;
  for (const input of inputs) {
    const path = join(projectRoot, input);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true }).map((f) => join(path, String(f))) : [path];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * dist/ of the example, built if missing or stale; throws with the build log when the build fails.
 * With a base path other than '/': the example built as `npm run build -- --base <base> --no-pdf`
 * into test-output/site-<base>/, reused the same way.
 */
export async function builtSite(base = '/'): Promise<string> {
  const dist = base === '/' ? join(projectRoot, 'dist') : join(projectRoot, 'test-output', `site${base.replace(/\/+$/, '').replace(/\//g, '-')}`);
  const marker = join(dist, 'index.html');
  if (existsSync(marker) && existsSync(join(dist, 'pagefind')) && statSync(marker).mtimeMs > newestInput()) return dist;
  if (base !== '/') {
    const args = [join(projectRoot, 'scripts/build.ts'), '--base', base, '--no-pdf', '--out', dist];
    await promisify(execFile)(process.execPath, args, { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' } }).catch((error: { stderr?: string }) => {
      throw new Error(`npm run build -- --base ${base} 失败：\n${error.stderr ?? String(error)}`);
    });
    return dist;
  }
  const lines: string[] = [];
  const result = await buildSite({ log: (line) => lines.push(line) });
  if (result.exitCode !== 0) throw new Error(`npm run build 失败：\n${lines.join('\n')}`);
  return dist;
}
