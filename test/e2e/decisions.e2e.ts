/// <reference lib="dom" />
/**
 * Learning from the recruiter (issue 10, parts 1 and 2), in Chromium against the built renderer
 * and the real services with the bundled model: reject and accept matches (button and key), the
 * ranking adapted in the worker ("Adapted from N decisions"), hidden matches shown with the switch,
 * a new match that keeps the rejected pair out, exports that mark the accepted pair and name the
 * decisions in the Summary, the saved decisions exported as tune's CSV, the adapter turned off, the
 * saved decisions cleared and the exported file imported back. Screenshots 60-65, light and dark, go to test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDecisions } from '../../electron/core/adapter/index.js';
import { readTable } from '../../electron/core/io/index.js';
import { requireBuilt, startApp, type AppUnderTest } from './harness/app.js';
import { collectErrors, launchBrowser, screenshots, textOf as text } from './harness/browser.js';
import { serveStatic, type StaticServer } from './harness/server.js';
import { ImportPage } from './pages/import-page.js';
import { ResultsPage } from './pages/results-page.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');
const fixtures = join(root, 'test', 'fixtures', 'cli');

let server: StaticServer;
let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
let errors: string[];
let tmp: string;
let dataDir: string;
let importPage: ImportPage;
let results: ResultsPage;

beforeAll(async () => {
  requireBuilt(root);
  mkdirSync(shots, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'titlematch-e2e-decisions-'));
  dataDir = join(tmp, 'app');
  server = await serveStatic(join(root, 'out', 'renderer'));
  app = startApp(root, dataDir);
  context = await launchBrowser();
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
  errors = collectErrors(page);
  importPage = new ImportPage(page, app.dialogs);
  results = new ResultsPage(page);
  await app.attach(page, server.origin);
  await page.goto(`${server.origin}/index.html`);
});

afterAll(async () => {
  await context?.close();
  await app?.close();
  await server?.close();
});

const OPENING = 'Junior Software Engineer';

/** The ranked candidates of the selected opening, as the list reads them. */
async function ranked(): Promise<string[]> {
  return (await candidates().getByRole('option').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

const candidates = (): Locator => results.list('Candidate titles');
const adapterStatus = (): Locator => page.getByLabel('Decisions in use');
const titled = (title: string): RegExp => new RegExp(`^(\\d+|–) ${title} 1 row `);

describe('decisions, end to end', () => {
  it('matches, then rejects the first candidate of an opening with its button: hidden, and the ranking adapted in the worker', async () => {
    await importPage.open('candidates', join(fixtures, 'seniority-candidates.csv'));
    await importPage.preview('candidates').waitFor();
    await importPage.open('targets', join(fixtures, 'seniority-openings.csv'));
    await importPage.preview('targets').waitFor();
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    await results.threshold.fill('0');
    await results.selectOpening(OPENING);
    const before = await ranked();
    expect(before[0]).toMatch(titled('Software Engineer'));
    expect(before.some((r) => titled('Software Engineering Intern').test(r))).toBe(true);

    await candidates().getByRole('button', { name: 'Reject Software Engineer', exact: true }).click();
    await adapterStatus().getByText('Adapted from 1 decision').waitFor();
    const after = await ranked();
    expect(after.some((r) => titled('Software Engineer').test(r))).toBe(false);
    // Adapted scores carry no confidence.
    expect(await text(page.getByRole('note'))).toContain('Scores only, no confidence: the adapter changes the scores');
    await screenshots(page, shots, '60-decisions-rejected');
  });

  it('accepts a lower candidate with the A key: ranked first and marked', async () => {
    const intern = candidates().getByRole('option').filter({ hasText: 'Software Engineering Intern' });
    await intern.click();
    await page.keyboard.press('a');
    await adapterStatus().getByText('Adapted from 2 decisions').waitFor();
    await expect.poll(async () => (await ranked())[0]).toMatch(/^1 Software Engineering Intern 1 row · intern .*Accepted$/);
    await screenshots(page, shots, '61-decisions-accepted');
  });

  it('shows the hidden match, marked, with the switch', async () => {
    await page.getByRole('switch', { name: 'Show hidden matches' }).check();
    const hidden = (await ranked()).find((r) => titled('Software Engineer').test(r));
    expect(hidden).toMatch(/^– Software Engineer 1 row · mid hidden Rejected$/);
    await candidates().getByRole('button', { name: 'Undo the decision on Software Engineer', exact: true }).waitFor();
    await screenshots(page, shots, '62-decisions-hidden-shown');
    await page.getByRole('switch', { name: 'Show hidden matches' }).uncheck();
  });

  it('a new match keeps the rejected pair out and the accepted one first: the decisions are saved for every project', async () => {
    const store = JSON.parse(readFileSync(join(dataDir, 'decisions.json'), 'utf8')) as { decisions: unknown[] };
    expect(store.decisions).toEqual([
      { query: OPENING, match: 'Software Engineer', decision: 'reject' },
      { query: OPENING, match: 'Software Engineering Intern', decision: 'accept' },
    ]);
    await page.getByRole('button', { name: '1. Import' }).click();
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    await results.threshold.fill('0');
    await results.selectOpening(OPENING);
    const list = await ranked();
    expect(list[0]).toMatch(/^1 Software Engineering Intern .*Accepted$/);
    expect(list.some((r) => titled('Software Engineer').test(r))).toBe(false);
    expect(await text(adapterStatus())).toContain('Adapted from 2 decisions');
  });

  it('exports the accepted pair first and marked, the rejected one left out, and the decisions named in the Summary', async () => {
    const xlsx = join(tmp, 'decided.xlsx');
    app.dialogs.answer(xlsx);
    await results.exportButton('xlsx').click();
    await page.getByText('Saved decided.xlsx').waitFor();
    const sheet = await readTable(xlsx, { sheet: 'Matches' });
    const col = (name: string): number => sheet.columns.indexOf(name);
    const junior = sheet.rows.filter((r) => r[col('Job Title')] === OPENING);
    expect(junior[0][col('Matched title')]).toBe('Software Engineering Intern');
    expect(junior[0][col('Decision')]).toBe('accepted (ranked first)');
    expect(junior.map((r) => r[col('Matched title')])).not.toContain('Software Engineer');
    const summary = await readTable(xlsx, { sheet: 'Summary' });
    const adapter = [summary.columns, ...summary.rows].find((r) => r[0] === 'Adapter');
    expect(adapter?.[1]).toMatch(/^decisions made in TitleMatch: 2 decisions \(1 accepted, 1 rejected\); accepted pairs first, rejected ones hidden/);

    const html = join(tmp, 'decided.html');
    app.dialogs.answer(html);
    await results.exportButton('html').click();
    await page.getByText('Saved decided.html').waitFor();
    const viewer = await context.newPage();
    await viewer.setViewportSize({ width: 1100, height: 900 });
    await viewer.goto(pathToFileURL(html).href);
    const block = viewer.locator('tbody', { hasText: OPENING });
    expect(await block.locator('td.match').first().innerText()).toMatch(/^Software Engineering Intern/);
    expect(await block.innerText()).toContain('accepted (ranked first)');
    expect(await viewer.getByRole('row', { name: /^Adapter / }).innerText()).toMatch(/^Adapter\tdecisions made in TitleMatch: 2 decisions/);
    await screenshots(viewer, shots, '63-decisions-report-html');
    await viewer.close();
  });

  it('exports the saved decisions as the CSV titlematch tune reads', async () => {
    const csv = join(tmp, 'team-decisions.csv');
    app.dialogs.answer(csv);
    await page.getByRole('button', { name: 'Export decisions…' }).click();
    await page.getByText('Exported 2 decisions to team-decisions.csv').waitFor();
    expect(readFileSync(csv, 'utf8')).toBe(`query,match,decision\r\n${OPENING},Software Engineer,reject\r\n${OPENING},Software Engineering Intern,accept\r\n`);
    expect((await readDecisions(csv)).decisions).toHaveLength(2);
  });

  it('turned off, ranks with the model alone, the decisions kept and marked; turned on again, adapts again', async () => {
    await adapterStatus().getByRole('button', { name: 'Turn off' }).click();
    await adapterStatus().getByText('Decisions off: the model alone').waitFor();
    await expect.poll(async () => (await ranked())[0]).toMatch(/^1 Software Engineer 1 row · mid .*Rejected$/);
    await screenshots(page, shots, '64-decisions-off');
    await adapterStatus().getByRole('button', { name: 'Turn on' }).click();
    await adapterStatus().getByText('Adapted from 2 decisions').waitFor();
    await expect.poll(async () => (await ranked())[0]).toMatch(/^1 Software Engineering Intern .*Accepted$/);
  });

  it('clears the saved decisions after asking; the project keeps its own', async () => {
    const bar = page.getByRole('group', { name: 'Decisions' });
    expect(await text(bar)).toContain('2 saved · 2 in this project');
    await page.getByRole('button', { name: 'Clear saved decisions…' }).click();
    await page.getByRole('group', { name: 'Clear the saved decisions?' }).getByRole('button', { name: 'Clear' }).click();
    await bar.getByText('0 saved · 2 in this project').waitFor();
    expect(JSON.parse(readFileSync(join(dataDir, 'decisions.json'), 'utf8'))).toMatchObject({ decisions: [] });
    expect(existsSync(join(dataDir, 'decisions.json'))).toBe(true);
    await screenshots(page, shots, '65-decisions-cleared');
  });

  it('imports the exported file back (a team sharing one file)', async () => {
    app.dialogs.answer(join(tmp, 'team-decisions.csv'));
    await page.getByRole('button', { name: 'Import decisions…' }).click();
    await page.getByText('Imported 2 decisions from team-decisions.csv').waitFor();
    await page.getByRole('group', { name: 'Decisions' }).getByText('2 saved · 2 in this project').waitFor();
    const store = JSON.parse(readFileSync(join(dataDir, 'decisions.json'), 'utf8')) as { decisions: unknown[] };
    expect(store.decisions).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
