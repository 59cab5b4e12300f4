/// <reference lib="dom" />
/**
 * The recruiter's path through the app, in Chromium, against the built renderer and the real
 * services: import a workbook and a CSV, change a column, match, filter, explain, export, cancel a
 * long run, save and reopen a project. Screenshots of every screen, light and dark, go to
 * test-results/screenshots/, with the printable report (14), the PDF's pages (15) and the XLSX as
 * LibreOffice prints it (16) as PNG images beside them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../electron/core/io/index.js';
import { requireBuilt, startApp, type AppUnderTest } from './harness/app.js';
import { collectErrors, launchBrowser, screenshots, textOf as text } from './harness/browser.js';
import { pdfPages, pdfPngs, printWorkbook } from './harness/printed.js';
import { serveStatic, type StaticServer } from './harness/server.js';
import { ImportPage } from './pages/import-page.js';
import { ResultsPage } from './pages/results-page.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test', 'e2e', 'fixtures');
const shots = join(root, 'test-results', 'screenshots');
const modelDir = process.env.TITLEMATCH_E2E_MODEL ?? join(root, 'models', 'titlematch');

let server: StaticServer;
let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
let errors: string[];
let tmp: string;
let importPage: ImportPage;
let results: ResultsPage;

/** The scores shown in a list's options, as numbers. */
async function scoresIn(list: ReturnType<Page['locator']>): Promise<number[]> {
  const texts = await list.getByRole('option').locator('.number').allTextContents();
  return texts.map(Number);
}

async function openApp(p: Page): Promise<void> {
  await app.attach(p, server.origin);
  await p.goto(`${server.origin}/index.html`);
}

beforeAll(async () => {
  requireBuilt(root);
  if (!existsSync(join(modelDir, 'model.onnx')) && !existsSync(join(modelDir, 'onnx', 'model.onnx'))) {
    throw new Error(`No model in ${modelDir}: the end-to-end tests run the real bundled model.`);
  }
  mkdirSync(shots, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'titlematch-e2e-'));
  server = await serveStatic(join(root, 'out', 'renderer'));
  app = startApp(root, tmp, modelDir);
  context = await launchBrowser();
  context.setDefaultTimeout(20_000);
  page = await context.newPage();
  errors = collectErrors(page);
  importPage = new ImportPage(page, app.dialogs);
  results = new ResultsPage(page);
  await openApp(page);
});

afterAll(async () => {
  await context?.close();
  await app?.close();
  await server?.close();
});

