/** `titlematch info [--json] [--calibrate] [--model DIR] [--provider LIST] [--threads N] [--precision P]`: what the engine runs on. */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { joinNegativeValues } from './args.js';
import { createEngine, type EngineInfo } from '../core/engine/index.js';
import { CACHE_ARG_OPTIONS, CACHE_USAGE, cacheDirFrom } from './cache-options.js';
import { runCalibrate } from './calibrate.js';
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, engineOptionsFrom } from './engine-options.js';
import { processIo, type CliIo } from './errors.js';

export const INFO_USAGE = `Usage: titlematch info [--json] [--calibrate] [--model DIR] [--provider LIST] [--threads N] [--precision P]

Prints the model (name, version, dimension, size), the execution provider and precision in use and
why, and the thread count.

  --calibrate            time each available provider (or those of --provider) on one title and on
                         bulk batches; match then uses the fastest for this machine and model
${ENGINE_USAGE}
${CACHE_USAGE}`;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function metricsLine(metrics: Record<string, unknown> | undefined): string | undefined {
  if (!metrics) return undefined;
  const figure = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(4));
  const flat = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .filter((e): e is [string, number] => typeof e[1] === 'number')
      .map(([k, v]) => `${k} ${figure(v)}`)
      .join(', ');
  const parts: string[] = [];
  const top = flat(metrics);
  if (top) parts.push(top);
  for (const [k, v] of Object.entries(metrics)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const inner = flat(v as Record<string, unknown>);
      if (inner) parts.push(`${k}: ${inner}`);
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The human-readable info text. */
export function formatInfo(info: EngineInfo, cwd: string = process.cwd()): string {
  const path = relative(cwd, info.model.file) || info.model.file;
  const lines = [
    `model:      ${info.model.name} ${info.model.version} (${path.startsWith('..') ? info.model.file : path})`,
    `dimension:  ${info.model.dimension}`,
    `size:       ${megabytes(info.model.sizeBytes)}`,
    `max length: ${info.model.maxLength} tokens`,
    `pooling:    ${info.model.pooling}`,
    `provider:   ${info.provider} (${info.providerReason})`,
    `precision:  ${info.precision} (${info.precisionReason})`,
    `threads:    ${info.threads}`,
    `load time:  ${Math.round(info.loadMs)} ms`,
  ];
  const metrics = metricsLine(info.model.metrics);
  if (metrics) lines.push(`metrics:    ${metrics}`);
  return `${lines.join('\n')}\n`;
}

/** Runs `titlematch info`; returns the exit code. */
export async function runInfo(argv: string[], io: CliIo = processIo()): Promise<number> {
  const options = { ...ENGINE_ARG_OPTIONS, ...CACHE_ARG_OPTIONS, calibrate: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values } = parseArgs({ args: joinNegativeValues(argv, options), options });
  if (values.help) {
    io.stdout.write(`${INFO_USAGE}\n`);
    return 0;
  }
  if (values.calibrate) {
    await runCalibrate(engineOptionsFrom(values), cacheDirFrom(values), io);
    return 0;
  }
  const engine = createEngine(engineOptionsFrom(values));
  try {
    const info = await engine.info();
    io.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
    return 0;
  } finally {
    await engine.dispose();
  }
}
