import { describe, expect, it } from 'vitest';
import { matchCount, matchesOf, visibleQueries, withMatches } from '../../../renderer/src/lib/matches/results.js';
import { matchResult } from './fake-bridge.js';

const all = { threshold: 0, topK: 10, search: '', sort: 'file' as const, buckets: ['accept', 'review', 'reject'] as const };

describe('reading results', () => {
  it('ranks each opening’s candidates best first, within top-K and threshold', () => {
    const r = matchResult();
    expect(matchesOf(r, 'byTarget', 0, all).map((m) => [m.rank, m.title, m.score])).toEqual([
      [1, 'Sr. Software Eng', 0.82],
      [2, 'Truck driver', 0.41],
      [3, 'RN', 0.2],
    ]);
    expect(matchesOf(r, 'byTarget', 0, { threshold: 0.4, topK: 10 })).toHaveLength(2);
    expect(matchesOf(r, 'byTarget', 0, { threshold: 0, topK: 1 })).toHaveLength(1);
    expect(matchesOf(r, 'byCandidate', 0, all).map((m) => m.title)).toEqual(['Lead Full Stack Developer', 'Registered Nurse']);
  });

  it('counts matches without building them', () => {
    const r = matchResult();
    expect(matchCount(r.byTarget, 1, 0.25, 10)).toBe(2);
    expect(matchCount(r.byCandidate, 2, 0, 10)).toBe(2); // padded with -1 after two
    expect(withMatches(r.byTarget, [0, 1], 0.85)).toBe(1);
  });

  it('searches titles in any case and sorts as asked', () => {
    const r = matchResult();
    expect(visibleQueries(r, 'byTarget', { ...all, search: 'NURSE' })).toEqual([1]);
    expect(visibleQueries(r, 'byCandidate', { ...all, sort: 'title' })).toEqual([1, 0, 2]); // RN, Sr..., Truck
    expect(visibleQueries(r, 'byCandidate', { ...all, sort: 'best-asc' })).toEqual([2, 0, 1]);
    expect(visibleQueries(r, 'byTarget', { ...all, sort: 'matches-desc', threshold: 0.35 })).toEqual([0, 1]);
  });

  it('filters 100,000 titles', () => {
    const n = 100_000;
    const titles = Array.from({ length: n }, (_, i) => (i % 10 === 0 ? `Nurse ${i}` : `Engineer ${i}`));
    const r = matchResult({
      targets: { ...matchResult().targets, titles, rowCounts: titles.map(() => 1) },
      byTarget: { k: 1, indices: titles.map(() => 0), scores: titles.map((_, i) => (i % 100) / 100) },
    });
    expect(visibleQueries(r, 'byTarget', { ...all, search: 'nurse' })).toHaveLength(10_000);
    expect(visibleQueries(r, 'byTarget', { ...all, sort: 'best-desc' })[0]).toBe(99);
  });
});
