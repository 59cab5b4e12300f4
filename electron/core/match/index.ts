/**
 * Matching over unit vectors: exact top-k cosine in blocks, and ranks for evaluation.
 *
 *     const result = await topK(queryVectors, corpusVectors, dim, 10, { minScore: 0.3, signal, onProgress });
 *     for (let q = 0; q < nQueries; q++) for (const { index, score } of matchesOf(result, q)) ...
 */
export { matchesOf, topK } from './topk.js';
export type { TopKOptions, TopKResult } from './topk.js';
export { rankMetrics, targetRanks } from './rank.js';
export { createMatcher, createOrtMatcher } from './ort-topk.js';
export type { Matcher } from './ort-topk.js';
export { CharNgramTfidf, SparseIndex, charNgrams, tfidfTargetRanks } from './tfidf.js';
export { levelName, seniorityTopK, titleLevels } from './seniority.js';
export type { SeniorityTopK, TopKFn } from './seniority.js';
