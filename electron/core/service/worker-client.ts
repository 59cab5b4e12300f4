/**
 * The match service running in a worker thread, behind the same interface as in-process. A worker
 * that dies (a crash in native code, out of memory) fails its pending calls with a message, and the
 * next call starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import { ServiceError } from './errors.js';
import { callMethod, connectService, serviceProxy, type RemoteService } from './rpc.js';
import type { WorkerData } from './service.js';
import type { MatchService } from './types.js';

/** Where the worker script and the model are. */
export interface WorkerServiceOptions extends WorkerData {
  /** The bundled worker (out/worker/service-worker.cjs, built from worker.ts): a path or file URL. */
  workerUrl: URL | string;
}

/** A MatchService whose work runs in a worker thread; `close` ends the thread. */
export interface WorkerService extends MatchService {
  close(): Promise<void>;
}

/** Starts the service in a worker thread. */
export function startWorkerService(options: WorkerServiceOptions): WorkerService {
  let current: { worker: Worker; remote: RemoteService } | undefined;
  // The engine settings, kept here for a worker started again after a crash.
  const { workerUrl, ...data } = options;
  let settings: WorkerData = { ...data, modelFolder: options.modelFolder ?? null };

  const spawn = (): { worker: Worker; remote: RemoteService } => {
    const worker = new Worker(workerUrl, { workerData: settings });
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
    setProvider: (provider) => {
      settings = { ...settings, provider };
      return remote().setProvider(provider);
    },
    setModel: async (modelFolder) => {
      const status = await remote().setModel(modelFolder);
      settings = { ...settings, modelFolder };
      return status;
    },
    setModelChoice: async (modelChoice) => {
      const status = await remote().setModelChoice(modelChoice);
      settings = { ...settings, modelChoice };
      return status;
    },
    async close() {
      const running = current;
      current = undefined;
      if (running) await running.worker.terminate();
    },
  };
}
