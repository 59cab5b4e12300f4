import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => import('./electron-mock.js'));

const electron = await import('./electron-mock.js');
const { pdfPrinter, PRINT_WINDOW_OPTIONS } = await import('../../../electron/main/print.js');

const HTML = '<!doctype html><html><head><title>Candidates for each opening</title></head><body><h1>Matches</h1></body></html>';

beforeEach(() => electron.resetElectron());

describe('printing a report to PDF', () => {
  it('prints the HTML in a hidden, sandboxed window without JavaScript, then closes it and its file', async () => {
    const pdf = await pdfPrinter(() => 'de-DE')(HTML, 'TitleMatch: Candidates & openings');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 fake');
    const [win] = electron.BrowserWindow.created;
    expect(win.options).toEqual(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(win.webContents.printed).toHaveLength(1);
    expect(win.webContents.printed[0].html).toBe(HTML);
    expect(win.destroyed).toBe(true);
    // The page was loaded from a file of its own in a private temporary folder, removed afterwards.
    expect(relative(tmpdir(), win.loadedFile ?? '')).toMatch(/^titlematch-print-\w+\/report\.html$/);
    expect(existsSync(dirname(win.loadedFile ?? '/'))).toBe(false);
  });

  it('prints on A4 or Letter by the system locale, with the title and page numbers in the footer', async () => {
    const print = pdfPrinter(() => electron.app.getSystemLocale());
    electron.app.systemLocale = 'en-US';
    await print(HTML, 'TitleMatch: Candidates & openings');
    electron.app.systemLocale = 'fr-FR';
    await print(HTML, 'x');
    electron.app.systemLocale = 'fr_CA';
    await print(HTML, 'x');
    const [us, fr, ca] = electron.BrowserWindow.created.map((w) => w.webContents.printed[0].options);
    expect([us.pageSize, fr.pageSize, ca.pageSize]).toEqual(['Letter', 'A4', 'Letter']);
    expect(us).toMatchObject({ printBackground: true, displayHeaderFooter: true });
    expect(us.footerTemplate).toContain('TitleMatch: Candidates &amp; openings');
    expect(us.footerTemplate).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(us.footerTemplate).toMatch(/font-size:\s*8pt/);
    expect(us.margins).toEqual({ top: 0.551, right: 0.472, bottom: 0.63, left: 0.472 });
  });

  it('closes the window when printing fails', async () => {
    const print = pdfPrinter(() => 'en-GB');
    const spy = vi.spyOn(electron.FakeWebContents.prototype, 'printToPDF').mockRejectedValueOnce(new Error('printing failed'));
    await expect(print(HTML, 'x')).rejects.toThrow('printing failed');
    expect(electron.BrowserWindow.created[0].destroyed).toBe(true);
    spy.mockRestore();
  });
});
