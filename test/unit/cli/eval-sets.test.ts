import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, devDigest, isJobbertDev, loadEvalSet, loadRecruiterCases } from '../../../electron/cli/eval-sets.js';


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
