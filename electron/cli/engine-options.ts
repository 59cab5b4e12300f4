/** Options every command that runs the model shares: --model, --provider, --threads, --precision. */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { MODEL_CHOICES, type ModelChoice, type ModelRoute } from '../contract/types.js';
import { bundledModelDir, isProviderName, PROVIDERS, type BundledModel, type EngineOptions, type Precision, type ProviderName } from '../core/engine/index.js';
import { adapterModelOf, parseAdapter } from '../core/adapter/index.js';
import { loadLanguageProfile, routeModel } from '../core/pipeline/route.js';
import { UsageError } from './errors.js';

/** parseArgs definitions of the shared options. */
export const ENGINE_ARG_OPTIONS = {
  model: { type: 'string' },
  provider: { type: 'string' },
  threads: { type: 'string' },
  precision: { type: 'string' },
} as const;

/** Usage lines of the shared options. */
export const ENGINE_USAGE = `  --model M              auto (default: the bundled English model, or the multilingual one where
                         the titles are in other languages), english, multilingual, or a folder
                         with another model (./english for a folder of that name)
  --provider LIST        execution providers to try, in order (e.g. webgpu,cpu); cpu is always last
  --threads N            CPU threads for the model (default: the physical cores)
  --precision P          auto, fp32 or fp16 (default auto: the float16 variant on a GPU provider
                         when the model's manifest records it within 0.005 dev-set MRR of float32)`;

const PRECISIONS: readonly Precision[] = ['auto', 'fp32', 'fp16'];

/** The bundled-model choice --model names; undefined where it names a folder. */
export function modelChoiceOf(model: string | undefined): ModelChoice | undefined {
  return model === undefined ? 'auto' : MODEL_CHOICES.find((c) => c === model);
}

/**
 * Which bundled model reads a run's titles under --model (auto: by their language; see
 * core/pipeline/route.ts); undefined where --model names a folder.
 */
export async function routeFor(model: string | undefined, titles: Iterable<string>, least?: number): Promise<(ModelRoute & { model: BundledModel }) | undefined> {
  const choice = modelChoiceOf(model);
  if (choice === undefined) return undefined;
  const profile = choice === 'auto' ? await loadLanguageProfile(bundledModelDir(undefined, 'multilingual')) : undefined;
  return routeModel(choice, profile, titles, least);
}

/** The bundled model an adapter file was made for (by the sha256 it names); undefined where it names neither or cannot be read (adapterFor says why). */
async function adapterBundledModel(path: string): Promise<BundledModel | undefined> {
  let named: string;
  try {
    named = parseAdapter(await readFile(path, 'utf8'), path).model.sha256;
  } catch {
    return undefined;
  }
  for (const which of ['english', 'multilingual'] as const) {
    if ((await adapterModelOf(bundledModelDir(undefined, which))).sha256 === named) return which;
  }
  return undefined;
}

/**
 * Engine options from parsed --model, --provider, --threads and --precision values; `bundled` is the
 * bundled model a run's titles picked (routeFor), where --model leaves the choice to them (without
 * one, 'auto' runs the English model).
 */
export function engineOptionsFrom(values: { model?: string; provider?: string; threads?: string; precision?: string }, bundled?: BundledModel): EngineOptions {
  const choice = modelChoiceOf(values.model);
  const which: BundledModel = choice === 'multilingual' || (choice === 'auto' && bundled === 'multilingual') ? 'multilingual' : 'english';
  const options: EngineOptions = {
    modelDir: choice === undefined ? resolve(values.model ?? '.') : bundledModelDir(undefined, which),
    // Which titles are English is the languages' question, not the model's: the bundled profile decides for every model.
    languageProfileDir: bundledModelDir(undefined, 'multilingual'),
  };
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

/**
 * The engine options for a run's titles, the route that picked its bundled model, and the note that
 * says so where 'auto' picked the multilingual one. Under 'auto', an `adapter` file made for one of
 * the bundled models picks that model (its decisions were made with it); `least` is the share of
 * titles in other languages from which the multilingual model reads them (route.ts).
 */
export async function runEngineOptions(
  values: { model?: string; provider?: string; threads?: string; precision?: string },
  titles: Iterable<string>,
  how: { least?: number; adapter?: string } = {},
): Promise<{ options: EngineOptions; route?: ModelRoute; note?: string }> {
  const forAdapter = how.adapter !== undefined && modelChoiceOf(values.model) === 'auto' ? await adapterBundledModel(how.adapter) : undefined;
  const route = forAdapter
    ? { choice: 'auto' as const, model: forAdapter, reason: `the ${forAdapter === 'english' ? 'English' : 'multilingual'} model: the adapter ${basename(how.adapter ?? '')} was made for it` }
    : await routeFor(values.model, titles, how.least);
  const options = engineOptionsFrom(values, route?.model);
  if (route === undefined) return { options };
  return { options, route, ...(route.choice === 'auto' && route.model === 'multilingual' ? { note: `model: ${route.reason}` } : {}) };
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
