/// <reference lib="dom" />
/**
 * Matching against the occupations shipped with the app (issue 11, part 2), in Chromium against
 * the built renderer and the real services: the choice beside opening a file, a taxonomy this
 * build lacks (its reason, next to the choice), and the results with code, occupation and the
 * title that matched. The taxonomies are derived, as the build derives them, from the small
 * real-format fixture of the data sets, so the run does not wait for 55,000 titles to encode.
 * Screenshots 40-42, light and dark, go to test-results/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveOnet, writeTaxonomy, writeUnavailable } from '../../electron/core/taxonomy/index.js';
import { requireBuilt, startApp, type AppUnderTest } from './harness/app.js';
import { collectErrors, launchBrowser, screenshots, textOf as text } from './harness/browser.js';
import { serveStatic, type StaticServer } from './harness/server.js';
import { ImportPage } from './pages/import-page.js';
import { ResultsPage } from './pages/results-page.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'test-results', 'screenshots');

let server: StaticServer;
let app: AppUnderTest;
let context: BrowserContext;
let page: Page;
let errors: string[];
let importPage: ImportPage;
let results: ResultsPage;

beforeAll(async () => {
  requireBuilt(root);
  mkdirSync(shots, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'titlematch-e2e-taxonomy-'));
  const taxonomies = join(tmp, 'taxonomies');
  await writeTaxonomy(taxonomies, await deriveOnet(join(root, 'test', 'fixtures', 'taxonomy')));
  await writeUnavailable(taxonomies, 'esco', 'the data folder /nowhere/shared/data has no esco/occupations_en.csv to derive it from');
  server = await serveStatic(join(root, 'out', 'renderer'));
  app = startApp(root, join(tmp, 'app'), join(root, 'models', 'titlematch'), 'en-GB', taxonomies);
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

describe('Match against occupations', () => {
  const choice = (name: 'O*NET-SOC occupations' | 'ESCO occupations') =>
    importPage.card('targets').getByRole('group', { name: 'Occupations shipped with TitleMatch' }).getByRole('button', { name });

  it('says next to the choice why a taxonomy is not in this build', async () => {
    await importPage.open('candidates', join(root, 'test', 'e2e', 'fixtures', 'candidates.xlsx'));
    await importPage.preview('candidates').waitFor();
    await choice('ESCO occupations').click();
    const alert = importPage.card('targets').getByRole('alert');
    expect(await text(alert)).toBe(
      'The ESCO occupations are not available in this build: the data folder /nowhere/shared/data has no esco/occupations_en.csv to derive it from. Build again with the data present (npm run build:node, or TITLEMATCH_DATA=DIR), or match against a file of titles.',
    );
    expect(await importPage.matchButton.isDisabled()).toBe(true);
    await screenshots(page, shots, '40-taxonomy-unavailable');
  });

  it('offers O*NET-SOC occupations beside opening a file, with what they hold and their attribution', async () => {
    await choice('O*NET-SOC occupations').click();
    const card = importPage.card('targets');
    await card.getByText('3 occupations').waitFor();
    expect(await choice('O*NET-SOC occupations').getAttribute('aria-pressed')).toBe('true');
    expect(await text(card)).toContain('O*NET-SOC occupations · O*NET 27.0 Database');
    expect(await text(card)).toContain('3 occupations · matched through 14 titles; each occupation is listed once, at its best-matching title');
    expect(await text(card)).toContain('This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor');
    expect(await card.getByRole('alert').count()).toBe(0);
    const nurses = importPage.preview('targets').getByRole('row').filter({ hasText: 'Registered Nurses' });
    expect(await nurses.getByRole('cell').allTextContents()).toEqual(['Registered Nurses', '29-1141.00']);
    await screenshots(page, shots, '41-taxonomy-choice');
  });

  it('codes each candidate title: code, occupation and the title that matched', async () => {
    await importPage.matchButton.click();
    await results.heading.waitFor({ timeout: 120_000 });
    await results.threshold.fill('0');
    await results.direction('Occupations for each candidate').click();
    await results.search.fill('RN');
    await results.list('Candidate titles').getByRole('option').filter({ hasText: /^RN/ }).first().click();
    const occupations = results.list('Occupations').getByRole('option');
    // Three occupations in this taxonomy: each listed once, the nurses first, through one of their titles.
    expect(await occupations.count()).toBe(3);
    expect(await text(occupations.first())).toMatch(/^1 Registered Nurses 29-1141\.00 matched “RN” /);
    const codes = await results.list('Occupations').locator('.code').allTextContents();
    expect(new Set(codes)).toEqual(new Set(['29-1141.00', '13-2011.00', '15-1252.00']));
    await screenshots(page, shots, '42-taxonomy-results');
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
