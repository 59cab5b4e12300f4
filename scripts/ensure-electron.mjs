// Makes sure Electron's binary is there before the app starts: `npm install` never downloads it
// (install scripts are not run), so the first `npm start` fetches it, once, with Electron's own
// installer, and says clearly what to do when that is not possible.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The Electron executable, downloaded first if missing; exits the process with a message on failure. */
export function ensureElectron() {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const installed = () => {
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
    return existsSync(exe) ? exe : null;
  };
  const found = installed();
  if (found) return found;

  console.log(`Downloading Electron ${version} for this computer (first start only)…`);
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  const exe = result.status === 0 ? installed() : null;
  if (!exe) {
    console.error(
      [
        '',
        `TitleMatch could not download Electron ${version}, which runs the desktop app.`,
        'Check the internet connection, then run `npm start` again.',
        'Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; to use a mirror, set ELECTRON_MIRROR.',
        'The command line works without Electron: `npx titlematch info`.',
      ].join('\n'),
    );
    process.exit(1);
  }
  return exe;
}
