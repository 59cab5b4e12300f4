/**
 * The float16 variant: when the engine runs it (GPU providers, recorded dev-set figures within the
 * limit, or asked for), how a folder's variant is found and judged, and float16 outputs read back.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelChoices } from '../../../../electron/core/engine/load.js';
import { createEngine, halfToFloat, MAX_FP16_MRR_DROP, readModelFolder, type ModelFolder } from '../../../../electron/core/engine/index.js';
import { tempFolder } from '../io/helpers.js';
import { toHalfBits, writeTinyModelFolder, type TinyFolderOptions } from './tiny-model.js';

const words = ['registered', 'nurse'];
const embeddings = [
  [0, 0, 0],
  [0, 0, 1],
  [1, 1, 0],
  [0, 1, 1],
  [2, 0, 0],
  [4, 0, 0],
];
const base: TinyFolderOptions = { words, embeddings };

/** The manifest fp16.py writes, with the given figures. */
function manifest(fp32: number, fp16: number, rounded: number, eligible = true): Record<string, unknown> {
  const drop = Math.max(fp32 - fp16, fp32 - rounded);
  return {
    name: 'tiny',
    version: '1',
    files: {},
    variants: {
      fp16: {
        file: 'model.fp16.onnx',
        dev: { fp32: { mrr: fp32 }, fp16: { mrr: fp16 }, fp16_rounded_every_op: { mrr: rounded } },
        max_mrr_drop: MAX_FP16_MRR_DROP,
        mrr_drop: Number(drop.toFixed(4)),
        eligible,
      },
    },
  };
}

const root = tempFolder('titlematch-precision-').dir;

async function folder(name: string, opts: Partial<TinyFolderOptions> = {}): Promise<ModelFolder> {
  const dir = join(root, name);
  await writeTinyModelFolder(dir, { ...base, ...opts });
  return readModelFolder(dir);
}

describe('finding and judging a float16 variant', () => {
  it('a variant whose recorded dev-set drop is within the limit is eligible, with its figures', async () => {
    const f = await folder('eligible', { fp16File: 'model.fp16.onnx', manifest: manifest(0.775, 0.7748, 0.7741) });
    expect(f.fp16?.path).toBe(join(f.dir, 'model.fp16.onnx'));
    expect(f.fp16?.eligible).toBe(true);
    expect(f.fp16?.reason).toBe('dev-set MRR 0.7750 in float32, 0.7748 in float16 (largest drop 0.0009, limit 0.005)');
  });

  it('a drop over the limit is not eligible, whatever the manifest says', async () => {
    const f = await folder('too-lossy', { fp16File: 'model.fp16.onnx', manifest: manifest(0.775, 0.76, 0.765, true) });
    expect(f.fp16?.eligible).toBe(false);
    expect(f.fp16?.reason).toMatch(/largest drop 0\.0150, limit 0\.005\): float16 is not used unless asked for/);
  });

  it('a float16 file without recorded figures (a downloaded export) is found but not eligible', async () => {
    const f = await folder('unmeasured', { fp16File: 'onnx/model_fp16.onnx' });
    expect(f.fp16?.path).toBe(join(f.dir, 'onnx', 'model_fp16.onnx'));
    expect(f.fp16?.eligible).toBe(false);
    expect(f.fp16?.reason).toMatch(/no dev-set measurement/);
  });

  it('no float16 file: no variant', async () => {
    expect((await folder('fp32-only')).fp16).toBeUndefined();
  });
});

