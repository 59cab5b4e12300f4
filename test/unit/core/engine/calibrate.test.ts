/**
 * Provider choice by measurement, with injected timings (only cpu exists on the test machines),
 * plus one real measurement of cpu with the bundled model and `titlematch info --calibrate`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  availableProviders,
  calibrate,
  loadCalibration,
  measureWithEngine,
  providersFor,
  representativeTitles,
  saveCalibration,
  type MeasureProvider,
} from '../../../../electron/core/engine/calibrate.js';
import { bundledModelDir, dedupe, type ProviderName } from '../../../../electron/core/engine/index.js';
import { normalizeTitle } from '../../../../electron/core/text/index.js';
import { calibratedProviders, modelKeyOf } from '../../../../electron/cli/calibrate.js';
import { runCli } from '../../cli/helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-calibrate-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A GPU that wins big batches but pays a fixed cost per call, as WebGPU measured on an H100. */
const figures: Record<string, { singleMs: number; bulkPerSecond: number } | Error> = {
  webgpu: { singleMs: 8.6, bulkPerSecond: 13741 },
  cuda: new Error('libcudart.so.12: cannot open shared object file'),
  cpu: { singleMs: 2.6, bulkPerSecond: 1628 },
};
const measure: MeasureProvider = (p) => {
  const f = figures[p];
  return f instanceof Error ? Promise.reject(f) : Promise.resolve(f);
};

describe('calibration', () => {
  it('keeps the fastest provider for bulk work and the fastest for single titles, and why others failed', async () => {
    const c = await calibrate(['webgpu', 'cuda', 'cpu'], measure, 'box', 'model-1');
    expect(c.bulk).toBe('webgpu');
    expect(c.single).toBe('cpu');
    expect(c.timings.find((t) => t.provider === 'cuda')).toMatchObject({ ok: false, reason: 'libcudart.so.12: cannot open shared object file' });
    expect(providersFor(c, 100_000)).toEqual(['webgpu', 'cpu']);
    expect(providersFor(c, 1)).toEqual(['cpu']);
    expect(providersFor(c, 32)).toEqual(['cpu']);
    expect(providersFor(c, 33)).toEqual(['webgpu', 'cpu']);
  });

  it('chooses a GPU for single titles too when it measures faster there', async () => {
    const fast: MeasureProvider = (p) => Promise.resolve(p === 'cuda' ? { singleMs: 1, bulkPerSecond: 50000 } : { singleMs: 2.6, bulkPerSecond: 1600 });
    const c = await calibrate(['cuda', 'cpu'], fast, 'box', 'm');
    expect([c.bulk, c.single]).toEqual(['cuda', 'cuda']);
  });

  it('fails with every reason when nothing can be measured', async () => {
    await expect(calibrate(['cuda'], measure, 'box', 'm')).rejects.toThrow(/cuda: libcudart/);
  });

  it('remembers one choice per machine and model, and ignores a damaged file', async () => {
    const a = await calibrate(['webgpu', 'cpu'], measure, 'box', 'model-1');
    const b = await calibrate(['cpu'], measure, 'box', 'model-2');
    await saveCalibration(dir, a);
    await saveCalibration(dir, b);
    await saveCalibration(dir, a);
    expect((await loadCalibration(dir, 'box', 'model-1'))?.bulk).toBe('webgpu');
    expect((await loadCalibration(dir, 'box', 'model-2'))?.bulk).toBe('cpu');
    expect(await loadCalibration(dir, 'other-box', 'model-1')).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'providers.json'), 'utf8'))).toHaveLength(2);
    await writeFile(join(dir, 'providers.json'), '{"truncated": ');
    expect(await loadCalibration(dir, 'box', 'model-1')).toBeUndefined();
  });

  it('times only providers that can exist here', () => {
    const precheck = (p: ProviderName): string | undefined => (p === 'webgpu' ? 'no Vulkan loader' : undefined);
    expect(availableProviders(['webgpu', 'cuda', 'cpu'], precheck)).toEqual(['cuda', 'cpu']);
    expect(availableProviders(['cpu'], precheck)).toEqual(['cpu']);
  });

  it('measures on titles that stay distinct after normalisation (duplicates would be encoded once)', () => {
    const titles = representativeTitles();
    expect(titles).toHaveLength(256);
    expect(dedupe(titles.map(normalizeTitle)).unique).toHaveLength(256);
  });
});

describe('calibration with the real engine', () => {
  it('measures cpu with the bundled model, and match then uses what info --calibrate remembered', async () => {
    const m = await measureWithEngine({ modelDir: bundledModelDir() }, { single: 3, bulk: 1 })('cpu');
    expect(Number.isFinite(m.singleMs) && Number.isFinite(m.bulkPerSecond)).toBe(true);

    const run = await runCli(['info', '--calibrate', '--provider', 'cpu', '--cache', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^cpu\s+\d+\.\d ms\s+\d+ titles\/s$/m);
    expect(run.stdout).toMatch(/bulk work: cpu; up to 32 titles: cpu/);
    const saved = await loadCalibration(dir, (JSON.parse(await readFile(join(dir, 'providers.json'), 'utf8')) as { machine: string }[])[0].machine, await modelKeyOf(bundledModelDir()));
    expect(saved?.bulk).toBe('cpu');
    expect(await calibratedProviders(bundledModelDir(), dir, 10_000)).toEqual(['cpu']);
    expect(await calibratedProviders(bundledModelDir(), undefined, 10_000)).toBeUndefined();
  });

  it('calibrates on the first bulk run when more than one provider could run, and only then', async () => {
    let measured = 0;
    const counting: MeasureProvider = (p) => (measured++, measure(p));
    const stderr: string[] = [];
    const io = { stdout: process.stdout, stderr: { write: (t: string) => stderr.push(t) > 0, isTTY: false } };
    const first = await calibratedProviders(bundledModelDir(), dir, 50_000, { providers: ['webgpu', 'cpu'], measure: counting, io });
    expect(first).toEqual(['webgpu', 'cpu']);
    expect(measured).toBe(2);
    expect(stderr.join('')).toMatch(/first run on this machine/);
    // Remembered: the next run, bulk or single, measures nothing.
    expect(await calibratedProviders(bundledModelDir(), dir, 1, { providers: ['webgpu', 'cpu'], measure: counting })).toEqual(['cpu']);
    expect(measured).toBe(2);
    // Only cpu here: nothing to choose, nothing timed, the engine's default stands.
    const other = join(dir, 'other');
    expect(await calibratedProviders(bundledModelDir(), other, 50_000, { providers: ['cpu'], measure: counting })).toBeUndefined();
    expect(measured).toBe(2);
  });

  it('reports a provider that cannot start instead of timing cpu under its name', async () => {
    await expect(measureWithEngine({ modelDir: bundledModelDir() })('dml')).rejects.toThrow(/Windows/);
  });
});
