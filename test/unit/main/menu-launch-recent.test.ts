import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand } from '../../../electron/contract/types.js';
import { projectFromArgv } from '../../../electron/main/launch.js';
import { menuTemplate } from '../../../electron/main/menu.js';
import { appPaths } from '../../../electron/main/paths.js';
import { MAX_RECENT, RecentFiles } from '../../../electron/main/recent.js';

vi.mock('electron', () => import('./electron-mock.js'));

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return find(item.submenu, label);
      } catch {
        // not in this branch
      }
    }
  }
  throw new Error(`no menu item ${label}`);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('menu', () => {
  it('sends File commands to the window', () => {
    const sent: AppCommand[] = [];
    const menu = menuTemplate({ isMac: false, appName: 'TitleMatch', recent: [], actions: { command: (c) => sent.push(c) } });
    click(find(menu, 'Open Candidates…'));
    click(find(menu, 'Open Titles to Match Against…'));
    click(find(menu, 'Save Project As…'));
    click(find(menu, 'CSV…'));
    expect(sent).toEqual([
      { type: 'open-table', side: 'candidates' },
      { type: 'open-table', side: 'targets' },
      { type: 'save-project', saveAs: true },
      { type: 'export', format: 'csv' },
    ]);
    expect(find(menu, 'Open Candidates…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(menu, 'No recent files').enabled).toBe(false);
  });

  it('lists recent files, opening each as what it was', () => {
    const sent: AppCommand[] = [];
    const recent = [
      { path: '/w/p.titlematch', kind: 'project' as const },
      { path: '/w/openings.csv', kind: 'targets' as const },
    ];
    const menu = menuTemplate({ isMac: true, appName: 'TitleMatch', recent, actions: { command: (c) => sent.push(c) } });
    click(find(menu, '/w/p.titlematch'));
    click(find(menu, '/w/openings.csv  (match against)'));
    expect(sent).toEqual([
      { type: 'open-project', path: '/w/p.titlematch' },
      { type: 'open-table', side: 'targets', path: '/w/openings.csv' },
    ]);
    expect(menu[0].label).toBe('TitleMatch');
  });
});

describe('launch arguments', () => {
  it('finds the project a double-click or second launch passes', () => {
    expect(projectFromArgv(['/opt/TitleMatch/titlematch', '/home/a/work.titlematch'], '/')).toBe('/home/a/work.titlematch');
    expect(projectFromArgv(['electron', '.', '--no-sandbox', 'rel/w.TITLEMATCH'], '/home/a')).toBe('/home/a/rel/w.TITLEMATCH');
    expect(projectFromArgv(['titlematch', '--flag=x.titlematch', 'notes.txt'], '/')).toBeNull();
  });

  it('finds the model and the taxonomies outside app.asar once packaged', () => {
    expect(appPaths('/opt/T/resources/app.asar')).toEqual({
      rendererDir: '/opt/T/resources/app.asar/out/renderer',
      preloadPath: '/opt/T/resources/app.asar/out/preload/index.cjs',
      workerPath: '/opt/T/resources/app.asar/out/worker/service-worker.cjs',
      tokenizeWorkerPath: '/opt/T/resources/app.asar/out/worker/tokenize-worker.cjs',
      modelDir: '/opt/T/resources/app.asar.unpacked/models/titlematch',
      multilingualModelDir: '/opt/T/resources/app.asar.unpacked/models/titlematch-multilingual',
      taxonomyDir: '/opt/T/resources/app.asar.unpacked/out/taxonomies',
    });
    expect(appPaths('/src/titlematch').modelDir).toBe('/src/titlematch/models/titlematch');
    expect(appPaths('/src/titlematch').taxonomyDir).toBe('/src/titlematch/out/taxonomies');
  });
});

describe('recent files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tm-recent-'));

  it('keeps the newest first, once each, at most ten, across restarts', () => {
    const file = join(dir, 'a', 'recent.json');
    const changes: number[] = [];
    const recent = new RecentFiles(file, (files) => changes.push(files.length));
    for (let i = 0; i < 12; i++) recent.add({ path: `/f${i}.csv`, kind: 'candidates' });
    recent.add({ path: '/f5.csv', kind: 'targets' });
    expect(recent.list()).toHaveLength(MAX_RECENT);
    expect(recent.list()[0]).toEqual({ path: '/f5.csv', kind: 'targets' });
    expect(recent.list().filter((f) => f.path === '/f5.csv')).toHaveLength(1);
    expect(changes.at(-1)).toBe(MAX_RECENT);
    expect(new RecentFiles(file).list()).toEqual(recent.list());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(MAX_RECENT);
  });

  it('starts empty from a damaged or foreign list', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ not json');
    expect(new RecentFiles(file).list()).toEqual([]);
    writeFileSync(file, JSON.stringify([{ path: 1 }, { path: '/ok.csv', kind: 'project' }, { path: '/x', kind: 'evil' }]));
    expect(new RecentFiles(file).list()).toEqual([{ path: '/ok.csv', kind: 'project' }]);
  });
});
