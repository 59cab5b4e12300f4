/**
 * Provider choice by measurement: time each available execution provider on a representative
 * batch (bulk throughput) and on single titles (the interactive search box), keep the fastest of
 * each per machine and model in a small JSON file, and pick from it by the size of the work.
 */
import { readFile } from 'node:fs/promises';
import { arch, cpus, hostname, platform } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { modelCacheKey } from './embedding-cache.js';
import { createEngine } from './engine.js';
import type { EngineOptions } from './types.js';
import { readModelFolder } from './model-folder.js';
import { defaultProviders, precheckProvider, withCpuLast, type ProviderName } from './providers.js';

/** Titles per model call in bulk work, as the calibration measures it. */
export const BULK_BATCH = 256;
/** Work of at most this many titles counts as small (single titles, the search box). */
export const SMALL_WORK = 32;

/** One provider's figures, or why it could not be measured. */
export interface ProviderTiming {
  provider: ProviderName;
  ok: boolean;
  reason?: string;
  /** Median milliseconds to encode one title. */
  singleMs?: number;
  /** Titles per second at BULK_BATCH titles per call (median of runs). */
  bulkPerSecond?: number;
}

/** What was measured, and the choice, for one machine and one model. */
export interface Calibration {
  machine: string;
  modelKey: string;
  date: string;
  timings: ProviderTiming[];
  /** Fastest for bulk work. */
  bulk: ProviderName;
  /** Fastest for single titles and small batches. */
  single: ProviderName;
}

/** Measures one provider; throws if the provider cannot run the model. */
export type MeasureProvider = (provider: ProviderName) => Promise<{ singleMs: number; bulkPerSecond: number }>;

/** A description of this machine that changes when its CPU or OS does (GPU changes: recalibrate). */
export function machineId(): string {
  const cpu = cpus();
  return `${hostname()} ${platform()}-${arch()} ${cpu[0]?.model.trim() ?? 'cpu'} x${cpu.length}`;
}

/** Providers worth timing here: the platform's preference less those ruled out for certain. */
export function availableProviders(preference: readonly ProviderName[] = defaultProviders(), precheck = precheckProvider): ProviderName[] {
  return withCpuLast(preference).filter((p) => precheck(p) === undefined);
}

/** Times every provider (in order; one failing does not stop the others) and picks the fastest. */
export async function calibrate(providers: readonly ProviderName[], measure: MeasureProvider, machine: string, modelKey: string): Promise<Calibration> {
  const timings: ProviderTiming[] = [];
  for (const provider of providers) {
    try {
      const m = await measure(provider);
      timings.push({ provider, ok: true, singleMs: m.singleMs, bulkPerSecond: m.bulkPerSecond });
    } catch (e) {
      timings.push({ provider, ok: false, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    }
  }
  const ok = timings.filter((t) => t.ok);
  if (ok.length === 0) throw new Error(`no execution provider could be measured (${timings.map((t) => `${t.provider}: ${t.reason}`).join('; ')})`);
  // Ties keep the earlier provider in the preference.
  const bulk = ok.reduce((a, b) => ((b.bulkPerSecond ?? 0) > (a.bulkPerSecond ?? 0) ? b : a));
  const single = ok.reduce((a, b) => ((b.singleMs ?? Infinity) < (a.singleMs ?? Infinity) ? b : a));
  return { machine, modelKey, date: new Date().toISOString(), timings, bulk: bulk.provider, single: single.provider };
}

/** The provider preference for work of `titles` titles: the calibrated choice first, cpu last. */
export function providersFor(calibration: Calibration, titles: number): ProviderName[] {
  return withCpuLast([titles <= SMALL_WORK ? calibration.single : calibration.bulk]);
}

const FILE = 'providers.json';

/** Remembers a calibration in the cache folder (one per machine and model; others kept). */
export async function saveCalibration(dir: string, calibration: Calibration): Promise<string> {
  const path = join(dir, FILE);
  const others = (await readAll(dir)).filter((c) => c.machine !== calibration.machine || c.modelKey !== calibration.modelKey);
  await writeFileAtomic(path, `${JSON.stringify([...others, calibration].slice(-20), null, 2)}\n`, { mkdir: true, kind: 'file' });
  return path;
}

/** The remembered calibration for this machine and model; undefined if none (or the file is damaged). */
export async function loadCalibration(dir: string, machine: string, modelKey: string): Promise<Calibration | undefined> {
  return (await readAll(dir)).find((c) => c.machine === machine && c.modelKey === modelKey);
}

function isCalibration(c: unknown): c is Calibration {
  if (c === null || typeof c !== 'object') return false;
  const o = c as Record<string, unknown>;
  return typeof o.machine === 'string' && typeof o.modelKey === 'string' && typeof o.bulk === 'string' && typeof o.single === 'string' && Array.isArray(o.timings);
}

async function readAll(dir: string): Promise<Calibration[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, FILE), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter(isCalibration) : [];
  } catch {
    return [];
  }
}

