/** Learning from the recruiter: decisions, the adapter file, and ranking with it. */
export { applyAdapter, trainAdapter } from './adapter.js';
export type { Adapter, TuneOptions, VectorDecision } from './adapter.js';
export { decisionKey, decisionsOf, readDecisions } from './decisions.js';
export type { Decision, DecisionsRead } from './decisions.js';
export { adjustedScore, EVIDENCE_DEFAULTS, keyAdjustments } from './evidence.js';
export type { DecisionEvidence, EvidenceSettings, KeyAdjustments, Neighbour } from './evidence.js';
export { ADAPTER_FORMAT, ADAPTER_VERSION, adapterModelOf, parseAdapter, readAdapterFile, serializeAdapter, writeAdapterFile } from './file.js';
export type { AdapterFile, AdapterModel } from './file.js';
export { adaptedTopK, prepareAdapter } from './apply.js';
export type { AdaptedTopK, AdaptedTopKOptions, PreparedAdapter } from './apply.js';