describe('TitleMatch, end to end', () => {
  it('opens on two drop zones, with the model and provider in the status bar', async () => {
    await importPage.card('candidates').getByText('Drop a spreadsheet here').waitFor();
    await importPage.card('targets').getByText('Drop a spreadsheet here').waitFor();
    const engine = page.getByLabel('Engine');
    await engine.getByText('Running on:').waitFor({ timeout: 60_000 });
    expect(await text(engine)).toMatch(/Model: .+ \(\d+-d\) · Running on: (CPU, \d+ threads?|GPU \(.+\))/);
    expect(await importPage.matchButton.isDisabled()).toBe(true);
    await screenshots(page, shots, '01-start');
  });

  it('sets where the engine runs from the status bar, and remembers it', async () => {
    const engine = page.getByLabel('Engine');
    const runOn = engine.getByRole('combobox', { name: /Run on/ });
    expect(await runOn.inputValue()).toBe('auto');
    const offered = await runOn.getByRole('option').allTextContents();
    expect(offered[0]).toBe('Automatic');
    expect(offered).toContainEqual(expect.stringMatching(/^CPU, \d+ threads?$/));
    await runOn.selectOption('cpu');
    await engine.getByText('Running on:').waitFor({ timeout: 60_000 });
    expect(await runOn.inputValue()).toBe('cpu');
    expect(await text(engine)).toMatch(/Running on: CPU, \d+ threads?/);
    expect(JSON.parse(readFileSync(join(tmp, 'settings.json'), 'utf8'))).toEqual({ provider: 'cpu', modelChoice: 'auto' });
    await runOn.selectOption('auto');
    await engine.getByText('Running on:').waitFor({ timeout: 60_000 });
    expect(JSON.parse(readFileSync(join(tmp, 'settings.json'), 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'auto' });
  });

  it('imports a candidates workbook and an openings CSV, with preview, sheets and suggested columns', async () => {
    await importPage.open('candidates', join(fixtures, 'candidates.xlsx'));
    const candidates = importPage.card('candidates');
    await candidates.getByText('candidates.xlsx', { exact: true }).waitFor();
    expect(await importPage.sheet('candidates').inputValue()).toBe('Candidates');
    expect(await importPage.column('candidates').inputValue()).toBe('Current title');
    expect(await text(candidates.getByText(/ rows · /))).toMatch(/^30 rows · \d+ distinct titles$/);
    expect(await importPage.preview('candidates').getByRole('row').count()).toBe(9); // header and 8 rows

    // Another sheet, then back.
    await importPage.sheet('candidates').selectOption('Archive');
    await candidates.getByText(/^2 rows/).waitFor();
    await importPage.sheet('candidates').selectOption('Candidates');
    await candidates.getByText(/^30 rows/).waitFor();

    await importPage.open('targets', join(fixtures, 'openings.csv'));
    await importPage.card('targets').getByText('openings.csv', { exact: true }).waitFor();
    expect(await importPage.column('targets').inputValue()).toBe('Job title');
    expect(await importPage.card('targets').getByRole('combobox', { name: 'Sheet' }).count()).toBe(0);
    await screenshots(page, shots, '02-imported');
  });

  it('changes the candidates’ title column', async () => {
    await importPage.column('candidates').selectOption('Desired title');
    const header = importPage.preview('candidates').getByRole('columnheader', { name: 'Desired title' });
    await page.waitForFunction((el) => el?.classList.contains('title-column'), await header.elementHandle());
    expect(await importPage.column('candidates').inputValue()).toBe('Desired title');
    expect(await importPage.preview('candidates').locator('th.title-column').count()).toBe(1);
  });

  it('matches, and ranks the candidates for each opening with scores', async () => {
    await importPage.topK.selectOption('5');
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    // The bundled model has a calibration: the minimum score starts where a best match reaches review.
    const review = Number(await results.threshold.inputValue());
    expect(review).toBeGreaterThan(0.2);
    expect(await text(results.counts)).toContain(`with a match scoring ${review.toFixed(2)} or more.`);
    await results.threshold.fill('0');
    expect(await text(results.counts)).toMatch(/^Showing 12 of 12 openings; \d+ with a match scoring 0\.00 or more\.$/);

    await results.selectOpening('Registered Nurse');
    const ranked = results.list('Candidate titles');
    const options = ranked.getByRole('option');
    expect(await options.count()).toBe(5);
    // The same title on both sides is the best possible match.
    expect(await text(options.first())).toMatch(/^1 Registered Nurse 1 row · mid 1\.00 \d+% (Accept|Review)$/);
    const scores = await scoresIn(ranked);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    await results.search.fill('');
    await screenshots(page, shots, '03-results');
  });

  it('filters live by minimum score', async () => {
    await results.selectOpening('Senior Software Engineer');
    const ranked = results.list('Candidate titles');
    expect(await ranked.getByRole('option').count()).toBe(5);
    await results.threshold.fill('0.95');
    await page.getByText(/with a match scoring 0\.95 or more/).waitFor();
    const high = await scoresIn(ranked);
    expect(high.length).toBeGreaterThan(0);
    expect(high.length).toBeLessThan(5);
    expect(high.every((s) => s >= 0.95)).toBe(true);
    await screenshots(page, shots, '04-filtered');
    await results.threshold.fill('0');
    await page.getByText(/with a match scoring 0\.00 or more/).waitFor();
    expect(await ranked.getByRole('option').count()).toBe(5);
  });

  it('shows each match’s confidence and bucket, and filters by bucket', async () => {
    await results.selectOpening('Senior Software Engineer');
    const ranked = results.list('Candidate titles');
    const options = ranked.getByRole('option');
    expect(await options.count()).toBe(5);
    const rows = await options.allTextContents();
    for (const row of rows) expect(row.replace(/\s+/g, ' ').trim()).toMatch(/ \d\.\d\d (<1|>99|\d+)% (Accept|Review|Reject)$/);
    const words = (await ranked.locator('.bucket').allTextContents()).map((w) => w.trim());
    expect(new Set(words).size).toBeGreaterThan(1);
    await results.search.fill('');
    await screenshots(page, shots, '16-buckets');
    // Hide the rejects: only the other buckets stay, and the counts say so.
    await results.bucket('Reject').uncheck();
    await page.getByText(/in the buckets shown\.$/).waitFor();
    await results.selectOpening('Senior Software Engineer');
    const kept = (await ranked.locator('.bucket').allTextContents()).map((w) => w.trim());
    expect(kept).toEqual(words.filter((w) => w !== 'Reject'));
    await results.search.fill('');
    await screenshots(page, shots, '17-buckets-no-reject');
    await results.bucket('Reject').check();
    await page.getByText(/with a match scoring 0\.00 or more\.$/).waitFor();
  });

  it('explains why a pair matched', async () => {
    await results.list('Candidate titles').getByRole('option').filter({ hasText: 'Sr. Software Eng' }).click();
    const panel = results.explanation;
    await panel.getByText('sr → senior').waitFor();
    expect(await panel.getByText('eng → engineer').count()).toBe(1);
    expect(await panel.locator('.normalized').allTextContents()).toEqual(['senior software engineer', 'senior software engineer']);
    expect(await text(panel)).toContain('Same seniority on both sides: senior.');
    expect(await text(panel)).toContain('1 row carries this candidate title.');
    await screenshots(page, shots, '05-explanation');
  });

  it('switches to openings for each candidate, keyboard first', async () => {
    await results.search.fill('');
    await results.direction('Openings for each candidate').click();
    const list = results.list('Candidate titles');
    await list.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const selected = list.getByRole('option', { selected: true });
    expect(await selected.count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    const openings = results.list('Openings');
    await openings.getByRole('option', { selected: true }).waitFor();
    await results.explanation.getByText('Read as').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Openings');
    await screenshots(page, shots, '06-by-candidate');
    await results.direction('Candidates for each opening').click();
  });

  it('exports XLSX and CSV with what the screen shows', async () => {
    const xlsx = join(tmp, 'matches.xlsx');
    app.dialogs.answer(xlsx);
    await results.exportButton('xlsx').click();
    await page.getByText('Saved matches.xlsx').waitFor();
    const workbook = await readTable(xlsx, { sheet: 'Matches' });
    expect(workbook.sheets).toEqual(['Matches', 'Reverse matches', 'Summary']);
    // Row, the opening's columns, then rank, the candidate's title, its row, its other columns, score.
    expect(workbook.columns.slice(0, 5)).toEqual(['Row', 'Job title', 'Department', 'City', 'Rank']);
    const nurse = workbook.rows.filter((r) => r[1] === 'Registered Nurse');
    expect(nurse.length).toBeGreaterThanOrEqual(5); // top 5 titles, as on screen
    expect(nurse[0].slice(4, 6)).toEqual(['1', 'Registered Nurse']);
    expect(nurse[0]).toContain('Hedy Lamarr'); // a carried column of the candidates file
    const summary = (await readTable(xlsx, { sheet: 'Summary', header: false })).rows.map((r) => r.join(' ')).join('\n');
    expect(summary).toContain('titlematch-job-encoder');

    const csv = join(tmp, 'matches.csv');
    app.dialogs.answer(csv);
    await results.exportButton('csv').click();
    await page.getByText('Saved matches.csv').waitFor();
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = await readTable(csv);
    expect(table.rows.flat()).toContain('Senior Software Engineer');
    expect(table.rows.flat()).toContain('Ada Lovelace');
    await screenshots(page, shots, '07-exported');
  });

  it('exports a printable report and a PDF whose first page says who matches what', async () => {
    const htmlPath = join(tmp, 'report.html');
    app.dialogs.answer(htmlPath);
    await results.exportButton('html').click();
    await page.getByText('Saved report.html').waitFor();
    const viewer = await context.newPage();
    await viewer.setViewportSize({ width: 1100, height: 1300 });
    await viewer.goto(pathToFileURL(htmlPath).href);
    expect(await text(viewer.locator('h1'))).toBe('Candidates for each opening');
    const head = (await viewer.locator('header').innerText()).replace(/\s+/g, ' ');
    expect(head).toContain('Openings: openings.csv, 12 titles in column “Job title” Candidates: candidates.xlsx, sheet “Candidates”, 30 titles in column “Desired title”');
    expect(head).toMatch(/(The best|Up to) 5 candidates for each opening\. Model titlematch-job-encoder \S+ on /);
    // Every score's bar and number sit on one line, whatever the score.
    const apart = await viewer.locator('td.score').evaluateAll((cells) =>
      cells.filter((cell) => {
        const bar = cell.querySelector('.bar')?.getBoundingClientRect();
        const value = cell.querySelector('.value')?.getBoundingClientRect();
        return !bar || !value || Math.abs(bar.top + bar.height / 2 - (value.top + value.height / 2)) > 4;
      }).length,
    );
    expect(apart).toBe(0);
    expect(await viewer.locator('td.score').count()).toBeGreaterThan(12);
    await viewer.screenshot({ path: join(shots, '14-report-html.png') });
    await viewer.close();

    const pdfPath = join(tmp, 'report.pdf');
    app.dialogs.answer(pdfPath);
    await results.exportButton('pdf').click();
    await page.getByText('Saved report.pdf').waitFor();
    const bytes = readFileSync(pdfPath).toString('latin1');
    expect(bytes.slice(0, 5)).toBe('%PDF-');
    // A4 (210 x 297 mm) for the harness's en-GB locale, not Letter (216 x 279 mm).
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes);
    const mm = [box?.[1], box?.[2]].map((pt) => (Number(pt) / 72) * 25.4);
    expect(Math.abs(mm[0] - 210)).toBeLessThan(1.5);
    expect(Math.abs(mm[1] - 297)).toBeLessThan(1.5);
    const pages = pdfPages(pdfPath);
    if (pages) {
      expect(pages.length).toBeGreaterThanOrEqual(2);
      // The first page answers the question: the openings with their best candidates and scores.
      expect(pages[0]).toMatch(/Candidates for each opening/);
      expect(pages[0]).toMatch(/Senior Software Engineer[\s\S]*Registered Nurse[\s\S]*Accountant/);
      expect(pages[0]).toMatch(/\b1\.00\b/);
      pages.forEach((p, i) => {
        expect(p).toMatch(/TitleMatch: Candidates for each opening, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
        expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
      });
      // The table's header is printed again on the next page.
      const top = pages[1].trim().split('\n').slice(0, 2).join(' ');
      for (const heading of ['Opening', 'Candidate', 'Score']) expect(top).toContain(heading);
    } else {
      console.warn('PDF text not checked: pdftotext is not installed (apt-get install poppler-utils).');
    }
    pdfPngs(pdfPath, shots, '15-report-pdf');

    // The workbook as LibreOffice prints it: one page wide, the header row on every page.
    const printed = printWorkbook(join(tmp, 'matches.xlsx'));
    if (printed) {
      const sheets = pdfPages(printed);
      if (sheets) {
        const matchPages = sheets.filter((p) => /\(Matches\)|\(Reverse matches\)/.test(p));
        expect(matchPages.length).toBeGreaterThanOrEqual(3);
        for (const p of matchPages) expect(p).toMatch(/Row +Job title|Row +Name/);
        expect(matchPages.every((p) => /Score/.test(p))).toBe(true);
      }
      pdfPngs(printed, shots, '16-report-xlsx', 8);
    } else {
      console.warn('XLSX print not checked: soffice is not installed (apt-get install libreoffice-calc-nogui).');
    }
  });

  it('cancels a long run promptly and stays usable', async () => {
    const roles = ['Engineer', 'Nurse', 'Accountant', 'Driver', 'Analyst', 'Manager', 'Designer', 'Technician', 'Consultant', 'Specialist'];
    const fields = ['Software', 'Data', 'Clinical', 'Financial', 'Logistics', 'Marketing', 'Product', 'Field', 'Sales', 'Quality', 'Research', 'Network'];
    const levels = ['Junior', 'Senior', 'Lead', 'Principal', 'Staff', 'Associate', 'Chief', 'Assistant'];
    const lines = ['Title'];
    for (let i = 0; lines.length <= 40_000; i++) {
      lines.push(`${levels[i % levels.length]} ${fields[Math.floor(i / levels.length) % fields.length]} ${roles[Math.floor(i / 96) % roles.length]} ${Math.floor(i / 960)}`);
    }
    const big = join(tmp, 'many-candidates.csv');
    writeFileSync(big, `${lines.join('\n')}\n`);
    await page.getByRole('button', { name: '1. Import' }).click();
    await importPage.open('candidates', big);
    await importPage.card('candidates').getByText('many-candidates.csv', { exact: true }).waitFor();
    await importPage.matchButton.click();
    await importPage.progress.waitFor();
    await page.getByText(/Encoding titles: [\d,]+ of [\d,]+/).waitFor({ timeout: 60_000 });
    await screenshots(page, shots, '08-matching');
    await importPage.cancelButton.click();
    await page.getByRole('status').getByText('Matching cancelled.').waitFor({ timeout: 30_000 });
    expect(await importPage.progress.count()).toBe(0);
    expect(await importPage.matchButton.isEnabled()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Usable at once: back to the small file, match again.
    await importPage.open('candidates', join(fixtures, 'candidates.xlsx'));
    await importPage.card('candidates').getByText('candidates.xlsx', { exact: true }).waitFor();
    await importPage.column('candidates').selectOption('Desired title');
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
  });

  it('says what is wrong with a file, next to it', async () => {
    await page.getByRole('button', { name: '1. Import' }).click();
    const broken = join(tmp, 'broken.xlsx');
    writeFileSync(broken, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10, 0x80, 0x00, 0x00, 0x00, 0x07, 0x08]));
    await importPage.open('targets', broken);
    const alert = importPage.card('targets').getByRole('alert');
    await alert.waitFor();
    expect(await text(alert)).toMatch(/broken\.xlsx .{20,}/);
    expect(await importPage.card('candidates').getByRole('alert').count()).toBe(0);
    await screenshots(page, shots, '09-file-error');

    // Issue 12: a 20 MB cell and a quote that swallows the file are errors on the card, not a dead worker.
    const huge = join(tmp, 'huge-cell.csv');
    writeFileSync(huge, `Title\nNurse\n${'A'.repeat(20_000_000)}\n`);
    await importPage.open('targets', huge);
    await importPage.card('targets').getByRole('alert').getByText(/huge-cell\.csv: the cell in line 3, column 1 holds more than 32,767 characters/).waitFor();
    const unclosed = join(tmp, 'unclosed.csv');
    writeFileSync(unclosed, `Title\n"Nurse\n${Array.from({ length: 5_000 }, (_, i) => `Engineer ${i}`).join('\n')}\n`);
    await importPage.open('targets', unclosed);
    await importPage.card('targets').getByRole('alert').getByText(/unclosed\.csv: .*line 2.*never closed/).waitFor();
    await importPage.open('targets', join(fixtures, 'openings.csv'));
    await importPage.card('targets').getByText('openings.csv', { exact: true }).waitFor();
    expect(await importPage.card('targets').getByRole('alert').count()).toBe(0);
  });

  it('saves the work as a project and opens it again in a new window', async () => {
    await importPage.open('targets', join(fixtures, 'openings.csv'));
    await importPage.card('targets').getByText('openings.csv', { exact: true }).waitFor();
    const project = join(tmp, 'hiring.titlematch');
    app.dialogs.answer(project);
    await page.getByRole('button', { name: 'Save project' }).click();
    await page.getByRole('status').getByText('Project saved as hiring.titlematch').waitFor();

    const second = await context.newPage();
    errors.push(...collectErrors(second));
    await openApp(second);
    app.dialogs.answer(project);
    await second.getByRole('button', { name: 'Open project…' }).click();
    const reopened = new ResultsPage(second);
    await reopened.heading.waitFor();
    expect(await text(reopened.counts)).toMatch(/^Showing 12 of 12 openings/);
    await reopened.selectOpening('Registered Nurse');
    expect(await text(reopened.list('Candidate titles').getByRole('option').first())).toMatch(/^1 Registered Nurse 1 row · mid 1\.00 \d+% (Accept|Review)$/);
    await screenshots(second, shots, '10-project-reopened');
    await second.getByRole('button', { name: '1. Import' }).click();
    expect(await new ImportPage(second, app.dialogs).column('candidates').inputValue()).toBe('Desired title');
    await second.close();
  });

  it('stays readable at 200% zoom', async () => {
    await page.getByRole('button', { name: '2. Results' }).click();
    await results.heading.waitFor();
    const zoomed = await context.newPage();
    errors.push(...collectErrors(zoomed));
    // 200% zoom of a 1280x800 window: half the CSS pixels, twice the device pixels.
    await zoomed.setViewportSize({ width: 640, height: 400 });
    await openApp(zoomed);
    app.dialogs.answer(join(tmp, 'hiring.titlematch'));
    await zoomed.getByRole('button', { name: 'Open project…' }).click();
    await new ResultsPage(zoomed).heading.waitFor();
    const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshots(zoomed, shots, '11-results-200pct');
    // The lists are further down: reachable by scrolling, nothing cut off sideways.
    await zoomed.getByRole('listbox', { name: 'Openings' }).scrollIntoViewIfNeeded();
    await screenshots(zoomed, shots, '12-results-200pct-lists');
    await zoomed.getByRole('button', { name: '1. Import' }).click();
    await zoomed.getByRole('region', { name: 'Candidates' }).getByRole('table').waitFor();
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshots(zoomed, shots, '13-import-200pct');
    await zoomed.close();
  });

  it('logged no errors in the page (CSP violations included)', () => {
    expect(errors.join('\n')).toBe('');
  });
});
