/**
 * The match service run in-process (tests, the bench): the app itself reaches it through the
 * worker (worker-client.ts) and imports the few pieces it needs from their modules.
 */
export { createMatchService } from './service.js';
export { connectService, serveService } from './rpc.js';
export { explainMatch } from './explain.js';
export { Eta } from './eta.js';
export type { MatchService } from './types.js';
