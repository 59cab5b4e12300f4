/** The match service: imports, matching, reports and projects, off the window's thread. */
export { createMatchService } from './service.js';
export type { ServiceOptions } from './service.js';
export { startWorkerService } from './worker-client.js';
export type { WorkerService, WorkerServiceOptions } from './worker-client.js';
export { connectService, serveService } from './rpc.js';
export type { Port, RemoteService } from './rpc.js';
export { ServiceError } from './errors.js';
export { explainMatch } from './explain.js';
export { Eta } from './eta.js';
export { distinctTitles, summarizeTable } from './summary.js';
export type { CallOptions, MatchService } from './types.js';
