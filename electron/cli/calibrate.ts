/** `titlematch info --calibrate`, and the calibrated provider choice `match` uses. */
import { modelCacheKey } from '../core/engine/embedding-cache.js';
import { availableProviders, BULK_BATCH, calibrate, loadCalibration, machineId, measureWithEngine, providersFor, saveCalibration, SMALL_WORK, type Calibration, type MeasureProvider } from '../core/engine/calibrate.js';
import { readModelFolder, type EngineOptions, type ProviderName } from '../core/engine/index.js';
import type { CliIo } from './errors.js';

/** The identity of the model in a folder, as the cache and the calibration key it. */
export async function modelKeyOf(modelDir: string): Promise<string> {
  const folder = await readModelFolder(modelDir);
  return modelCacheKey(folder.dir, folder.modelPath);
}

/** The table `info --calibrate` prints. */
export function formatCalibration(c: Calibration): string {
  const lines = [`provider  one title     ${BULK_BATCH} titles per call`];
  for (const t of c.timings) {
    lines.push(t.ok ? `${t.provider.padEnd(9)} ${`${t.singleMs?.toFixed(1)} ms`.padEnd(13)} ${Math.round(t.bulkPerSecond ?? 0)} titles/s` : `${t.provider.padEnd(9)} unavailable: ${t.reason}`);
  }
  lines.push(`bulk work: ${c.bulk}; up to ${SMALL_WORK} titles: ${c.single}`);
  return `${lines.join('\n')}\n`;
}

/** Measures the providers (those asked for, else the platform's), prints the figures, remembers the choice. */
export async function runCalibrate(
  options: EngineOptions,
  cacheDir: string | undefined,
  io: CliIo,
  measure: MeasureProvider = measureWithEngine(options),
): Promise<Calibration> {
  const providers = availableProviders(options.providers);
  io.stderr.write(`timing ${providers.join(', ')} on ${BULK_BATCH} representative titles...\n`);
  const result = await calibrate(providers, measure, machineId(), await modelKeyOf(options.modelDir));
  io.stdout.write(formatCalibration(result));
  if (cacheDir !== undefined) io.stdout.write(`remembered in ${await saveCalibration(cacheDir, result)}\n`);
  return result;
}

/** What `calibratedProviders` may be given instead of the real machine (tests). */
export interface CalibrationSources {
  providers?: ProviderName[];
  measure?: MeasureProvider;
  io?: CliIo;
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
    sources.io?.stderr.write(`first run on this machine with this model: timing ${candidates.join(', ')} to pick the fastest (titlematch info --calibrate redoes it)\n`);
    calibration = await calibrate(candidates, sources.measure ?? measureWithEngine({ modelDir }), machineId(), modelKey).catch(() => undefined);
    if (calibration) await saveCalibration(cacheDir, calibration).catch(() => undefined);
  }
  return calibration ? providersFor(calibration, titles) : undefined;
}
