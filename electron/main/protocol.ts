/**
 * The app's own origin, app://titlematch/, serving the built renderer from disk (also from inside
 * app.asar). A real origin lets main check who sends messages, and keeps file:// out of the picture.
 */
import { net, protocol } from 'electron';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The scheme and host the renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'titlematch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready: makes app:// a standard, secure scheme (like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an app:// URL names inside `root`, or null when it is another host or would leave
 * `root` (../ tricks, encoded or not). "/" is index.html.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // NUL never names a file; a backslash is a separator on Windows, so it never comes from a URL path.
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '/' || path === '') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  return file;
}

/** Serves app:// from `root`; anything outside it is a 404. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(root, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
