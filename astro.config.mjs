// Astro configuration of the published manual site (发布网站). Content comes from custom loaders
// (src/content.config.ts), so no MDX integration is needed and content files never run.
import { defineConfig } from 'astro/config';
import { devPreview } from './src/site/dev/dev-integration.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  // Pages are written while others render: one at a time, each page waited for its folder and file
  // writes, and 5,000 documents took 40 % longer (npm run bench:site).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  // npm run dev: the page of all check findings (the banner and panels are in the pages, dev only).
  integrations: [devPreview()],
});
