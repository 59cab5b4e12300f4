#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to out/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'electron', 'cli', 'index.js');
if (!existsSync(entry)) {
  process.stderr.write('titlematch: the CLI is not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n');
  process.exit(2);
}
const { main, installProcessHandlers } = await import(pathToFileURL(entry).href);
installProcessHandlers();
process.exitCode = await main(process.argv.slice(2));
