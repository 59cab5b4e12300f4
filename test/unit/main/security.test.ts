import { readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { denyPermissions, lockAllWebContents } from '../../../electron/main/session.js';
import { FakeWebContents } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

/** The CSP of the renderer's page, directive by directive. */
function csp(): Map<string, string[]> {
  const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error('renderer/index.html has no CSP meta tag');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('content security policy', () => {
  it('allows nothing by default and only the app’s own scripts and styles', () => {
    const policy = csp();
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('loads no remote content: no host, scheme wildcard or inline code anywhere in it', () => {
    for (const [name, values] of csp()) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/^(https?:|wss?:|\*|blob:)|unsafe-inline|unsafe-eval|\.[a-z]{2,}$/);
        if (name !== 'img-src') expect(v, `${name} ${v}`).not.toBe('data:');
      }
    }
    // Images may be data: URLs (inline icons), nothing else is.
    expect(csp().get('img-src')).toEqual(["'self'", 'data:']);
  });
});

describe('session locks', () => {
  it('refuse every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyPermissions(session);
    const request = session.setPermissionRequestHandler.mock.calls[0][0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) request({}, permission, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    const check = session.setPermissionCheckHandler.mock.calls[0][0] as () => boolean;
    expect(check()).toBe(false);
  });

  it('deny new windows and webviews in every web contents the app creates', () => {
    const app = new EventEmitter();
    lockAllWebContents(app as never);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});
