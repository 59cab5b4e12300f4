/** Options every command that runs the model shares: --model, --provider, --threads, --precision. */
import { resolve } from 'node:path';
import { bundledModelDir, isProviderName, PROVIDERS, type EngineOptions, type Precision, type ProviderName } from '../core/engine/index.js';
import { UsageError } from './errors.js';

/** parseArgs definitions of the shared options. */
export const ENGINE_ARG_OPTIONS = {
  model: { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
  precision: { type: 'string' },
} as const;

/** Usage lines of the shared options. */
export const ENGINE_USAGE = `  --model DIR            use the model in DIR instead of the bundled one
  --provider LIST        execution providers to try, in order (e.g. webgpu,cpu); cpu is always last
  --threads N            CPU threads for the model (default: the physical cores)
  --precision P          auto, fp32 or fp16 (default auto: the float16 variant on a GPU provider
                         when the model's manifest records it within 0.005 dev-set MRR of float32)`;

const PRECISIONS: readonly Precision[] = ['auto', 'fp32', 'fp16'];

/** Engine options from parsed --model, --provider, --threads and --precision values. */
export function engineOptionsFrom(values: { model?: string; provider?: string; threads?: string; precision?: string }): EngineOptions {
  const options: EngineOptions = { modelDir: values.model !== undefined ? resolve(values.model) : bundledModelDir() };
  if (values.provider !== undefined) options.providers = parseProviders(values.provider);
  if (values.threads !== undefined) {
    const n = Number(values.threads);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads must be a whole number of 1 or more, got "${values.threads}".`);
    options.threads = n;
  }
  if (values.precision !== undefined) {
    const p = PRECISIONS.find((x) => x === values.precision?.toLowerCase());
    if (p === undefined) throw new UsageError(`--precision must be one of ${PRECISIONS.join(', ')}, got "${values.precision}".`);
    options.precision = p;
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
