/** The contract between main, preload and renderer. */
export * from './api.js';
export * from './confidence.js';
export * from './score.js';
export * from './seniority.js';
export type * from './result.js';
export type * from './types.js';
