/** Builds the example site into dist/ once, or reuses dist/ when it is newer than every input. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, projectRoot } from '../../src/site/build-site.ts';

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

/** dist/ of the example, built if missing or stale; throws with the build log when the build fails. */
export async function builtSite(): Promise<string> {
  const dist = join(projectRoot, 'dist');
  const marker = join(dist, 'index.html');
  if (existsSync(marker) && existsSync(join(dist, 'pagefind')) && statSync(marker).mtimeMs > newestInput()) return dist;
  const lines: string[] = [];
  const result = await buildSite({ log: (line) => lines.push(line) });
  if (result.exitCode !== 0) throw new Error(`npm run build 失败：\n${lines.join('\n')}`);
  return dist;
}
