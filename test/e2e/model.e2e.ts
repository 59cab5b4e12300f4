/// <reference lib="dom" />
/**
 * The recruiter's own model (issue 11, part 3), in Chromium against the built renderer and the
 * real services: the Model setting in the status bar, a folder that cannot be used, a folder that
 * can (the bundled model's files copied without their manifest and calibration, as a recruiter's
 * own export would come), a match and a report with it, and the next start after the folder went
 * away; then two bundled models, German CV titles read with the multilingual one; then "Sr. PM"
 * and "PT", read in each of their senses. Screenshots 30-36, light and dark, in
 * test-results/screenshots/.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuilt, startApp, type AppUnderTest } from './harness/app.js';
import { collectErrors, launchBrowser, screenshots, textOf as text } from './harness/browser.js';
import { serveStatic, type StaticServer } from './harness/server.js';
import { ImportPage } from './pages/import-page.js';
import { ResultsPage } from './pages/results-page.js';
import { StatusBar } from './pages/status-bar.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test', 'e2e', 'fixtures');
const shots = join(root, 'test-results', 'screenshots');
const bundled = join(root, 'models', 'titlematch');

let server: StaticServer;
let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
let errors: string[];
let data: string;
let own: string;
let bar: StatusBar;

/** Starts the app's services on `data` (its settings.json included) and opens a window on them. */
async function open(): Promise<void> {
  app = startApp(root, data);
  page = await context.newPage();
  errors.push(...collectErrors(page));
  bar = new StatusBar(page, app.dialogs);
  await app.attach(page, server.origin);
  await page.goto(`${server.origin}/index.html`);
}

beforeAll(async () => {
  requireBuilt(root);
  mkdirSync(shots, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'titlematch-e2e-model-'));
  data = join(tmp, 'app-data');
  // A recruiter's own export: model, tokenizer and configuration, no manifest, no confidence.json.
  own = join(tmp, 'acme-titles');
  mkdirSync(own);
  for (const file of ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json']) copyFileSync(join(bundled, file), join(own, file));
  cpSync(join(bundled, '1_Pooling'), join(own, '1_Pooling'), { recursive: true });
  mkdirSync(join(tmp, 'empty-export'));
  server = await serveStatic(join(root, 'out', 'renderer'));
  context = await launchBrowser();
  context.setDefaultTimeout(20_000);
  errors = [];
  await open();
});

afterAll(async () => {
  await context?.close();
  await app?.close();
  await server?.close();
});

