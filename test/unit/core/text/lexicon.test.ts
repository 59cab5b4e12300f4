import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPANSIONS, LEXICON, parseLexicon } from '../../../../electron/core/text/lexicon-table.js';
import { analyzeTitle, normalizeTitle } from '../../../../electron/core/text/index.js';

describe('the recruiter lexicon', () => {
  it('holds at least 300 terms over every domain the product serves', () => {
    expect(LEXICON.length).toBeGreaterThanOrEqual(300);
    const domains = new Map<string, number>();
    for (const e of LEXICON) domains.set(e.domain, (domains.get(e.domain) ?? 0) + 1);
    for (const d of ['healthcare', 'it', 'finance', 'trades', 'logistics', 'sales', 'hr', 'legal', 'executive']) {
      expect(domains.get(d) ?? 0, d).toBeGreaterThanOrEqual(15);
    }
  });

  it('names the recruiter abbreviations the product is judged on', () => {
    const abbrs = new Set(LEXICON.map((e) => e.abbr));
    for (const a of ['cpa', 'rn', 'lpn', 'cna', 'swe', 'sde', 'sre', 'bdr', 'sdr', 'hrbp', 'atty', 'dba', 'qa', 'ux', 'emt', 'ot', 'pta', 'slp', 'np', 'cfo', 'vp', 'pm']) {
      expect(abbrs.has(a), a).toBe(true);
    }
  });

  it('expands only unambiguous terms: PM and PT stay for the model to read', () => {
    expect(EXPANSIONS.get('cpa')).toBe('certified public accountant');
    expect(EXPANSIONS.get('hrbp')).toBe('human resources business partner');
    for (const a of ['pm', 'pt', 'pa', 'or', 'ma', 'admin', 'exec', 'eng', 'dev', 'tech']) expect(EXPANSIONS.has(a), a).toBe(false);
  });

  it('refuses a malformed or duplicated line, naming it', () => {
    expect(() => parseLexicon('cpa\tcertified public accountant\tfinance')).toThrow(/lexicon line 1 is not/);
    expect(() => parseLexicon('cpa\tx\tfinance\tsometimes')).toThrow(/lexicon line 1 is not/);
    expect(() => parseLexicon('# c\ncpa\ta\tfinance\texpand\ncpa\tb\tfinance\texpand')).toThrow(/line 3: "cpa" appears twice/);
  });

  it('is read the same by the training pipeline (models/training/titlematch_train/lexicon.py)', () => {
    const script = 'import sys; sys.path.insert(0, sys.argv[1]); from titlematch_train import lexicon; e = lexicon.load(); print(len(e), sum(x.kind == "expand" for x in e))';
    const out = execFileSync('python3', ['-c', script, join(import.meta.dirname, '../../../../models/training')], { encoding: 'utf8' });
    expect(out.trim()).toBe(`${LEXICON.length} ${LEXICON.filter((e) => e.kind === 'expand').length}`);
  });
});

describe('normalisation with the lexicon', () => {
  it('expands recruiter abbreviations and shows the expansion', () => {
    expect(normalizeTitle('CPA')).toBe('certified public accountant');
    expect(normalizeTitle('Sr. RN, ICU')).toBe('senior registered nurse intensive care unit');
    expect(normalizeTitle('SWE II')).toBe('software engineer ii');
    expect(normalizeTitle('HRBP')).toBe('human resources business partner');
    expect(analyzeTitle('Atty').expansions).toEqual([{ from: 'atty', to: 'attorney' }]);
  });

  it('leaves ambiguous abbreviations as written', () => {
    expect(normalizeTitle('PM')).toBe('pm');
    expect(normalizeTitle('PT Aide')).toBe('pt aide');
  });
});
