import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme, resolveAppFile } from '../../../electron/main/protocol.js';
import { net, protocol, resetElectron } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const root = resolve('/app/out/renderer');

beforeEach(() => resetElectron());

describe('app:// protocol', () => {
  it('is a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.privileged).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(APP_ORIGIN).toBe('app://titlematch');
  });

  it('maps URLs to files in the renderer folder', () => {
    expect(resolveAppFile(root, 'app://titlematch/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://titlematch/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://titlematch/assets/index-1.js?v=2')).toBe(join(root, 'assets', 'index-1.js'));
    expect(resolveAppFile(root, 'app://titlematch/assets/my%20font.woff2')).toBe(join(root, 'assets', 'my font.woff2'));
  });

  it('never serves anything outside it', () => {
    // Plain and %2e dot segments are resolved by the URL parser itself, inside the folder.
    expect(resolveAppFile(root, 'app://titlematch/../../main/index.js')).toBe(join(root, 'main', 'index.js'));
    expect(resolveAppFile(root, 'app://titlematch/%2e%2e/%2e%2e/package.json')).toBe(join(root, 'package.json'));
    for (const url of [
      'app://titlematch/..%2f..%2fpackage.json',
      'app://titlematch/assets/..%5c..%5c..%5cpackage.json',
      'app://titlematch/assets/..%2f..%2f..%2fpackage.json',
      'app://titlematch/%00.html',
      'app://other/index.html',
      'https://titlematch/index.html',
      'app://titlematch/%E0%A4%A',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('answers 404 outside the folder and fetches the file inside', async () => {
    handleAppProtocol(root);
    const handler = protocol.handlers.get('app');
    if (!handler) throw new Error('no handler');
    expect((await handler({ url: 'app://titlematch/assets/..%2f..%2f..%2fsecret' })).status).toBe(404);
    expect((await handler({ url: 'app://titlematch/index.html' })).status).toBe(200);
    expect(net.fetched).toEqual([`file://${join(root, 'index.html')}`]);
  });
});
