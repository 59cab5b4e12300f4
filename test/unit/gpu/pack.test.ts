/**
 * The GPU check's pack, built here and run here on its CPU path, from the packed folder with the
 * packed Node, as it would run on a bare GPU machine (there it adds webgpu and cuda rows).
 * Packs at low compression with a stand-in libvulkan1 package (no network in tests); the real
 * pack (`node out/test/gpu/pack.js`) checks the 64 MiB limit at full compression itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pack, type PackResult } from '../../../test/gpu/pack.js';

let dir: string;
let result: PackResult;
const out = (): string => join(dir, 'pack');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-gpu-pack-'));
  // The compiled tree the pack carries, built fresh for this test.
  execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', join(dir, 'built'), '--sourceMap', 'false']);
  const debRoot = join(dir, 'deb');
  await mkdir(join(debRoot, 'DEBIAN'), { recursive: true });
  await mkdir(join(debRoot, 'usr', 'lib', 'x86_64-linux-gnu'), { recursive: true });
  await writeFile(join(debRoot, 'DEBIAN', 'control'), 'Package: libvulkan1\nVersion: 1.3.239.0-1\nArchitecture: amd64\nMaintainer: tests <t@example.org>\nDescription: stand-in\n');
  await writeFile(join(debRoot, 'usr', 'lib', 'x86_64-linux-gnu', 'libvulkan.so.1.3.239'), 'stand-in loader');
  execFileSync('dpkg-deb', ['--build', '--root-owner-group', debRoot, join(dir, 'libvulkan1_1.3.239.0-1_amd64.deb')], { stdio: 'ignore' });
  // A dev split in the layout `npm run fp16` writes: three held-out titles, four labels.
  await mkdir(join(dir, 'dev', 'jobbert-val'), { recursive: true });
  await mkdir(join(dir, 'dev', 'esco'), { recursive: true });
  await writeFile(join(dir, 'dev', 'esco', 'occupations_en.csv'), 'conceptUri,preferredLabel\nu:1,registered nurse\nu:2,truck driver\nu:3,software developer\nu:4,accountant\n');
  await writeFile(join(dir, 'dev', 'jobbert-val', 'titles.csv'), 'vacancyTitle,conceptUri\nstaff nurse,u:1\nhgv driver,u:2\nbookkeeper,u:4\n');
  result = await pack({ out: out(), built: join(dir, 'built'), vulkanDeb: join(dir, 'libvulkan1_1.3.239.0-1_amd64.deb'), dev: join(dir, 'dev'), fast: true });
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the GPU check pack', () => {
  it('holds Node, onnxruntime linux-x64, the Vulkan loader, the model, the titles and the check', () => {
    const paths = result.files.map((f) => f.path);
    for (const p of [
      'node.gz',
      'run.sh',
      'unpack.mjs',
      'titles.txt',
      'NOTICE',
      'vulkan/libvulkan.so.1',
      'vulkan/libvulkan1_1.3.239.0-1_amd64.deb',
      'model/model.onnx.br',
      'model/model.fp16.onnx.br',
      'model/manifest.json',
      'model/tokenizer.json',
      'dev.json',
      'app/out/test/gpu/bench.js',
      'app/out/electron/core/match/ort-topk.js',
      'app/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
      'app/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1.br',
      'app/node_modules/@huggingface/tokenizers/package.json',
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths.some((p) => p.endsWith('.map') || p.endsWith('.d.ts') || p.includes('napi-v6/win32') || p.includes('napi-v6/darwin'))).toBe(false);
  });

  it('runs from the folder with its own Node on cpu, in float32 and float16: figures, identical rankings, dev MRR', async () => {
    const stdout = execFileSync('sh', [join(out(), 'run.sh'), '--providers', 'cpu,cpu-fp16', '--quick'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(stdout).toMatch(/^\| cpu \| \d+ \(1\.00x\) \| \d+ \(1\.00x\) \| \d+\.\d\d ms \| 0\.0e\+0 \| [\d.]+ \([\d.]+\) \| true \| [01]\.\d{4} \|$/m);
    expect(stdout).toMatch(/^\| cpu-fp16 \| \d+ \([\d.]+x\) \| \d+ \([\d.]+x\) \| \d+\.\d\d ms \| \d\.\de-\d \| [\d.]+ \([\d.]+\) \| true \| [01]\.\d{4} \|$/m);
    const json = JSON.parse(await readFile(join(out(), 'results.json'), 'utf8')) as {
      results: { label: string; ok: boolean; match: { identical: boolean }; maxAbsDiffVsCpu: number; dev: { n: number; mrr: number } }[];
    };
    expect(json.results.map((r) => [r.label, r.ok, r.match.identical, r.dev.n])).toEqual([
      ['cpu', true, true, 3],
      ['cpu-fp16', true, true, 3],
    ]);
    // float16 differs from float32, but only by rounding.
    expect(json.results[1].maxAbsDiffVsCpu).toBeGreaterThan(0);
    expect(json.results[1].maxAbsDiffVsCpu).toBeLessThan(0.01);
    // Node was unpacked from the pack, not taken from this machine.
    expect((await stat(join(out(), 'node'))).size).toBe((await stat(process.execPath)).size);
  }, 300_000);

  it('unpacks Node with xz when packed that way (for a model too large to leave room for gzip)', async () => {
    const xzOut = join(dir, 'pack-xz');
    const r = await pack({ out: xzOut, built: join(dir, 'built'), vulkanDeb: join(dir, 'libvulkan1_1.3.239.0-1_amd64.deb'), dev: join(dir, 'no-dev-split'), fast: true, nodeXz: true });
    expect(r.files.map((f) => f.path)).toContain('node.xz');
    expect(r.files.map((f) => f.path)).not.toContain('dev.json');
    expect(r.files.map((f) => f.path)).not.toContain('node.gz');
    const stdout = execFileSync('sh', [join(xzOut, 'run.sh'), '--providers', 'cpu', '--quick'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(stdout).toMatch(/^\| cpu \| .* \| true \|$/m);
  }, 300_000);
});
