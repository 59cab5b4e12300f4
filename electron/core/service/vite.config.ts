/**
 * Bundles the match service's worker into one CommonJS file (out/worker/service-worker.cjs), and
 * beside it the engine's tokenizing worker (tokenize-worker.cjs). The packaged app loads them from
 * inside app.asar, where a worker thread reliably loads CommonJS; only onnxruntime-node (native
 * code, unpacked) stays a separate package.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('../../../out/worker', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: ['onnxruntime-node', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      input: {
        'service-worker': fileURLToPath(new URL('./worker.ts', import.meta.url)),
        'tokenize-worker': fileURLToPath(new URL('../engine/tokenize-worker.ts', import.meta.url)),
      },
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
  ssr: { noExternal: true, external: ['onnxruntime-node'] },
});
