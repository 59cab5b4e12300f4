/** Builds the renderer (Svelte 5) into out/renderer, served to the window from app://titlematch/. */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The dev server injects component styles as <style> elements and talks to its client over a
// WebSocket; only while serving does the page's CSP allow those two. Built pages keep it strict.
const devCsp: Plugin = {
  name: 'titlematch-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:5173"),
};

export default defineConfig({
  root,
  // Relative asset URLs: the same build works from app://titlematch/ and from a test server.
  base: './',
  plugins: [svelte({ configFile: `${root}svelte.config.js` }), devCsp],
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
