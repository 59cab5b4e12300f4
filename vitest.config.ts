import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // The CLI's default title cache: a fresh folder per run, never the user's own.
          env: { TITLEMATCH_CACHE: join(tmpdir(), `titlematch-test-cache-${process.pid}`) },
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          // The process tests run the compiled CLI: it is rebuilt first when a source is newer.
          globalSetup: ['test/unit/global-setup.ts'],
        },
      },
      {
        // The Svelte renderer: components in jsdom, found by role as a person would.
        extends: true,
        plugins: [svelte({ configFile: 'renderer/svelte.config.js' }), svelteTesting()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.ts'],
          setupFiles: ['test/unit/renderer/setup.ts'],
        },
      },
    ],
  },
});
