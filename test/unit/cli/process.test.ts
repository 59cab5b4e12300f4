/**
 * The CLI as a process: what a shell sees (exit code, stdout, stderr, files left behind) when it is
 * run through npx, piped into a reader that stops early, stopped by a signal, or writing to a
 * read-only or full disk. Runs the built CLI (bin/titlematch.js over out/, rebuilt by the global
 * setup when a source is newer), so the launcher and the process handlers are covered too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../core/io/helpers.js';
import { isProgressLine, writeCliModel } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'titlematch.js');
const tmp = tempFolder('titlematch-process-');
const model = join(tmp.dir, 'model');
const env = { ...process.env, NO_COLOR: '1' };

// Lists whose every pair is matched (--top all): 250 x 250 titles give 62,500 rows, some MB of
// output, so a reader or a signal can cut in while it is written.
const WORDS = ['registered nurse', 'truck driver', 'software engineer', 'marketing manager', 'senior developer', 'hgv driver', 'lead engineer', 'full stack developer'];
const queries = join(tmp.dir, 'queries.csv');
const corpus = join(tmp.dir, 'corpus.csv');
beforeAll(async () => {
  await writeCliModel(model);
  const list = (n: number, salt: string): string => `title\n${Array.from({ length: n }, (_, i) => `${WORDS[i % WORDS.length]} ${salt}${i}`).join('\n')}\n`;
  writeFileSync(queries, list(250, 'q'));
  writeFileSync(corpus, list(250, 'c'));
});
const matchAll = ['match', queries, corpus, '--model', model, '--provider', 'cpu', '--no-cache', '--top', 'all'];

/** Whether this machine lets a test mount a small tmpfs of its own (a user and mount namespace). */
const canMount = spawnSync('unshare', ['-rm', 'true']).status === 0;

const NO_CALIBRATION_NOTE = /^note: the model has no confidence\.json, so scores are shown without a confidence\.\n/;

/** Runs the CLI in its own mount namespace with a tmpfs at `dir` (options: "ro", "size=16k"); prints the folder after. */
function runOnMount(dir: string, mountOptions: string, args: string[]): { status: number | null; stderr: string; left: string[] } {
  const script = 'mount -t tmpfs -o "$1" tmpfs "$2" || exit 99; shift 2; node "$@"; code=$?; ls -A "$TM_DIR" >&3; exit $code';
  const run = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', mountOptions, dir, BIN, ...args], {
    encoding: 'utf8',
    env: { ...env, TM_DIR: dir },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const left = (run.output[3] ?? '').split('\n').filter(Boolean);
  // The test model has no calibration: JSON and reports say so in a note before anything is written.
  // A run that lasts over a second (a loaded machine) reports progress first; those lines are not the error.
  const stderr = run.stderr
    .replace(NO_CALIBRATION_NOTE, '')
    .split('\n')
    .filter((l) => !isProgressLine(l))
    .join('\n');
  return { status: run.status, stderr, left };
}

describe('the titlematch process', () => {
  it('prints no npm warning when started through npx', () => {
    const run = spawnSync('npx', ['--no-install', 'titlematch', '--help'], { cwd: ROOT, encoding: 'utf8', env });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: titlematch/);
    expect(run.stderr).toBe('');
  });

  it('answers --version with the version and nothing else', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const run = spawnSync(process.execPath, [BIN, flag], { encoding: 'utf8', env });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`titlematch ${version}\n`);
      expect(run.status).toBe(0);
    }
  });

  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')('keeps a failing WebGPU probe quiet: no native warning on stderr, cpu used', () => {
    // A "Vulkan loader" without Vulkan in it: Dawn loads it, finds no entry point and says so on
    // the process's stderr, as it does with the real loader on a machine without a usable GPU.
    const fake = join(tmp.dir, 'fake-vulkan');
    mkdirSync(fake);
    symlinkSync(join(ROOT, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6', 'linux', 'x64', 'libonnxruntime.so.1'), join(fake, 'libvulkan.so.1'));
    const fakeEnv = { ...env, LD_LIBRARY_PATH: fake };
    const info = spawnSync(process.execPath, [BIN, 'info', '--no-cache'], { encoding: 'utf8', env: fakeEnv });
    expect(info.stderr).toBe('');
    expect(info.stdout).toMatch(/^provider: +cpu \(webgpu unavailable: .*; using cpu\)$/m);
    expect(info.status).toBe(0);
    const cache = join(tmp.dir, 'first-run-cache');
    const first = spawnSync(process.execPath, [BIN, 'match', queries, corpus, '--model', model, '--cache', cache, '--top', '1'], { encoding: 'utf8', env: fakeEnv });
    // Its own lines only: the first-run note, and progress where the run takes over a second (a busy machine).
    const lines = first.stderr.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^first run on this machine with this model: timing webgpu, cpu to pick the fastest /);
    expect(lines.slice(1).filter((l) => !l.startsWith('titlematch: '))).toEqual([]);
    expect(first.status).toBe(0);
  });

  it('stops quietly, with exit code 0, when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [BIN, ...matchAll], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s during --out report.xlsx, keeps the old report and leaves no temporary file', async (signal) => {
    const dir = join(tmp.dir, `signal-${signal}`);
    const report = join(dir, 'report.xlsx');
    spawnSync('mkdir', [dir]);
    writeFileSync(report, 'old report');
    const child = spawn(process.execPath, [BIN, ...matchAll, '--out', report], { env, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_c, s) => resolve(s)));
    // Signal as soon as the temporary file exists, while the workbook is being written.
    let sent = false;
    while (!sent && child.exitCode === null) {
      if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) sent = child.kill(signal);
      else await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(sent).toBe(true);
    expect(await ended).toBe(signal);
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
    expect(readFileSync(report, 'utf8')).toBe('old report');
  });

  it.skipIf(!canMount).each(['csv', 'json', 'xlsx', 'html'])('into a read-only folder (%s): one line naming the temporary file, exit 2', (format) => {
    const dir = join(tmp.dir, `read-only-${format}`);
    spawnSync('mkdir', [dir]);
    const run = runOnMount(dir, 'ro', [...matchAll, '--out', join(dir, `out.${format}`)]);
    expect(run.stderr).toMatch(new RegExp(`^titlematch: .*out\\.${format} was not written: the temporary file .*\\.out\\.${format}\\.\\d+\\.[0-9a-f]{8}\\.tmp could not be created, because the folder .* is on a read-only disk\\. Write to a folder you can write to`));
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.status).toBe(2);
  });

  it.skipIf(!canMount).each(['csv', 'json', 'xlsx', 'html'])('onto a full disk (%s): one line, exit 2, nothing left there', (format) => {
    const dir = join(tmp.dir, `full-${format}`);
    spawnSync('mkdir', [dir]);
    const run = runOnMount(dir, 'size=16k', [...matchAll, '--out', join(dir, `out.${format}`)]);
    expect(run.stderr).toMatch(new RegExp(`^titlematch: The disk is full: the temporary file .*\\.out\\.${format}\\.\\d+\\.[0-9a-f]{8}\\.tmp could not be written, so .*out\\.${format} was not written`));
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.status).toBe(2);
    expect(run.left).toEqual([]);
  });
});
