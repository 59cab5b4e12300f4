/**
 * The match service running in a worker thread, behind the same interface as in-process. A worker
 * that dies (a crash in native code, out of memory) fails its pending calls with a message, and the
 * next call starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { ServiceError } from './errors.js';
import { callMethod, connectService, serviceProxy, type RemoteService } from './rpc.js';
import type { ProviderChoice } from '../../contract/types.js';
import type { MatchService } from './types.js';

/** Where the worker script and the model are. */
export interface WorkerServiceOptions {
  /** The bundled worker (out/worker/service-worker.cjs, built from worker.ts): a path or file URL. */
  workerUrl: URL | string;
  /** The bundled model. */
  modelDir: string;
  /** The model folder the person chose (null or absent: the bundled model); a restarted worker keeps the latest one set. */
  modelFolder?: string | null;
  /** Folder of the on-disk title cache (see core/engine/embedding-cache). */
  cacheDir?: string;
  /** The engine's tokenizing worker (out/worker/tokenize-worker.cjs, built from core/engine/tokenize-worker.ts). */
  tokenizeWorker?: string;
  /** The taxonomies the build derived (out/taxonomies). */
  taxonomyDir?: string;
  /** Where the engine runs (default 'auto'); a worker started again after a crash keeps the latest setting. */
  provider?: ProviderChoice;
  /** The per-user decision store file (in the user-data folder). */
  decisionStore?: string;
}

/** A MatchService whose work runs in a worker thread; `close` ends the thread. */
export interface WorkerService extends MatchService {
  close(): Promise<void>;
}

/** Starts the service in a worker thread. */
export function startWorkerService(options: WorkerServiceOptions): WorkerService {
  let current: { worker: Worker; remote: RemoteService } | undefined;
  let provider = options.provider;
  let modelFolder = options.modelFolder ?? null;

  const spawn = (): { worker: Worker; remote: RemoteService } => {
    const worker = new Worker(options.workerUrl, { workerData: { modelDir: options.modelDir, modelFolder, cacheDir: options.cacheDir, tokenizeWorker: options.tokenizeWorker, taxonomyDir: options.taxonomyDir, provider, decisionStore: options.decisionStore } });
    const remote = connectService(worker);
    const died = (why: string): void => {
      if (current?.worker === worker) current = undefined;
      remote.fail(new ServiceError('engine-stopped', `The matching engine stopped unexpectedly (${why}). Open the files again and retry.`));
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return { worker, remote };
  };
  const remote = (): RemoteService => (current ??= spawn()).remote;

  return {
    // Every method goes to the worker running now (a fresh one after a crash)...
    ...serviceProxy((method, args, callOptions) => callMethod(remote(), method, args, callOptions)),
    // ...and the engine settings are also kept here, for a worker started again after a crash.
    setProvider: (choice) => {
      provider = choice;
      return remote().setProvider(choice);
    },
    setModel: async (folder) => {
      const status = await remote().setModel(folder);
      modelFolder = folder;
      return status;
    },
    async close() {
      const running = current;
      current = undefined;
      if (running) await running.worker.terminate();
    },
  };
}
