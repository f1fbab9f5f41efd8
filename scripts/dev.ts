#!/usr/bin/env node
/** npm run dev: the site with live preview (Astro dev server); a saved content file updates its page and its check findings. */
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
  },
  strict: true,
});
if (values.root) process.env.SHOUKONG_CONTENT_ROOT = resolve(values.root);
// A closed network: no telemetry, no update check.
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
const port = values.port ? Number(values.port) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  process.stderr.write(`--port ${values.port} 不是有效的端口号：请给 1–65535 之间的整数，例如 --port 4321\n`);
  process.exit(2);
}
const { dev } = await import('astro');
await dev({ root: projectRoot, server: { ...(port ? { port } : {}), ...(values.host ? { host: values.host } : {}) } });
