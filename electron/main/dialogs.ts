/** The system's open and save dialogs, attached to the window. */
import { dialog, type BrowserWindow } from 'electron';
import type { ExportFormat } from '../contract/types.js';
import { PROJECT_EXTENSION } from '../core/project/index.js';
import type { Dialogs } from './handlers.js';

const TABLE_FILTERS = [
  { name: 'Spreadsheets and text tables', extensions: ['xlsx', 'xlsm', 'ods', 'csv', 'tsv', 'txt', 'xls'] },
  { name: 'All files', extensions: ['*'] },
];

const REPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  html: { name: 'Printable report (HTML)', extensions: ['html'] },
  pdf: { name: 'PDF report', extensions: ['pdf'] },
};

const PROJECT_FILTERS = [{ name: 'TitleMatch project', extensions: [PROJECT_EXTENSION] }];

/** Dialogs parented to `window()` (the window may be recreated, so it is looked up each time). */
export function systemDialogs(window: () => BrowserWindow | null, documents: string): Dialogs {
  const open = async (title: string, filters: typeof TABLE_FILTERS, pick: 'openFile' | 'openDirectory' = 'openFile'): Promise<string | null> => {
    const win = window();
    const options = { title, defaultPath: documents, properties: [pick], filters };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  };
  const save = async (title: string, name: string, filters: { name: string; extensions: string[] }[]): Promise<string | null> => {
    const win = window();
    const options = { title, defaultPath: `${documents}/${name}`, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  return {
    openModelFolder: () => open('Choose a model folder (model.onnx, tokenizer.json, config.json)', [], 'openDirectory'),
    openTable: (side) => open(side === 'candidates' ? 'Open candidates' : 'Open titles to match against', TABLE_FILTERS),
    openProject: () => open('Open project', PROJECT_FILTERS),
    saveReport: (format, name) => save('Export matches', name, [REPORT_FILTERS[format]]),
    saveProject: (name) => save('Save project', name, PROJECT_FILTERS),
    openDecisions: () => open('Import decisions (columns query, match, decision)', TABLE_FILTERS),
    saveDecisions: (name) => save('Export decisions', name, [REPORT_FILTERS.csv]),
  };
}
