/** Worker-thread entry: hosts the match service so that the window's main thread never blocks. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ProviderChoice } from '../../contract/types.js';
import { serveService } from './rpc.js';
import { createMatchService } from './service.js';

const data = workerData as { modelDir: string; modelFolder?: string | null; cacheDir?: string; tokenizeWorker?: string; taxonomyDir?: string; provider?: ProviderChoice; decisionStore?: string };
if (!parentPort) throw new Error('worker.js must run in a worker thread.');
serveService(parentPort, createMatchService({ modelDir: data.modelDir, modelFolder: data.modelFolder, cacheDir: data.cacheDir, tokenizeWorker: data.tokenizeWorker, taxonomyDir: data.taxonomyDir, provider: data.provider, decisionStore: data.decisionStore }));
