#!/usr/bin/env node
// `npm run dev`: compiles main, preload and worker, serves the renderer from Vite with hot reload,
// and starts Electron on it. Edit renderer files and the window updates; restart for main changes.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { ensureElectron } from './ensure-electron.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['build:node', 'build:preload', 'build:worker']) {
  const r = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const electron = ensureElectron();
const server = await createServer({ configFile: join(root, 'renderer', 'vite.config.ts') });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
console.log(`Renderer served at ${url}`);
const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, TITLEMATCH_RENDERER_URL: url, ELECTRON_RUN_AS_NODE: undefined } });
child.on('exit', (code) => {
  void server.close().then(() => process.exit(code ?? 0));
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