describe('the Model setting, end to end', () => {
  it('starts on the bundled model, with the setting beside Run on', async () => {
    await bar.ready();
    expect(await text(bar.engine)).toMatch(/^Model: titlematch-job-encoder \S+ \(256-d\) · Running on: /);
    expect(await bar.model.inputValue()).toBe('auto');
    expect(await bar.model.getByRole('option').allTextContents()).toEqual(['Bundled, by language', 'Bundled English', 'Bundled multilingual', 'Choose a folder…']);
    expect(await bar.modelProblem.count()).toBe(0);
    await screenshots(page, shots, '30-model-bundled');
  });

  it('says why a folder cannot be used, with the CLI’s message, and keeps the bundled model', async () => {
    const empty = join(data, '..', 'empty-export');
    await bar.chooseFolder(empty);
    await bar.modelProblem.waitFor({ timeout: 60_000 });
    expect(await text(bar.modelProblem)).toMatch(/^Model folder \S*empty-export is incomplete: missing model\.onnx \(or onnx\/model\.onnx\), tokenizer\.json, config\.json\. A model folder needs /);
    expect(await bar.model.inputValue()).toBe('auto');
    await bar.ready();
    expect(await text(bar.engine)).toMatch(/^Model: titlematch-job-encoder /);
    expect(app.dialogs.asked.at(-1)).toBe('open-model-folder');
    expect(existsSync(join(data, 'settings.json'))).toBe(false);
    await screenshots(page, shots, '31-model-folder-error');
  });

  it('runs a chosen folder’s model, named by its folder, and remembers it', async () => {
    await bar.chooseFolder(own);
    await bar.engine.getByText('Model: acme-titles (256-d)').waitFor({ timeout: 60_000 });
    expect(await bar.model.inputValue()).toBe('folder');
    expect(await bar.model.getByRole('option').allTextContents()).toEqual(['Bundled, by language', 'Bundled English', 'Bundled multilingual', 'acme-titles', 'Choose a folder…']);
    expect(await bar.engine.getByText('Model: acme-titles (256-d)').getAttribute('title')).toBe(`acme-titles unversioned, from ${own}`);
    expect(await bar.modelProblem.count()).toBe(0);
    expect(JSON.parse(readFileSync(join(data, 'settings.json'), 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'auto', modelFolder: own });
    await screenshots(page, shots, '32-model-own-folder');
  });

  it('matches with it: scores only, as its folder has no calibration, and the report names the folder', async () => {
    const importPage = new ImportPage(page, app.dialogs);
    const results = new ResultsPage(page);
    await importPage.open('candidates', join(fixtures, 'candidates.xlsx'));
    await importPage.card('candidates').getByText('candidates.xlsx', { exact: true }).waitFor();
    await importPage.open('targets', join(fixtures, 'openings.csv'));
    await importPage.card('targets').getByText('openings.csv', { exact: true }).waitFor();
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    expect(await text(page.getByRole('note'))).toBe('Scores only, no confidence: the model has no confidence.json, so scores are shown without a confidence.');
    await results.selectOpening('Registered Nurse');
    const best = results.list('Candidate titles').getByRole('option').first();
    // The bundled model's weights in the recruiter's folder: "RN" still reads as Registered Nurse,
    // and the match shows its score without a confidence or a bucket.
    expect(await text(best)).toBe('1 RN 1 row · mid 1.00');
    await results.search.fill('');
    await screenshots(page, shots, '33-model-own-results');

    const report = join(data, '..', 'report.html');
    app.dialogs.answer(report);
    await results.exportButton('html').click();
    await page.getByText('Saved report.html').waitFor();
    const html = readFileSync(report, 'utf8');
    expect(html).toContain(`Model acme-titles unversioned (folder ${own}) on `);
  });

  it('starts on the bundled model when the folder has gone, says so, and can go back to the bundled model for good', async () => {
    await page.close();
    await app.close();
    renameSync(own, `${own}-moved`);
    await open();
    await bar.ready();
    expect(await text(bar.engine)).toMatch(/^Model: titlematch-job-encoder /);
    expect(await text(bar.modelProblem)).toBe(
      `The model in ${own} could not be loaded, so the bundled model is used: Model folder ${own} does not exist or is not a folder; pass the folder that holds model.onnx and tokenizer.json.`,
    );
    expect(await bar.model.inputValue()).toBe('folder');
    expect(await bar.model.getByRole('option').allTextContents()).toEqual(['Bundled, by language', 'Bundled English', 'Bundled multilingual', 'acme-titles (not available)', 'Choose a folder…']);
    await screenshots(page, shots, '34-model-fallback');

    await bar.model.selectOption('auto');
    await page.waitForFunction(() => !document.querySelector('footer [role="alert"]'));
    expect(await bar.model.inputValue()).toBe('auto');
    expect(JSON.parse(readFileSync(join(data, 'settings.json'), 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'auto' });
  });

  it('reads German CV titles against English openings with the multilingual model, says so, and names each title’s language', async () => {
    const german = join(data, '..', 'lebenslaeufe.csv');
    writeFileSync(german, 'Name,Berufsbezeichnung\nAnna,Krankenpflegerin\nBen,Buchhalter\nCarl,LKW-Fahrer\nDora,Softwareentwicklerin\n');
    const importPage = new ImportPage(page, app.dialogs);
    const results = new ResultsPage(page);
    await importPage.open('candidates', german);
    await importPage.card('candidates').getByText('lebenslaeufe.csv', { exact: true }).waitFor();
    await importPage.open('targets', join(fixtures, 'openings.csv'));
    await importPage.card('targets').getByText('openings.csv', { exact: true }).waitFor();
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    const route = bar.engine.getByText('picked for the titles’ language: multilingual');
    await route.waitFor({ timeout: 60_000 });
    expect(await route.getAttribute('title')).toMatch(/^This run: the multilingual model: \d+% of the titles are in other languages \(German 4\)/);
    expect(await text(bar.engine)).toMatch(/^Model: titlematch-job-encoder-multilingual \S+ \(256-d\)/);
    await results.selectOpening('Accountant');
    const best = results.list('Candidate titles').getByRole('option').first();
    expect(await text(best)).toMatch(/^1 Buchhalter /);
    await best.click();
    const languages = results.explanation.locator('dd.language');
    await languages.first().waitFor();
    expect(await languages.allTextContents()).toEqual([expect.stringMatching(/^English \(\d+% sure\)$/), expect.stringMatching(/^German \(\d+% sure\)$/)]);
    await screenshots(page, shots, '35-model-by-language');
  });

  it('reads an abbreviation of several meanings in each, and the explanation names them', async () => {
    const cvs = join(data, '..', 'cvs.csv');
    const openings = join(data, '..', 'openings-health-pm.csv');
    writeFileSync(cvs, 'Name,Job title\nEve,Sr. PM\nFinn,PT\nGus,Accounts Payable Clerk\n');
    writeFileSync(openings, 'Job title\nProject Manager\nPhysical Therapist\nAccountant\nTruck Driver\nMarketing Manager\n');
    const importPage = new ImportPage(page, app.dialogs);
    const results = new ResultsPage(page);
    await page.getByRole('button', { name: '1. Import' }).click();
    await importPage.open('candidates', cvs);
    await importPage.card('candidates').getByText('cvs.csv', { exact: true }).waitFor();
    await importPage.open('targets', openings);
    await importPage.card('targets').getByText('openings-health-pm.csv', { exact: true }).waitFor();
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    await results.selectOpening('Physical Therapist');
    expect(await text(results.list('Candidate titles').getByRole('option').first())).toMatch(/^1 PT /);
    await results.selectOpening('Project Manager');
    const best = results.list('Candidate titles').getByRole('option').first();
    expect(await text(best)).toMatch(/^1 Sr\. PM /);
    await best.click();
    await results.explanation.getByText('sr → senior').waitFor();
    const senses = results.explanation.getByText('pm → project manager or product manager or program manager or preventive maintenance (each read)');
    expect(await senses.count()).toBe(1);
    await senses.scrollIntoViewIfNeeded();
    await screenshots(page, shots, '36-abbreviation-senses');
  });

  it('logged no errors in the page', () => {
    expect(errors.join('\n')).toBe('');
  });
});
