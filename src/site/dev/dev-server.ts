/** Astro's dev server over a content root (`npm run dev`), in this process. */
import { handOverBuildInput } from '../astro/build-input.ts';
import { projectRoot } from '../build/build-site.ts';

/** Where the dev server reads from and listens. */
export interface DevServerOptions {
  /** The folder holding content/ (and .git). */
  contentRoot: string;
  port?: number;
  host?: string;
}

/** Starts the dev server; it runs until the process is stopped. */
export async function startDevServer(options: DevServerOptions): Promise<void> {
  // The loaders load (and reload) the set themselves: only the root is handed over (build-input.ts).
  handOverBuildInput({ contentRoot: options.contentRoot, pdf: false });
  // Astro's own settings for a closed network: no telemetry, no update check.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
  const { dev } = await import('astro');
  await dev({ root: projectRoot, server: { ...(options.port ? { port: options.port } : {}), ...(options.host ? { host: options.host } : {}) } });
}
