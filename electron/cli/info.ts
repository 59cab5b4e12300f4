/** `titlematch info [--json] [--model DIR] [--provider LIST] [--threads N]`: what the engine runs on. */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, type EngineInfo } from '../core/engine/index.js';
import { ENGINE_ARG_OPTIONS, engineOptionsFrom } from './engine-options.js';
import { processIo, type CliIo } from './errors.js';

export const INFO_USAGE = `Usage: titlematch info [--json] [--model DIR] [--provider LIST] [--threads N]

Prints the model (name, version, dimension, size), the execution provider in use and why, and the thread count.`;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function metricsLine(metrics: Record<string, unknown> | undefined): string | undefined {
  if (!metrics) return undefined;
  const parts: string[] = [];
  const visit = (prefix: string, value: unknown): void => {
    if (typeof value === 'number') parts.push(`${prefix} ${Number.isInteger(value) ? value : value.toFixed(4)}`);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(prefix ? `${prefix}.${k}` : k, v);
    }
  };
  visit('', metrics);
  return parts.length > 0 ? parts.slice(0, 8).join(', ') : undefined;
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
    `threads:    ${info.threads}`,
    `load time:  ${Math.round(info.loadMs)} ms`,
  ];
  const metrics = metricsLine(info.model.metrics);
  if (metrics) lines.push(`metrics:    ${metrics}`);
  return `${lines.join('\n')}\n`;
}

/** Runs `titlematch info`; returns the exit code. */
export async function runInfo(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...ENGINE_ARG_OPTIONS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${INFO_USAGE}\n`);
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
