import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { INVOKE_METHODS, invokeChannel, type InvokeMethod } from '../../../electron/contract/api.js';
import type { Handlers } from '../../../electron/main/ipc.js';
import { registerHandlers, toApiError } from '../../../electron/main/ipc.js';
import { validators } from '../../../electron/main/validators.js';
import { ipcMain, resetElectron } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const trusted = { sender: 'app' };
const stranger = { sender: 'other' };

type HandlerMock = Mock<(...args: unknown[]) => Promise<unknown>>;

function fakeHandlers(): Record<InvokeMethod, HandlerMock> {
  const h = {} as Record<InvokeMethod, HandlerMock>;
  for (const m of INVOKE_METHODS) h[m] = vi.fn(() => Promise.resolve<unknown>(`${m} done`));
  return h;
}

function call(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, ...args));
}

let handlers: ReturnType<typeof fakeHandlers>;
let log: Mock<(method: string, error: unknown) => void>;

beforeEach(() => {
  resetElectron();
  handlers = fakeHandlers();
  log = vi.fn();
  registerHandlers(ipcMain as never, handlers as unknown as Handlers, validators, (e) => (e as unknown as typeof trusted).sender === 'app', log);
});

describe('IPC registration', () => {
  it('registers every contract method on its prefixed channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(INVOKE_METHODS.map(invokeChannel).sort());
    expect([...ipcMain.handlers.keys()].every((c) => c.startsWith('titlematch:invoke:'))).toBe(true);
  });

  it('hands checked arguments to the handler and answers { ok, value }', async () => {
    const request = { side: 'candidates', path: '/data/people.xlsx', sheet: 'Sheet 2' };
    await expect(call(invokeChannel('loadTable'), trusted, request)).resolves.toEqual({ ok: true, value: 'loadTable done' });
    expect(handlers.loadTable).toHaveBeenCalledWith(request);
  });

  it('passes each seniority mode of a match through, and a match without one', async () => {
    const base = { candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3 };
    for (const seniority of ['ignore', 'prefer', 'require']) {
      await expect(call(invokeChannel('match'), trusted, { ...base, seniority })).resolves.toMatchObject({ ok: true });
      expect(handlers.match).toHaveBeenLastCalledWith({ ...base, seniority });
    }
    await expect(call(invokeChannel('match'), trusted, base)).resolves.toMatchObject({ ok: true });
    expect(handlers.match).toHaveBeenLastCalledWith({ ...base, seniority: undefined });
  });

  it('refuses messages from anything but the app window, without running the handler', async () => {
    const answer = await call(invokeChannel('pickTable'), stranger, 'candidates');
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden', message: /did not come from the TitleMatch window/ } });
    expect(handlers.pickTable).not.toHaveBeenCalled();
  });

  it('refuses bad arguments, saying which, without running the handler', async () => {
    const cases: [string, unknown[]][] = [
      ['loadTable', [{ side: 'candidates', path: 'relative/file.csv', sheet: null }]],
      ['loadTable', [{ side: 'candidates', path: '/a\0b.csv', sheet: null }]],
      ['loadTable', [{ side: 'people', path: '/a.csv', sheet: null }]],
      ['loadTable', [{ side: 'candidates', path: '/a.csv', sheet: null, extra: 1 }]],
      ['loadTable', []],
      ['pickTable', ['candidates', 'more']],
      ['loadTaxonomy', ['isco']],
      ['loadTaxonomy', ['ONET']],
      ['loadTaxonomy', ['onet', 'more']],
      ['loadTaxonomy', []],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 0 }]],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 2.5 }]],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3, seniority: 'strict' }]],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3, seniority: 1 }]],
      ['saveProject', [{ candidates: null, targets: null, settings: { topK: 5, threshold: 0, direction: 'byTarget', seniority: 'Prefer' }, runId: null, saveAs: false }]],
      ['exportResults', [{ runId: 'r', format: 'docx', direction: 'byTarget', topK: 5, threshold: 0.5, openAfter: false }]],
      ['exportResults', [{ runId: 'r', format: 'csv', direction: 'byTarget', topK: 5, threshold: 1.5, openAfter: false }]],
      ['exportResults', [{ runId: 'r', format: 'csv', direction: 'byTarget', topK: 5, threshold: 0, buckets: ['maybe'], openAfter: false }]],
      ['exportResults', [{ runId: 'r', format: 'csv', direction: 'byTarget', topK: 5, threshold: 0, buckets: ['accept', 'accept'], openAfter: false }]],
      ['exportResults', [{ runId: 'r', format: 'csv', direction: 'byTarget', topK: 5, threshold: 0, buckets: 'accept', openAfter: false }]],
      ['openProject', [{ path: '../secret.titlematch' }]],
      ['explain', [{ query: 'x'.repeat(2000), match: 'y' }]],
      ['saveProject', [{ candidates: null, targets: null, settings: { topK: 5, threshold: 0, direction: 'sideways' }, runId: null, saveAs: false }]],
      ['loadTable', [Object.assign(Object.create({ polluted: true }) as object, { side: 'candidates', path: '/a.csv', sheet: null })]],
      ['decide', [{ query: 'Atty', match: 'Lawyer', decision: 'maybe' }]],
      ['decide', [{ query: '', match: 'Lawyer', decision: 'accept' }]],
      ['decide', [{ query: 'Atty', match: 'y'.repeat(2000), decision: 'reject' }]],
      ['decide', [{ query: 'Atty', match: 'Lawyer' }]],
      ['importDecisions', ['/team/decisions.csv']],
      ['exportDecisions', ['/out/d.csv']],
      ['clearDecisions', [true]],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3, decisions: [{ query: 'Atty', match: 'Lawyer', decision: 'yes' }] }]],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3, decisions: { query: 'Atty', match: 'Lawyer', decision: 'accept' } }]],
      ['match', [{ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3, adapt: 'yes' }]],
      ['saveProject', [{ candidates: null, targets: null, settings: { topK: 5, threshold: 0, direction: 'byTarget', adapt: 1 }, runId: null, saveAs: false }]],
      ['saveProject', [{ candidates: null, targets: null, settings: { topK: 5, threshold: 0, direction: 'byTarget' }, runId: null, decisions: [{ query: 'A', match: 'B', decision: 'accept', note: 'x' }], saveAs: false }]],
    ];
    for (const [method, args] of cases) {
      const answer = (await call(invokeChannel(method as never), trusted, ...args)) as { ok: boolean; error: { code: string; message: string } };
      expect(answer.ok, `${method} ${JSON.stringify(args).slice(0, 80)}`).toBe(false);
      expect(answer.error.code).toBe('bad-request');
      expect(answer.error.message).toMatch(/argument|Expected/);
    }
    for (const m of INVOKE_METHODS) expect(handlers[m]).not.toHaveBeenCalled();
  });

  it('carries a service error’s code and message as data', async () => {
    handlers.loadTable.mockRejectedValueOnce(Object.assign(new Error('people.xlsx is password-protected. Remove the password and try again.'), { code: 'encrypted' }));
    const answer = await call(invokeChannel('loadTable'), trusted, { side: 'targets', path: '/people.xlsx', sheet: null });
    expect(answer).toEqual({ ok: false, error: { code: 'encrypted', message: 'people.xlsx is password-protected. Remove the password and try again.' } });
    expect(log).not.toHaveBeenCalled();
  });

  it('reports unexpected errors as internal and logs them', async () => {
    handlers.recentFiles.mockRejectedValueOnce(new TypeError('x is undefined'));
    const answer = await call(invokeChannel('recentFiles'), trusted);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong: x is undefined' } });
    expect(log).toHaveBeenCalledWith('recentFiles', expect.any(TypeError));
  });

  it('turns operating-system errors into file errors', () => {
    const e = Object.assign(new Error("EACCES: permission denied, open '/x.csv'"), { code: 'EACCES' });
    expect(toApiError(e)).toMatchObject({ code: 'io', message: /could not be read or written/ });
  });

  it('can remove what it registered', () => {
    resetElectron();
    const remove = registerHandlers(ipcMain as never, handlers as unknown as Handlers, validators, () => true);
    expect(ipcMain.handlers.size).toBe(INVOKE_METHODS.length);
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
