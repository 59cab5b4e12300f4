/** Options every command that runs the model shares: --model, --provider, --threads. */
import { resolve } from 'node:path';
import { bundledModelDir, isProviderName, PROVIDERS, type EngineOptions, type ProviderName } from '../core/engine/index.js';
import { UsageError } from './errors.js';

/** parseArgs definitions of the shared options. */
export const ENGINE_ARG_OPTIONS = {
  model: { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
} as const;

/** Engine options from parsed --model, --provider and --threads values. */
export function engineOptionsFrom(values: { model?: string; provider?: string; threads?: string }): EngineOptions {
  const options: EngineOptions = { modelDir: values.model !== undefined ? resolve(values.model) : bundledModelDir() };
  if (values.provider !== undefined) options.providers = parseProviders(values.provider);
  if (values.threads !== undefined) {
    const n = Number(values.threads);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads must be a whole number of 1 or more, got "${values.threads}".`);
    options.threads = n;
  }
  return options;
}

/** "webgpu,cpu" -> ['webgpu', 'cpu'], rejecting names onnxruntime-node does not have. */
export function parseProviders(text: string): ProviderName[] {
  const names = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = names.filter((n) => !isProviderName(n));
  if (names.length === 0 || bad.length > 0) {
    throw new UsageError(`--provider ${bad.length > 0 ? `"${bad.join('", "')}" is not a provider` : 'needs a name'}; use one or more of ${PROVIDERS.join(', ')}, separated by commas (cpu is always tried last).`);
  }
  return names.filter(isProviderName);
}
