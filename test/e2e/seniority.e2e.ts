/// <reference lib="dom" />
/**
 * Seniority as its own dimension (issue 11, part 1), in Chromium against the built renderer and
 * the real services with the bundled model: the setting beside top-K, the results with both
 * levels and what seniority took off the model's score, the explanation naming the levels, the
 * printable report's seniority columns, and Require leaving out titles more than a level apart.
 * Screenshots 50-54, light and dark, go to test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let importPage: ImportPage;
let results: ResultsPage;

beforeAll(async () => {
  requireBuilt(root);
  mkdirSync(shots, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'titlematch-e2e-seniority-'));
  server = await serveStatic(join(root, 'out', 'renderer'));
  app = startApp(root, join(tmp, 'app'));
  context = await launchBrowser();
  context.setDefaultTimeout(20_000);
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

/** The ranked candidates of the selected opening, as the list reads them. */
async function ranked(): Promise<string[]> {
  return (await results.list('Candidate titles').getByRole('option').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('seniority, end to end', () => {
  it('offers the setting beside top-K, preferring the same level by default', async () => {
    await importPage.open('candidates', join(fixtures, 'seniority-candidates.csv'));
    await importPage.preview('candidates').waitFor();
    await importPage.open('targets', join(fixtures, 'seniority-openings.csv'));
    await importPage.preview('targets').waitFor();
    expect(await importPage.seniority.inputValue()).toBe('prefer');
    expect(await importPage.seniority.getByRole('option').allTextContents()).toEqual(['Prefer the same level', 'Require within one level', 'Ignore']);
    expect(await text(page.locator('#seniority-hint'))).toBe('0.03 off the score per level apart, at most 0.09');
    await importPage.topK.selectOption('5');
    await screenshots(page, shots, '50-seniority-setting');
  });

  it('ranks a junior opening’s mid-level engineer first, showing both levels and what came off', async () => {
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    expect(await text(page.getByText(/^Seniority: prefer/))).toBe('Seniority: prefer (0.03 off the score per level of difference, at most 0.09).');
    await results.threshold.fill('0');
    await results.selectOpening('Junior Software Engineer');
    expect(await text(page.getByRole('heading', { name: /^Candidate titles for “Junior Software Engineer”/ }))).toBe('Candidate titles for “Junior Software Engineer” (entry)');
    const list = await ranked();
    // The model scores Senior Software Engineer a hair above Software Engineer; two levels away costs it 0.06.
    expect(list[0]).toMatch(/^1 Software Engineer 1 row · mid · model 0\.\d\d, −0\.03 seniority 0\.\d\d \d+% \w+$/);
    expect(list[1]).toMatch(/^2 Senior Software Engineer 1 row · senior · model 0\.\d\d, −0\.06 seniority 0\.\d\d \d+% \w+$/);
    expect(await text(results.list('Openings'))).toContain('Junior Software Engineer 1 row · entry ·');
    await screenshots(page, shots, '51-seniority-results');
  });

  it('names both levels and the words that decided them in the explanation', async () => {
    await results.list('Candidate titles').getByRole('option').nth(1).click();
    const panel = results.explanation;
    await panel.getByText('(from “senior”)').waitFor();
    expect(await text(panel)).toContain('entry (from “junior”)');
    expect(await text(panel)).toMatch(/Different seniority \(entry against senior, 2 levels apart\): the model scored 0\.\d\d, 0\.06 came off for seniority\./);
    await screenshots(page, shots, '52-seniority-explanation');
  });

  it('puts the model score under the score and both levels in the printable report', async () => {
    const htmlPath = join(tmp, 'seniority.html');
    app.dialogs.answer(htmlPath);
    await results.exportButton('html').click();
    await page.getByText('Saved seniority.html').waitFor();
    const viewer = await context.newPage();
    await viewer.setViewportSize({ width: 1100, height: 900 });
    await viewer.goto(pathToFileURL(htmlPath).href);
    const headers = (await viewer.locator('table.matches thead th').allInnerTexts()).map((h) => h.replace(/\s+/g, ' '));
    expect(headers).toEqual(expect.arrayContaining(['Candidate · seniority row · Name', 'Score model score']));
    const junior = viewer.locator('tbody', { hasText: 'Junior Software Engineer' });
    expect(await junior.locator('th.query').innerText()).toBe('Junior Software Engineer\nrow 2 · R2\nseniority: entry');
    expect(await junior.locator('td.match').first().innerText()).toBe('Software Engineer · mid\nrow 6 · Finn');
    expect(await junior.locator('td.score').first().innerText()).toMatch(/^0\.\d\d\nmodel 0\.\d\d$/);
    expect(await viewer.getByRole('row', { name: /^Seniority / }).innerText()).toBe('Seniority\tprefer (0.03 off the score per level of difference, at most 0.09)');
    await screenshots(viewer, shots, '53-seniority-report-html');
    await viewer.close();
  });

  it('with Require, leaves out candidates more than one level from the opening', async () => {
    await page.getByRole('button', { name: '1. Import' }).click();
    await importPage.seniority.selectOption('require');
    expect(await text(page.locator('#seniority-hint'))).toBe('matches more than one level apart are left out');
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    await page.getByText(/^Seniority: require/).waitFor();
    await results.threshold.fill('0');
    await results.selectOpening('Senior Graphic Designer');
    const list = (await ranked()).join('\n');
    expect(list).toContain('Lead Graphic Designer');
    expect(list).toContain('Graphic Designer 1 row · mid');
    // An intern (three levels down) and a junior (two) are left out; no score was lowered.
    expect(list).not.toContain('Graphic Design Intern');
    expect(list).not.toContain('Jr. Graphic Designer');
    expect(list).not.toContain('seniority');
    await screenshots(page, shots, '54-seniority-require');
    expect(errors).toEqual([]);
  });
});
