import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { loadLanguageProfile, MULTILINGUAL_SHARE, routeModel } from '../../../../electron/core/pipeline/route.js';
import type { LanguageProfile } from '../../../../electron/core/text/language.js';

const ENGLISH = ['Registered Nurse', 'Accountant', 'Truck Driver', 'Software Developer', 'Marketing Manager', 'Warehouse Associate', 'Sales Representative', 'Electrician', 'Plumber', 'Chef'];
const GERMAN = ['Krankenpfleger', 'Buchhalterin', 'LKW-Fahrer', 'Softwareentwickler', 'Vertriebsleiter'];

describe('routeModel', async () => {
  const profile = (await loadLanguageProfile(bundledModelDir(undefined, 'multilingual'))) as LanguageProfile;
  const tmp = mkdtempSync(join(tmpdir(), 'titlematch-route-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps English titles on the English model', () => {
    const route = routeModel('auto', profile, ENGLISH);
    expect(route.model).toBe('english');
    expect(route.reason).toMatch(/^the English model: no title in another language; English \d+/);
  });

  it('picks the multilingual model for German CV titles against English openings, and says why', () => {
    const route = routeModel('auto', profile, [...GERMAN, ...ENGLISH]);
    expect(route).toMatchObject({ choice: 'auto', model: 'multilingual' });
    expect(route.reason).toMatch(/^the multilingual model: \d+% of the titles are in other languages \(German \d+\)/);
  });

  it('needs a share of MULTILINGUAL_SHARE or more: one German title among many English ones keeps English', () => {
    const many = Array.from({ length: Math.ceil(2 / MULTILINGUAL_SHARE) }, (_, i) => `${ENGLISH[i % ENGLISH.length]} ${['I', 'II', 'III', 'Lead', 'Senior', 'Junior', 'Assistant', 'Trainee', 'Head', 'Chief'][Math.floor(i / ENGLISH.length) % 10]}`);
    const route = routeModel('auto', profile, [...many, 'Krankenpfleger']);
    expect(route.model).toBe('english');
    expect(route.reason).toMatch(/only 1 in another language/);
  });

  it('follows a fixed choice whatever the titles', () => {
    expect(routeModel('english', profile, GERMAN)).toEqual({ choice: 'english', model: 'english', reason: 'the English model, as set' });
    expect(routeModel('multilingual', profile, ENGLISH).model).toBe('multilingual');
  });

  it('keeps the English model, and says why, without a language profile', async () => {
    expect(await loadLanguageProfile(tmp)).toBeUndefined();
    writeFileSync(join(tmp, 'languages.json'), '{"format":"something else"}');
    const other = join(tmp, 'x');
    expect(await loadLanguageProfile(other)).toBeUndefined();
    const route = routeModel('auto', undefined, GERMAN);
    expect(route.model).toBe('english');
    expect(route.reason).toMatch(/no language profile/);
  });

  it('refuses a damaged profile file (the English model stays)', async () => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    writeFileSync(join(dir, 'languages.json'), '{"format":"titlematch-language-profile","version":1,"languages":["en"]}');
    expect(await loadLanguageProfile(dir)).toBeUndefined();
  });
});
