/**
 * Reports as a person sees them on paper: PDF pages as text (pdftotext) and as PNG images
 * (pdftoppm), and workbooks printed by LibreOffice (soffice). Each tool is optional: where one is
 * missing, its helper answers undefined and the test says what it skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

function installed(command: string, versionFlag = '-v'): boolean {
  const run = spawnSync(command, [versionFlag], { encoding: 'utf8' });
  return run.error === undefined;
}

/** Whether poppler's pdftotext and pdftoppm are here (apt-get install poppler-utils). */
export const POPPLER = installed('pdftotext') && installed('pdftoppm');
/** Whether LibreOffice is here (apt-get install libreoffice-calc-nogui). */
export const SOFFICE = installed('soffice', '--version');

/** The text of each page of a PDF, laid out as printed; undefined without pdftotext. */
export function pdfPages(pdf: string): string[] | undefined {
  if (!POPPLER) return undefined;
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${run.stderr}`);
  return run.stdout.split('\f').filter((page) => page.trim() !== '');
}

/** Writes each page of a PDF as <name>-<n>.png under `dir` (at most `pages`); the files, or undefined without pdftoppm. */
export function pdfPngs(pdf: string, dir: string, name: string, pages = 4): string[] | undefined {
  if (!POPPLER) return undefined;
  const run = spawnSync('pdftoppm', ['-png', '-r', '80', '-l', String(pages), pdf, join(dir, name)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftoppm failed on ${pdf}: ${run.stderr}`);
  // pdftoppm numbers pages with as many digits as the page count needs; keep them as name-1.png...
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => {
      const plain = `${name}-${Number(f.slice(name.length + 1, -4))}.png`;
      if (plain !== f) renameSync(join(dir, f), join(dir, plain));
      return join(dir, plain);
    });
}

/** The workbook printed to PDF by LibreOffice, every sheet as its page setup says; undefined without soffice. */
export function printWorkbook(xlsx: string): string | undefined {
  if (!SOFFICE) return undefined;
  const out = mkdtempSync(join(tmpdir(), 'titlematch-soffice-'));
  const args = [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, xlsx];
  const run = spawnSync('soffice', args, { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`soffice could not print ${xlsx}: ${run.stderr}`);
  return join(out, `${basename(xlsx).replace(/\.xlsx$/i, '')}.pdf`);
}
