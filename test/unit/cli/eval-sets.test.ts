import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dataDir,
  devDigest,
  loadEvalSet,
  loadLanguageCases,
  loadLanguageSets,
  loadRecruiterCases,
} from '../../../electron/cli/eval-sets.js';
import { isJobbertDev } from '../../../electron/core/taxonomy/jobbert.js';
import { isI18nDev, LANGUAGES } from '../../../electron/core/taxonomy/i18n.js';


const training = join(import.meta.dirname, '../../../models/training');

describe('jobbert-dev, the fixed dev part of jobbert-val', () => {
  it('splits by title: spelling variants of case and spacing fall on the same side', () => {
    expect(isJobbertDev('Sales  Executive ')).toBe(isJobbertDev('sales executive'));
    expect(isJobbertDev('MARKETING STAFF')).toBe(isJobbertDev('Marketing Staff'));
  });

  it('holds at least 5,000 titles, the very rows the training pipeline leaves out', async () => {
    const set = await loadEvalSet(dataDir(undefined));
    const idx = Array.from(set.idx).filter((_, i) => set.dev[i] === 1);
    const [count, digest] = devDigest(idx);
    expect(count).toBeGreaterThanOrEqual(5000);
    const script = 'import sys; sys.path.insert(0, sys.argv[1]); from titlematch_train import jobbert; n, d = jobbert.dev_digest(sys.argv[2]); print(n, d)';
    const out = execFileSync('python3', ['-c', script, training, dataDir(undefined)], { encoding: 'utf8' });
    expect(out.trim()).toBe(`${count} ${digest}`);
  });
});

describe('the recruiter cases', () => {
  it('hold at least 150 hand-written cases, each in a list of 40+ other titles', async () => {
    const cases = await loadRecruiterCases(join(import.meta.dirname, '../../fixtures/recruiter-cases.json'));
    expect(cases.cases.length).toBeGreaterThanOrEqual(150);
    for (const c of cases.cases) expect(cases.lists[c.list].length, c.list).toBeGreaterThan(40);
  });
});

describe('the per-language measure (esco-i18n)', () => {
  it('holds out the very labels the training pipeline leaves out, in every language', async () => {
    const dir = dataDir(undefined);
    const sets = await loadLanguageSets(dir, await loadEvalSet(dir));
    expect(sets.map((s) => s.language)).toEqual([...LANGUAGES]);
    const script =
      'import sys; sys.path.insert(0, sys.argv[1]); from titlematch_train import i18n; print(" ".join(str(i18n.dev_count(sys.argv[2], l)) for l in i18n.LANGUAGES))';
    const out = execFileSync('python3', ['-c', script, training, dir], { encoding: 'utf8' });
    expect(out.trim()).toBe(sets.map((s) => s.queries.length).join(' '));
    for (const s of sets) {
      expect(s.queries.length, s.language).toBeGreaterThan(1000);
      expect(s.targets.every((t) => t >= 0 && t < s.labels.length)).toBe(true);
      expect(s.englishTargets.every((t) => t >= 0)).toBe(true);
    }
    expect(isI18nDev('de', 'u', 'Krankenpfleger')).toBe(isI18nDev('de', 'u', 'Krankenpfleger'));
  });

  it('has at least 30 hand-written cases in each language, in lists of 40+ English titles', async () => {
    const cases = await loadLanguageCases(join(import.meta.dirname, '../../fixtures/multilingual-cases.json'));
    for (const language of LANGUAGES) expect(cases.cases.filter((c) => c.language === language).length, language).toBeGreaterThanOrEqual(30);
    for (const c of cases.cases) expect(cases.lists[c.list].length).toBeGreaterThan(40);
  });
});
