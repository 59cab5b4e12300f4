/**
 * The match service's engine host: the engine for the model and provider settings (made on first
 * use, a chosen folder that cannot be loaded giving way to the bundled model), its cached encoder
 * and its matcher, the status the window shows, and reloading them when a setting changes.
 */
import type { EngineStatus, ModelChoice, ModelName, ModelRoute, ProviderChoice } from '../../contract/types.js';
import { availableProviders, calibratedProviders } from '../engine/calibrate.js';
import { cachedEngine } from '../engine/embedding-cache.js';
import { createEngine, modelNameOf, physicalCores, type Engine, type EngineOptions } from '../engine/index.js';
import type { Matcher } from '../match/index.js';
import { loadLanguageProfile, routeModel } from '../pipeline/route.js';
import { matcherFor } from '../pipeline/run.js';
import { providerLabel } from './providers.js';

/** The engine settings of the match service (ServiceOptions extends these). */
export interface EngineHostOptions {
  /** The bundled (English) model's folder. */
  modelDir: string;
  /** The bundled multilingual model's folder; absent: the English model reads every title. */
  multilingualModelDir?: string;
  /** Which bundled model reads the titles (default 'auto': picked per run by their language). */
  modelChoice?: ModelChoice;
  /** A model folder the person chose (the Model setting); null or absent: the bundled model. */
  modelFolder?: string | null;
  /** An engine to use instead of one made from modelDir (tests). */
  engine?: Engine;
  /** Folder of the on-disk title cache (vectors per model); none when absent. */
  cacheDir?: string;
  /** The engine's tokenizing worker file, where the default beside the engine is not there (a bundle). */
  tokenizeWorker?: string;
  /** Where the engine runs at first (default 'auto': measured fastest, remembered in cacheDir). */
  provider?: ProviderChoice;
  /** How engines are made (tests); default createEngine. */
  engineFactory?: (options: EngineOptions) => Engine;
}

/** The engine, its encoder and matcher for the settings in force. */
export interface EngineHost {
  engine(): Promise<Engine>;
  /** The engine through the title cache (`name`: a cache file of its own, as a taxonomy's), or the engine where there is no cache. */
  encoder(name?: string): Promise<Engine>;
  matcher(): Promise<Matcher>;
  status(): Promise<EngineStatus>;
  /** Reloads the engine on the chosen provider (the caller refuses while a match runs). */
  setProvider(choice: ProviderChoice): Promise<EngineStatus>;
  /** Runs the model in a folder (null: the bundled one), loaded and checked first; the caller refuses while a match runs. */
  setModel(folder: string | null): Promise<EngineStatus>;
  /** Which bundled model reads the titles; the caller refuses while a match runs. */
  setModelChoice(choice: ModelChoice): Promise<EngineStatus>;
  /**
   * Picks the bundled model for a run's titles (switching engines where it changes) and returns
   * which and why; null where no choice is made (a folder's model, an engine given by a test, or no
   * multilingual model). Call it before the run's first encode.
   */
  route(titles: Iterable<string>): Promise<ModelRoute | null>;
  /** A model as results and reports name it (a bundled model without its folder). */
  nameOf(model: { name: string; version: string; dir: string }): ModelName;
  /** Frees the engine and its matcher; the next call makes them again. */
  release(): Promise<void>;
}

