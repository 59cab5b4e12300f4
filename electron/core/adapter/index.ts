/** Learning from the recruiter: decisions, the adapter file, and ranking with it. */
export { trainAdapter } from './adapter.js';
export type { VectorDecision } from './adapter.js';
export { decisionKey, decisionsOf, readDecisions } from './decisions.js';
export type { Decision } from './decisions.js';
export { EVIDENCE_DEFAULTS } from './evidence.js';
export type { EvidenceSettings } from './evidence.js';
export { adapterModelOf, newAdapterFile, parseAdapter, readAdapterFile, serializeAdapter, writeAdapterFile } from './file.js';
export type { AdapterFile } from './file.js';
export { adaptedTopK, prepareAdapter, rankDirection } from './apply.js';
export type { PreparedAdapter } from './apply.js';
export { adapterSummary, ADAPTED_NO_CONFIDENCE, PINNED_DECISION } from './summary.js';
export { DecisionStore, mergeDecisions } from './store.js';
export type { DecisionStoreState } from './store.js';
