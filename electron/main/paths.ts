/** Where the app's parts are on disk, in development and once packaged (inside app.asar). */
import { join } from 'node:path';

/** The folders and files main passes to the window, the worker and the engine. */
export interface AppPaths {
  rendererDir: string;
  preloadPath: string;
  /** The match service's worker, bundled into one CommonJS file. */
  workerPath: string;
  /** The engine's tokenizing worker (large jobs on a GPU), bundled beside it. */
  tokenizeWorkerPath: string;
  /** The bundled (English) model, outside app.asar once packaged: onnxruntime reads it with native code. */
  modelDir: string;
  /** The bundled multilingual model, beside it. */
  multilingualModelDir: string;
  /** The occupation taxonomies the build derived, outside app.asar once packaged (read by the worker thread). */
  taxonomyDir: string;
}

/** Paths from the app's root (`app.getAppPath()`: the project in development, app.asar packaged). */
export function appPaths(appRoot: string): AppPaths {
  const unpacked = appRoot.replace(/app\.asar$/, 'app.asar.unpacked');
  return {
    rendererDir: join(appRoot, 'out', 'renderer'),
    preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
    workerPath: join(appRoot, 'out', 'worker', 'service-worker.cjs'),
    tokenizeWorkerPath: join(appRoot, 'out', 'worker', 'tokenize-worker.cjs'),
    modelDir: join(unpacked, 'models', 'titlematch'),
    multilingualModelDir: join(unpacked, 'models', 'titlematch-multilingual'),
    taxonomyDir: join(unpacked, 'out', 'taxonomies'),
  };
}
