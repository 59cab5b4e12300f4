import { defineConfig } from 'vitest/config';

// End-to-end: Chromium drives the built renderer; the real services run in this process's worker.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    // The screenshots folder is emptied once, before the first spec, not by each spec.
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
