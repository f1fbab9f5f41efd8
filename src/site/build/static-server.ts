/** A tiny static file server for dist/, used by the end-to-end tests and `npm run preview`. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** The file a URL path maps to inside `dir` (directories → index.html), or undefined. */
export function fileForPath(dir: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const full = normalize(join(dir, path));
  if (full !== dir && !full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  if (existsSync(full) && statSync(full).isDirectory()) {
    const index = join(full, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return existsSync(full) ? full : undefined;
}

/** The path under `base` of a URL path (/zlbz/a/ → /a/ for base /zlbz/), or undefined when it is outside the base. */
export function pathUnderBase(base: string, urlPath: string): string | undefined {
  if (base === '/') return urlPath;
  if (urlPath === base.slice(0, -1)) return '/';
  return urlPath.startsWith(base) ? urlPath.slice(base.length - 1) : undefined;
}

/**
 * The base path a built site was published for, read from its home page: the layout's home link
 * (<a class="brand" href="/zlbz/">) points at the base. '/' when there is no such link.
 */
export function baseOfBuiltSite(dir: string): string {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return '/';
  return /<a class="brand" href="(\/[^"]*\/)"/.exec(readFileSync(index, 'utf8'))?.[1] ?? '/';
}

/**
 * Serves `dir` on `port` (0 = any free port) under `base` ('/' or '/zlbz/'); resolves with the
 * server and its origin (without the base). Outside the base, / redirects to the base and
 * everything else is 404.
 */
export function serveStatic(dir: string, port = 0, base = '/'): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const urlPath = (req.url ?? '/').split(/[?#]/)[0]!;
    const path = pathUnderBase(base, urlPath);
    if (path === undefined && urlPath === '/') {
      res.writeHead(302, { location: base });
      res.end();
      return;
    }
    const file = path === undefined ? undefined : fileForPath(dir, path);
    if (!file) {
      const notFound = join(dir, '404.html');
      res.writeHead(404, { 'content-type': types['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('404');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}