const SENIORITY = ['', 'Senior ', 'Junior ', 'Lead ', 'Assistant ', 'Chief ', 'Principal ', 'Trainee '];
const ROLES = [
  'Software Engineer', 'Registered Nurse', 'Truck Driver', 'Accountant', 'Marketing Manager', 'Data Analyst',
  'Customer Service Representative', 'Warehouse Operative', 'Mechanical Design Engineer', 'Primary School Teacher',
  'Sales Associate', 'Chef de Partie', 'Human Resources Business Partner', 'Electrician', 'Pharmacy Technician',
  'Financial Controller', 'Civil Engineer', 'Graphic Designer', 'Project Manager', 'Security Officer',
  'Dental Hygienist', 'Payroll Administrator', 'Machine Learning Engineer', 'Forklift Operator',
  'Social Worker', 'Quantity Surveyor', 'Legal Secretary', 'Network Administrator', 'Physiotherapist',
  'Store Manager', 'Research Scientist', 'Plumber',
];

/** BULK_BATCH distinct, realistic titles of mixed lengths (the engine encodes duplicates once). */
export function representativeTitles(n: number = BULK_BATCH): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) out.push(`${SENIORITY[Math.floor(i / ROLES.length) % SENIORITY.length]}${ROLES[i % ROLES.length]}${i >= ROLES.length * SENIORITY.length ? ` ${Math.floor(i / (ROLES.length * SENIORITY.length)) + 1}` : ''}`);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Measures a provider with the real engine: loads the model on it alone (no fallback, so a
 * failing GPU is reported, not timed as cpu), warms up both shapes, then times single titles and
 * BULK_BATCH-title calls.
 */
export function measureWithEngine(options: Omit<EngineOptions, 'providers'>, runs = { single: 15, bulk: 3 }): MeasureProvider {
  return async (provider) => {
    const engine = createEngine({ ...options, providers: [provider], batchSize: BULK_BATCH, maxBatchTokens: BULK_BATCH * 64 });
    try {
      const info = await engine.info();
      if (info.provider !== provider) throw new Error(info.attempts.find((a) => a.provider === provider)?.reason ?? `${provider} did not start`);
      const titles = representativeTitles();
      await engine.encode(titles); // warm-up: first runs at each shape compile kernels
      const single: number[] = [];
      for (let i = 0; i < runs.single; i++) {
        const t0 = performance.now();
        await engine.encode([titles[(i * 7) % titles.length]]);
        single.push(performance.now() - t0);
      }
      const bulk: number[] = [];
      for (let i = 0; i < runs.bulk; i++) {
        const t0 = performance.now();
        await engine.encode(titles);
        bulk.push(performance.now() - t0);
      }
      return { singleMs: median(single), bulkPerSecond: (titles.length * 1000) / median(bulk) };
    } finally {
      await engine.dispose();
    }
  };
}

/** The identity of the model in a folder, as the cache and the calibration key it. */
export async function modelKeyOf(modelDir: string): Promise<string> {
  const folder = await readModelFolder(modelDir);
  return modelCacheKey(folder.dir, folder.modelPath);
}

/** What `calibratedProviders` may be given instead of the real machine (tests), and where it says what it does. */
export interface CalibrationSources {
  providers?: ProviderName[];
  measure?: MeasureProvider;
  log?: (line: string) => void;
}

/**
 * The provider preference for `titles` titles from this machine's calibration for the model, or
 * undefined (the engine's default) without a cache. When none is remembered and more than one
 * provider could run here, calibrates first (once per machine and model: a few seconds).
 */
export async function calibratedProviders(modelDir: string, cacheDir: string | undefined, titles: number, sources: CalibrationSources = {}): Promise<ProviderName[] | undefined> {
  if (cacheDir === undefined) return undefined;
  const modelKey = await modelKeyOf(modelDir);
  let calibration = await loadCalibration(cacheDir, machineId(), modelKey);
  const candidates = sources.providers ?? availableProviders();
  if (calibration === undefined && candidates.length > 1) {
    sources.log?.(`first run on this machine with this model: timing ${candidates.join(', ')} to pick the fastest (titlematch info --calibrate redoes it)\n`);
    calibration = await calibrate(candidates, sources.measure ?? measureWithEngine({ modelDir }), machineId(), modelKey).catch(() => undefined);
    if (calibration) await saveCalibration(cacheDir, calibration).catch(() => undefined);
  }
  return calibration ? providersFor(calibration, titles) : undefined;
}