describe('which file runs on which provider', () => {
  let eligible: ModelFolder;
  let unmeasured: ModelFolder;
  let plain: ModelFolder;
  beforeAll(async () => {
    eligible = await folder('choice-eligible', { fp16File: 'model.fp16.onnx', manifest: manifest(0.8, 0.799, 0.798) });
    unmeasured = await folder('choice-unmeasured', { fp16File: 'model_fp16.onnx' });
    plain = await folder('choice-plain');
  });
  const precisions = (f: ModelFolder, provider: 'cpu' | 'webgpu' | 'cuda', p: 'auto' | 'fp32' | 'fp16'): string[] => modelChoices(f, provider, p).map((c) => c.precision);

  it('auto: float16 first on GPU providers, with float32 after it on the same provider', () => {
    expect(precisions(eligible, 'webgpu', 'auto')).toEqual(['fp16', 'fp32']);
    expect(precisions(eligible, 'cuda', 'auto')).toEqual(['fp16', 'fp32']);
    expect(modelChoices(eligible, 'webgpu', 'auto')[0].reason).toMatch(/^float16 on webgpu: dev-set MRR 0\.8000 in float32/);
  });

  it('auto: float32 on cpu, and wherever the variant is not eligible or absent', () => {
    expect(precisions(eligible, 'cpu', 'auto')).toEqual(['fp32']);
    expect(precisions(unmeasured, 'webgpu', 'auto')).toEqual(['fp32']);
    expect(precisions(plain, 'webgpu', 'auto')).toEqual(['fp32']);
    expect(modelChoices(unmeasured, 'webgpu', 'auto')[0].reason).toMatch(/^float32: .*no dev-set measurement/);
  });

  it('asked for: exactly that precision, on any provider', () => {
    expect(precisions(unmeasured, 'cpu', 'fp16')).toEqual(['fp16']);
    expect(precisions(eligible, 'webgpu', 'fp32')).toEqual(['fp32']);
  });
});

describe('running the float16 variant', () => {
  it('asked for on cpu: runs the float16 file, reads its float16 outputs, and says so', async () => {
    const dir = join(root, 'run-fp16');
    await writeTinyModelFolder(dir, { ...base, fp16File: 'model.fp16.onnx', manifest: manifest(0.8, 0.8, 0.8) });
    const half = createEngine({ modelDir: dir, providers: ['cpu'], precision: 'fp16', threads: 1 });
    const full = createEngine({ modelDir: dir, providers: ['cpu'], threads: 1 });
    try {
      const info = await half.info();
      expect(info.precision).toBe('fp16');
      expect(info.model.file).toBe(join(dir, 'model.fp16.onnx'));
      expect(info.precisionReason).toBe('float16 (asked for)');
      const fullInfo = await full.info();
      expect(fullInfo.precision).toBe('fp32');
      expect(fullInfo.precisionReason).toBe('float32 on cpu (float16 is for GPU providers)');
      const a = await half.encode(['Registered Nurse', 'nurse']);
      const b = await full.encode(['Registered Nurse', 'nurse']);
      expect(a).toBeInstanceOf(Float32Array);
      // [CLS] registered nurse [SEP] = (7,2,1)/4: exact in float16 up to rounding of the mean.
      for (let i = 0; i < b.length; i++) expect(a[i]).toBeCloseTo(b[i], 3);
    } finally {
      await half.dispose();
      await full.dispose();
    }
  });

  it('asked for where there is no variant: a message that says what to do', async () => {
    const dir = join(root, 'no-variant');
    await writeTinyModelFolder(dir, base);
    const engine = createEngine({ modelDir: dir, providers: ['cpu'], precision: 'fp16' });
    await expect(engine.info()).rejects.toThrow(/has no float16 variant .*run it in float32/);
  });
});

describe('halfToFloat', () => {
  it('reads normal, subnormal, zero, infinite and NaN halves', () => {
    const bits = Uint16Array.from([0x3c00, 0xc000, 0x3555, 0x0001, 0x0000, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x7bff]);
    const f = halfToFloat(bits);
    expect(Array.from(f.subarray(0, 3))).toEqual([1, -2, Math.fround(0.333251953125)]);
    expect(f[3]).toBe(Math.fround(2 ** -24));
    expect(Object.is(f[4], 0)).toBe(true);
    expect(Object.is(f[5], -0)).toBe(true);
    expect([f[6], f[7]]).toEqual([Infinity, -Infinity]);
    expect(Number.isNaN(f[8])).toBe(true);
    expect(f[9]).toBe(65504);
  });

  it('round-trips the values the tests write', () => {
    const values = [0.5, 1, 2, 4, 6, -3, 0.125, 1000];
    expect(Array.from(halfToFloat(Uint16Array.from(values.map(toHalfBits))))).toEqual(values);
  });
});
