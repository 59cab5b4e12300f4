/** Worker-thread entry: hosts the match service so that the window's main thread never blocks. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveService } from './rpc.js';
import { createMatchService, type WorkerData } from './service.js';

if (!parentPort) throw new Error('worker.js must run in a worker thread.');
serveService(parentPort, createMatchService(workerData as WorkerData));