/** Creates the engine host. */
export function createEngineHost(options: EngineHostOptions): EngineHost {
  let choice: ProviderChoice = options.provider ?? 'auto';
  let folder: string | null = options.modelFolder ?? null;
  let modelChoice: ModelChoice = options.modelChoice ?? 'auto';
  // The bundled model in use, and why the latest run used it.
  let bundled: 'english' | 'multilingual' = modelChoice === 'multilingual' && options.multilingualModelDir ? 'multilingual' : 'english';
  let lastRoute: ModelRoute | null = null;
  const bundledDir = (): string => (bundled === 'multilingual' && options.multilingualModelDir ? options.multilingualModelDir : options.modelDir);
  const bundledDirs = [options.modelDir, ...(options.multilingualModelDir ? [options.multilingualModelDir] : [])];
  const nameOf = (model: { name: string; version: string; dir: string }): ModelName => modelNameOf(model, bundledDirs);
  // Why the chosen folder's model is not the one running, when it is not.
  let notice: string | null = null;
  let current: Promise<Engine> | undefined;
  /** An engine for the model in `dir` on the provider setting, loaded: a folder that cannot be used throws ModelError, as `--model DIR` does. */
  const startEngine = async (dir: string): Promise<Engine> => {
    // Bulk work is what the app does: the provider measured fastest for it, for this model.
    const providers = choice === 'auto' ? await calibratedProviders(dir, options.cacheDir, Number.MAX_SAFE_INTEGER).catch(() => undefined) : [choice];
    const engine = (options.engineFactory ?? createEngine)({
      modelDir: dir,
      tokenizeWorker: options.tokenizeWorker,
      providers,
      // As the explanation panel does: the multilingual profile says which titles are English, for either model.
      ...(options.multilingualModelDir ? { languageProfileDir: options.multilingualModelDir } : {}),
    });
    try {
      await engine.load();
      return engine;
    } catch (error) {
      await engine.dispose();
      throw error;
    }
  };
  /** The engine for the settings, made on first use; a chosen folder that cannot be loaded any more gives way to the bundled model. */
  const engineOf = (): Promise<Engine> =>
    (current ??= (async () => {
      if (options.engine) return options.engine;
      notice = null;
      if (folder === null) return startEngine(bundledDir());
      try {
        return await startEngine(folder);
      } catch (error) {
        notice = `The model in ${folder} could not be loaded, so the bundled model is used: ${error instanceof Error ? error.message : String(error)}`;
        return startEngine(bundledDir());
      }
    })());
  /** The engine through the title cache (a cache file of its own with `name`), or the engine itself where there is no cache or it cannot open. */
  const throughCache = async (engine: Engine, name?: string): Promise<Engine> =>
    options.cacheDir === undefined ? engine : cachedEngine(engine, options.cacheDir, name).catch(() => engine);
  // Created on first use, on the engine's provider; each falls back to the plain path if it cannot start.
  let encoder: Promise<Engine> | undefined;
  let matcher: Promise<Matcher> | undefined;
  const encoderOf = (): Promise<Engine> => (encoder ??= engineOf().then((engine) => throughCache(engine)));
  const matcherOf = (): Promise<Matcher> => (matcher ??= engineOf().then(matcherFor));

  let warming: Promise<unknown> | undefined;

  /** The providers worth offering on this machine, named as the status bar names them. */
  const available = (threads: number): EngineStatus['available'] => availableProviders().map((id) => ({ id, label: providerLabel(id, threads) }));

  async function status(): Promise<EngineStatus> {
    try {
      const engine = await engineOf();
      const info = await engine.info();
      // Compile a GPU's kernels for the bulk shapes while the recruiter picks files (a no-op on
      // the CPU). A failure here shows up, with its message, in the match that meets it.
      warming ??= engine.warmUp().catch(() => undefined);
      return {
        state: 'ready',
        model: { name: info.model.name, version: info.model.version, dimension: info.model.dimension, folder: nameOf(info.model).folder ?? null },
        modelFolder: folder,
        modelNotice: notice,
        provider: { id: info.provider, label: providerLabel(info.provider, info.threads, info.precision) },
        skipped: info.attempts.filter((a) => !a.ok).map((a) => ({ provider: a.provider, reason: a.reason ?? 'failed' })),
        message: null,
        choice,
        available: available(info.threads),
        ...routing(),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { state: 'failed', model: null, modelFolder: folder, modelNotice: notice, provider: null, skipped: [], message, choice, available: available(physicalCores()), ...routing() };
    }
  }

  /** The model choice and the latest run's route, where there are two bundled models to choose from. */
  function routing(): Pick<EngineStatus, 'modelChoice' | 'route'> {
    return options.multilingualModelDir && !options.engine ? { modelChoice, route: folder === null && notice === null ? lastRoute : null } : {};
  }

  /** Runs the bundled model `next` from the next use on (a no-op where it runs already). */
  async function useBundled(next: 'english' | 'multilingual'): Promise<void> {
    if (next === bundled) return;
    bundled = next;
    // Only the bundled model changes: a folder's model (or the bundled model it fell back to) keeps running.
    if (folder === null) await releaseEngine();
  }

  async function route(titles: Iterable<string>): Promise<ModelRoute | null> {
    if (options.engine || !options.multilingualModelDir || folder !== null) return null;
    const profile = modelChoice === 'auto' ? await loadLanguageProfile(options.multilingualModelDir) : undefined;
    const picked = routeModel(modelChoice, profile, titles);
    await useBundled(picked.model);
    lastRoute = picked;
    return picked;
  }

  async function setModelChoice(next: ModelChoice): Promise<EngineStatus> {
    modelChoice = next;
    lastRoute = null;
    if (next !== 'auto') await useBundled(next);
    return status();
  }

  async function setProvider(next: ProviderChoice): Promise<EngineStatus> {
    if (next !== choice || current === undefined) {
      choice = next;
      await releaseEngine();
    }
    return status();
  }

  async function setModel(next: string | null): Promise<EngineStatus> {
    if (next !== null && !options.engine) {
      // Checked by loading it, as the CLI loads --model DIR: a folder that cannot be used throws
      // the CLI's message, and the model in use keeps running.
      const engine = await startEngine(next);
      await releaseEngine();
      current = Promise.resolve(engine);
    } else if (current === undefined || (next !== folder && notice === null)) {
      // (After a fallback the bundled model already runs: choosing it needs no reload.)
      await releaseEngine();
    }
    folder = next;
    notice = null;
    return status();
  }

  /** Frees the engine and its matcher; the next call makes them again for the setting in force. */
  async function releaseEngine(): Promise<void> {
    const [oldEngine, oldMatcher] = [current, matcher];
    current = encoder = matcher = warming = undefined;
    await oldMatcher?.then((m) => m.dispose(), () => undefined);
    const engine = oldEngine ? await oldEngine.catch(() => undefined) : options.engine;
    await engine?.dispose();
  }

  return {
    engine: engineOf,
    // A named cache (a taxonomy's) is opened per call; the run's own encoder is kept.
    encoder: async (name) => (name === undefined ? encoderOf() : throughCache(await engineOf(), name)),
    matcher: matcherOf,
    status,
    setProvider,
    setModel,
    setModelChoice,
    route,
    nameOf,
    release: releaseEngine,
  };
}
