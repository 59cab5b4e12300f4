import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The weight average (models/training/titlematch_train/soup.py) on the bundled models themselves.
// It needs Python with numpy and onnx (the training's own requirements); without them it is skipped.
const root = join(import.meta.dirname, '../../..');
const python = ['python3', '/usr/bin/python3'].find(
  (py) => spawnSync(py, ['-c', 'import numpy, onnx'], { stdio: 'ignore' }).status === 0,
);
const why = python ? '' : ' (skipped: no Python with numpy and onnx)';

function run(script: string): string {
  return execFileSync(python as string, ['-c', script, join(root, 'models/training'), root], { encoding: 'utf8' });
}

const setup = `
import sys, os, numpy as np, onnx
sys.path.insert(0, sys.argv[1])
from titlematch_train import init, soup
root = sys.argv[2]
en = onnx.load(os.path.join(root, 'models/titlematch/model.onnx'))
ml = onnx.load(os.path.join(root, 'models/titlematch-multilingual/model.onnx'))
def state(m):
    return init.numpy_state(m)
`;

describe('weight averaging of one lineage (soup.py)', () => {
  it.skipIf(!python)(`keeps a model with weight 1, takes the other's first token rows with weight 1${why}`, () => {
    const out = run(`${setup}
a = state(en)
same = state(soup.average(en, [ml], [1.0, 0.0]))
print(all(np.array_equal(a[k], same[k]) for k in a))
other = state(soup.average(en, [ml], [0.0, 1.0]))
b = state(ml)
print(all(np.allclose(other[k], b[k][: a[k].shape[0]], atol=1e-6) for k in a), len(a), a['tok.weight'].shape[0], b['tok.weight'].shape[0])
half = state(soup.average(en, [ml], [0.5, 0.5]))
print(all(np.allclose(half[k], (a[k] + b[k][: a[k].shape[0]]) / 2, atol=1e-6) for k in a))
try:
    soup.average(en, [ml], [0.7, 0.7]); print('accepted')
except ValueError as e:
    print('refused')
`);
    // Every parameter of the English encoder has a counterpart in the multilingual one (52 tensors),
    // whose vocabulary extends the English 8,000 pieces.
    expect(out.trim().split('\n')).toEqual(['True', 'True 52 8000 15000', 'True', 'refused']);
  });

  it('the English model names its parents, each by version and sha256', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'models/titlematch/manifest.json'), 'utf8')) as {
      version: string;
      training: { parents?: { name: string; version: string; sha256: string; weight: number }[] };
    };
    const parents = manifest.training.parents ?? [];
    expect(parents.map((p) => `${p.name} ${p.version}`)).toEqual([
      'titlematch-job-encoder 2.0.0',
      'titlematch-job-encoder-multilingual 2.6.0',
    ]);
    for (const p of parents) expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parents.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 6);
  });
});
