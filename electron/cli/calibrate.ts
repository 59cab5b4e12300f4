/** `titlematch info --calibrate`, and the calibrated provider choice `match` uses. */
export { modelKeyOf } from '../core/engine/calibrate.js';
import {
  availableProviders,
  BULK_BATCH,
  calibratedProviders as coreCalibratedProviders,
  calibrate,
  machineId,
  measureWithEngine,
  modelKeyOf,
  saveCalibration,
  SMALL_WORK,
  type Calibration,
  type MeasureProvider,
} from '../core/engine/calibrate.js';
import type { EngineOptions, ProviderName } from '../core/engine/index.js';
import type { CliIo } from './errors.js';

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

/** The core's calibratedProviders, saying on stderr when it measures (see core/engine/calibrate). */
export function calibratedProviders(modelDir: string, cacheDir: string | undefined, titles: number, sources: CalibrationSources = {}): Promise<ProviderName[] | undefined> {
  const { io, ...rest } = sources;
  return coreCalibratedProviders(modelDir, cacheDir, titles, { ...rest, log: io ? (line) => io.stderr.write(line) : undefined });
}
