/** The Astro integration of the development preview: in `astro dev` only, adds the page of all check findings. */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const flag = 'SHOUKONG_DEV_PREVIEW';

/**
 * Whether the pages show the dev banner and findings panels: only under `astro dev`. Set by the
 * integration from Astro's command, not from import.meta.env.DEV, which is also true in a build run
 * under NODE_ENV=test (vitest).
 */
export function devPreviewEnabled(): boolean {
  return process.env[flag] === '1';
}

/** Adds /dev/findings/ (全部检查结果) and the dev-only panels to the dev server; a build never sees them. */
export function devPreview(): AstroIntegration {
  return {
    name: 'shoukong-dev-preview',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        // A build in a process that ran a dev server before must not show the panels.
        if (command === 'build') delete process.env[flag];
        if (command !== 'dev') return;
        process.env[flag] = '1';
        injectRoute({ pattern: '/dev/findings', entrypoint: fileURLToPath(new URL('../dev/findings-page.astro', import.meta.url)) });
      },
    },
  };
}
