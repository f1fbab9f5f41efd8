// Astro configuration of the published manual site (发布网站). Content comes from custom loaders
// (src/content.config.ts), so no MDX integration is needed and content files never run.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
});
