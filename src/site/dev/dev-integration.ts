/** The Astro integration of the development preview: in `astro dev` only, adds the page of all check findings. */
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { buildInput, setDevPreview } from '../astro/build-input.ts';

/** Adds /dev/findings/ (全部检查结果) and the dev-only panels to the dev server; a build never sees them. */
export function devPreview(): AstroIntegration {
  return {
    name: 'shoukong-dev-preview',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        // A build in a process that ran a dev server before must not show the panels.
        setDevPreview(command === 'dev');
        if (command !== 'dev') return;
        injectRoute({ pattern: '/dev/findings', entrypoint: fileURLToPath(new URL('./findings-page.astro', import.meta.url)) });
      },
      // The web editor's local backend (decap-server, file-system mode): /admin/ edits the working tree.
      'astro:server:setup': async ({ server }) => {
        server.middlewares.use(await localCmsBackend(buildInput().contentRoot));
      },
    },
  };
}

/**
 * decap-server's file-system middleware on /api/v1, for `npm run dev` only: it writes files under the
 * content root and refuses paths outside it. It listens on the dev server's own address, never on a
 * separate port.
 */
async function localCmsBackend(root: string): Promise<(req: unknown, res: unknown, next: () => void) => void> {
  const require = createRequire(import.meta.url);
  const express = require(require.resolve('express', { paths: [require.resolve('decap-server/package.json')] })) as {
    (): { use(...a: unknown[]): void; post(...a: unknown[]): void } & ((req: unknown, res: unknown, next: () => void) => void);
  };
  const { registerLocalFs } = require('decap-server/dist/middlewares.js') as { registerLocalFs(app: unknown, o: { logLevel: string }): Promise<void> };
  const app = express();
  const previous = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = root;
  await registerLocalFs(app, { logLevel: 'warn' });
  if (previous === undefined) delete process.env.GIT_REPO_DIRECTORY;
  else process.env.GIT_REPO_DIRECTORY = previous;
  return app;
}
