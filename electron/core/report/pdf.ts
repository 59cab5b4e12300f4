/**
 * The PDF report's page: paper by locale, margins, and the footer (the report's title and the page
 * number), in the form Chromium's PDF printing takes them. The app prints through Electron's
 * webContents.printToPDF and the end-to-end tests through Playwright's page.pdf: the same engine,
 * the same settings, from here.
 */
import { writeFileAtomic } from '../files/atomic-write.js';
import { checkOutputPath } from '../files/output-path.js';
import { PAGE_MARGINS_MM } from './html-style.js';
import { htmlEscape } from './html.js';

/** The paper sizes a report is printed on. */
export type Paper = 'A4' | 'Letter';

// Where Letter is the usual paper (ISO 216 is everywhere else): the United States and its
// territories, Canada, Mexico, and parts of Central and South America, and the Philippines.
const LETTER_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'CA', 'MX', 'GT', 'SV', 'NI', 'CR', 'PA', 'DO', 'CO', 'VE', 'CL', 'PH', 'BZ']);

/** The paper a locale ("en-US", "fr_CA", "de-DE", "en") prints on; A4 when the region is unknown. */
export function paperForLocale(locale: string): Paper {
  const tag = locale.replace(/_/g, '-').split('.')[0];
  let region: string | undefined;
  try {
    region = new Intl.Locale(tag).maximize().region;
  } catch {
    region = undefined;
  }
  return region !== undefined && LETTER_REGIONS.has(region.toUpperCase()) ? 'Letter' : 'A4';
}

/** How a report is printed to PDF. */
export interface PdfPage {
  paper: Paper;
  /** Margins in inches (Electron's unit; Playwright takes them as "0.55in"). */
  margins: { top: number; right: number; bottom: number; left: number };
  /** Chromium's header and footer templates: the header is empty, the footer names the report and the page. */
  headerTemplate: string;
  footerTemplate: string;
}

const inches = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000;

/** The page setup for a report titled `title` (already in words, not HTML) on `paper`. */
export function pdfPage(title: string, paper: Paper): PdfPage {
  const m = PAGE_MARGINS_MM;
  // Chromium fills the template's pageNumber and totalPages spans; styles must be inline, and the
  // font size set, or the footer prints at a size too small to read.
  const footer =
    `<div style="width:100%;margin:0 ${m.left}mm;font-family:system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;font-size:8pt;color:#57606a;display:flex;justify-content:space-between">` +
    `<span>${htmlEscape(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
  return {
    paper,
    margins: { top: inches(m.top), right: inches(m.right), bottom: inches(m.bottom), left: inches(m.left) },
    headerTemplate: '<span></span>',
    footerTemplate: footer,
  };
}

/**
 * Writes PDF bytes to `path` atomically, after the same checks as every report (not over an input,
 * not a folder, not in a missing folder).
 */
export async function writePdfReport(path: string, pdf: Uint8Array, inputs: readonly string[]): Promise<void> {
  const target = await checkOutputPath(path, inputs);
  await writeFileAtomic(target, pdf);
}
