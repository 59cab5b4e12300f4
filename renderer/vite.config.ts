/** Builds the renderer (Svelte 5) into out/renderer, served to the window from app://titlematch/. */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the same build works from app://titlematch/ and from a test server.
  base: './',
  plugins: [svelte({ configFile: `${root}svelte.config.js` })],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // One small app: keep the output to a script and a stylesheet.
    modulePreload: { polyfill: false },
  },
  server: { port: 5173, strictPort: true },
});
