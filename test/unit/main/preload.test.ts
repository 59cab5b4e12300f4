import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_METHODS, type TitleMatchApi } from '../../../electron/contract/api.js';
import { contextBridge, ipcRenderer } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

let api: TitleMatchApi;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  api = contextBridge.exposed.get('titlematch') as TitleMatchApi;
});

describe('preload bridge', () => {
  it('exposes one object, window.titlematch, with exactly the contract’s methods', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['titlematch']);
    expect(Object.keys(api).sort()).toEqual([...INVOKE_METHODS, 'pathForFile', 'onMatchProgress', 'onEngineStatus', 'onCommand'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|send|invoke/);
  });

  it('sends one message per method on its prefixed channel', async () => {
    await api.loadTable({ side: 'candidates', path: '/a.csv', sheet: null });
    await api.cancelMatch();
    expect(ipcRenderer.invoked).toEqual([
      { channel: 'titlematch:invoke:loadTable', args: [{ side: 'candidates', path: '/a.csv', sheet: null }] },
      { channel: 'titlematch:invoke:cancelMatch', args: [] },
    ]);
  });

  it('passes events on without the IPC event object, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const stop = api.onMatchProgress((...args: unknown[]) => seen.push(args));
    const progress = { phase: 'encoding', done: 1, total: 2, etaSeconds: null };
    ipcRenderer.emit('titlematch:event:matchProgress', { sender: 'secret' }, progress);
    stop();
    ipcRenderer.emit('titlematch:event:matchProgress', { sender: 'secret' }, progress);
    expect(seen).toEqual([[progress]]);
    expect(ipcRenderer.listenerCount('titlematch:event:matchProgress')).toBe(0);
  });

  it('gives dropped files’ paths', () => {
    expect(api.pathForFile({ name: 'x.csv' } as File)).toBe('/dropped/x.csv');
  });
});
