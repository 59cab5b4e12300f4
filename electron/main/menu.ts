/** The application menu: File (open, recent, save, export), Edit, View, Window, Help. */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand, RecentFile } from '../contract/types.js';

/** What the menu can do. */
export interface MenuActions {
  /** Sends a command to the window. */
  command(command: AppCommand): void;
}

/** Builds the menu template (pure, so that it can be tested without Electron). */
export function menuTemplate(options: { isMac: boolean; appName: string; recent: RecentFile[]; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { isMac, appName, recent, actions } = options;
  const send = (command: AppCommand) => () => actions.command(command);
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((f) => ({
          label: `${f.path}${f.kind === 'targets' ? '  (match against)' : ''}`,
          click: send(f.kind === 'project' ? { type: 'open-project', path: f.path } : { type: 'open-table', side: f.kind, path: f.path }),
        }));
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Candidates…', accelerator: 'CmdOrCtrl+O', click: send({ type: 'open-table', side: 'candidates' }) },
      { label: 'Open Titles to Match Against…', accelerator: 'CmdOrCtrl+Shift+O', click: send({ type: 'open-table', side: 'targets' }) },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+Alt+O', click: send({ type: 'open-project' }) },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      { label: 'Save Project', accelerator: 'CmdOrCtrl+S', click: send({ type: 'save-project', saveAs: false }) },
      { label: 'Save Project As…', accelerator: 'CmdOrCtrl+Shift+S', click: send({ type: 'save-project', saveAs: true }) },
      { type: 'separator' },
      {
        label: 'Export',
        submenu: [
          { label: 'Excel Workbook (.xlsx)…', accelerator: 'CmdOrCtrl+E', click: send({ type: 'export', format: 'xlsx' }) },
          { label: 'CSV…', click: send({ type: 'export', format: 'csv' }) },
          { label: 'Printable Report (.html)…', click: send({ type: 'export', format: 'html' }) },
          { label: 'PDF Report…', accelerator: 'CmdOrCtrl+P', click: send({ type: 'export', format: 'pdf' }) },
        ],
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Import', accelerator: 'CmdOrCtrl+1', click: send({ type: 'show', view: 'import' }) },
      { label: 'Results', accelerator: 'CmdOrCtrl+2', click: send({ type: 'show', view: 'results' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(isMac ? [{ label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
