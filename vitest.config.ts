/** Tests run in plain Node: the core never needs a DOM, and browser tests drive Chromium themselves. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // One folder for the run's temporary files, removed when the run ends.
    globalSetup: ['test/global-setup.ts'],
    // Browser and PDF tests (site, print) launch Chromium; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
