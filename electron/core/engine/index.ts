/**
 * The embedding engine's public API: the CLI and the app's worker use only what is exported here.
 *
 *     const engine = createEngine({ modelDir: bundledModelDir() });
 *     const info = await engine.info();                 // model, provider and why, threads
 *     const vectors = await engine.encode(titles, { signal, onProgress }); // unit vectors, row-major
 */
export { createEngine } from './engine.js';
export type { Engine, EngineInfo, EngineOptions, Precision } from './types.js';
export { bundledModelDir, modelNameOf, type BundledModel } from './bundled.js';
export { LANGUAGE_PROFILE_FILE, loadLanguageProfile, MAX_FP16_MRR_DROP, ModelError, readModelFolder } from './model-folder.js';
export type { ModelFolder } from './model-folder.js';
export { PROVIDERS, ProviderError, defaultProviders, isProviderName, physicalCores } from './providers.js';
export type { ProviderName } from './providers.js';
export { clsPool, halfToFloat, l2Normalize, maxPool, meanPool } from './pooling.js';
export { dedupe, planBatches } from './batching.js';
export { countLongTitles, MAX_TITLE_CHARS } from './title-limit.js';
