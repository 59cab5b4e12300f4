/**
 * Printing a report to PDF with Electron's own Chromium (webContents.printToPDF): the report's HTML
 * is loaded from a private temporary file into a hidden, sandboxed window with JavaScript off, and
 * printed on the paper of the system's locale with the title and page number in the footer.
 */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperForLocale, pdfPage } from '../core/report/pdf.js';

/** The hidden window's options: nothing in a report may run or reach anything. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 1024,
  height: 768,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
  },
} as const;

/** A printer for the handlers' `printPdf`; `locale` is asked at each print (the system's may change). */
export function pdfPrinter(locale: () => string): (html: string, title: string) => Promise<Uint8Array> {
  return async (html, title) => {
    // A file, not a data: URL, which Chromium caps at 2 MB (a long report is larger).
    const dir = await mkdtemp(join(tmpdir(), 'titlematch-print-'));
    const win = new BrowserWindow(PRINT_WINDOW_OPTIONS);
    try {
      const file = join(dir, 'report.html');
      await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
      await win.loadFile(file);
      const page = pdfPage(title, paperForLocale(locale()));
      return await win.webContents.printToPDF({
        pageSize: page.paper,
        margins: page.margins,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: page.headerTemplate,
        footerTemplate: page.footerTemplate,
        generateDocumentOutline: false,
      });
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
