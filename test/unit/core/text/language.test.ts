import { describe, expect, it } from 'vitest';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { loadLanguageProfile } from '../../../../electron/core/pipeline/route.js';
import { checkLanguageProfile, describeMix, detectLanguage, fitLanguageProfile, languageMix, titleFeatures, type LanguageProfile } from '../../../../electron/core/text/language.js';

describe('titleFeatures', () => {
  it('takes each word’s character 1- to 4-grams with its ends marked, accents kept and case folded', () => {
    const f = titleFeatures('Köchin');
    expect(f).toContain('^k');
    expect(f).toContain('ö');
    expect(f).toContain('in$');
    expect(f).toContain('^kö');
    expect(f).not.toContain('^');
    expect(f.every((g) => g === g.toLowerCase())).toBe(true);
  });

  it('reads letters only: digits and punctuation make no feature', () => {
    expect(titleFeatures('(m/w/d) 2024')).toEqual(titleFeatures('m w d'));
    expect(titleFeatures('12 - 34')).toEqual([]);
  });
});

describe('a fitted profile', () => {
  const profile = fitLanguageProfile(
    {
      en: ['nurse', 'senior nurse', 'truck driver', 'software developer', 'accountant', 'head nurse'],
      de: ['krankenpfleger', 'krankenschwester', 'lkw-fahrer', 'softwareentwickler', 'buchhalter', 'fahrer'],
    },
    { source: 'test' },
  );

  it('tells the languages it was fitted on apart, on titles it never saw', () => {
    expect(detectLanguage(profile, 'Night Nurse').language).toBe('en');
    expect(detectLanguage(profile, 'Busfahrer').language).toBe('de');
  });

  it('leaves a title with no known feature undetermined', () => {
    expect(detectLanguage(profile, '1234')).toEqual({ language: null, confidence: 0, likeliest: null });
  });

  it('passes its own check, and the check refuses what is not a profile', () => {
    expect(checkLanguageProfile(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
    expect(() => checkLanguageProfile({ format: 'other' })).toThrow(/not a TitleMatch language profile/);
    expect(() => checkLanguageProfile({ ...profile, languages: ['en', 'xx'] })).toThrow(/no known languages/);
    expect(() => checkLanguageProfile({ ...profile, features: { ab: [0] } })).toThrow(/one figure per language/);
    expect(() => checkLanguageProfile({ ...profile, prior: [6] })).toThrow(/a prior without one figure per language/);

  });

  it('counts each distinct title once in a mix, and says it in words', () => {
    const mix = languageMix(profile, ['Busfahrer', 'Busfahrer', 'Night Nurse', '1234']);
    expect(mix).toEqual({ total: 3, undetermined: 1, counts: { de: 1, en: 1 } });
    expect(describeMix(mix)).toBe('German 1, English 1, undetermined 1 of 3 titles');
  });
});

describe('the bundled language profile (beside the multilingual model)', () => {
  let profile: LanguageProfile;

  it('is there and loads', async () => {
    const loaded = await loadLanguageProfile(bundledModelDir(undefined, 'multilingual'));
    expect(loaded).toBeDefined();
    profile = loaded as LanguageProfile;
    expect(profile.languages).toEqual(['en', 'de', 'es', 'fr', 'nl', 'pl', 'pt']);
  });

  // Written from general knowledge: the word for a nurse, a driver and an accountant in each language.
  it.each([
    ['Registered Nurse', 'en'],
    ['Senior Software Engineer', 'en'],
    ['Krankenpfleger', 'de'],
    ['Softwareentwickler (m/w/d)', 'de'],
    ['Enfermera de quirófano', 'es'],
    ['Conductor de camión', 'es'],
    ['Infirmière de bloc opératoire', 'fr'],
    ['Comptable', 'fr'],
    ['Verpleegkundige', 'nl'],
    ['Vrachtwagenchauffeur', 'nl'],
    ['Pielęgniarka', 'pl'],
    ['Kierowca ciężarówki', 'pl'],
    ['Enfermeiro', 'pt'],
    ['Motorista de camião', 'pt'],
  ])('detects %s as %s', (title, language) => {
    expect(detectLanguage(profile, title).language).toBe(language);
  });

  it('gives English a head start: English titles that read like another language stay English or undetermined', () => {
    expect(profile.prior).toEqual([6, 0, 0, 0, 0, 0, 0]);
    const even = { ...profile, prior: undefined };
    expect(detectLanguage(even, 'Bookkeeper').language).toBe('nl');
    expect(detectLanguage(even, 'Paralegal').language).toBe('es');
    for (const title of ['Bookkeeper', 'Paralegal']) expect(detectLanguage(profile, title).language).toBeNull();
    expect(fitLanguageProfile({ en: ['nurse'], de: ['fahrer'] }, { source: 'test', englishPrior: 0 }).prior).toBeUndefined();
  });
});
