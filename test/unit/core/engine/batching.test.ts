import { describe, expect, it } from 'vitest';
import { bucketShapes, seqBucket, shapedBatches } from '../../../../electron/core/engine/batching.js';
import { dedupe, planBatches } from '../../../../electron/core/engine/index.js';

describe('dedupe', () => {
  it('keeps first-seen order and maps every input to its distinct key', () => {
    const { unique, indexOf } = dedupe(['nurse', 'driver', 'nurse', 'chef', 'driver']);
    expect(unique).toEqual(['nurse', 'driver', 'chef']);
    expect(Array.from(indexOf)).toEqual([0, 1, 0, 2, 1]);
  });
});

describe('planBatches', () => {
  it('groups items of similar length and covers every item exactly once', () => {
    const lengths = [5, 3, 9, 3, 5, 4, 9, 3];
    const batches = planBatches(lengths, 3, 1000);
    expect(batches).toEqual([[1, 3, 7], [5, 0, 4], [2, 6]]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('cuts a batch before its padded size passes the token budget', () => {
    // Sorted: 2,2,2,10. Three of 2 = 6 tokens; adding the 10 would make 4 x 10 = 40 > 20.
    expect(planBatches([10, 2, 2, 2], 8, 20)).toEqual([[1, 2, 3], [0]]);
  });

  it('always makes progress, even when one item is over the budget', () => {
    expect(planBatches([50, 60], 8, 10)).toEqual([[0], [1]]);
  });
});

describe('shapedBatches (fixed shapes for GPU providers)', () => {
  it('rounds lengths up to multiples of 8, never past the longest sequence', () => {
    expect([1, 3, 8, 9, 16, 17, 30, 32].map((n) => seqBucket(n, 32))).toEqual([8, 8, 8, 16, 16, 24, 32, 32]);
    expect(seqBucket(30, 30)).toBe(30);
    expect(seqBucket(3, 5)).toBe(5);
  });

  it('gives every batch of a length group the same rows, covering each item once', () => {
    const lengths = [3, 12, 5, 30, 7, 9, 4, 6, 3];
    const batches = shapedBatches(lengths, 32, 3, 1000);
    expect(batches).toEqual([
      { items: [0, 2, 4], rows: 3, seq: 8 },
      { items: [6, 7, 8], rows: 3, seq: 8 },
      { items: [1, 5], rows: 3, seq: 16 },
      { items: [3], rows: 3, seq: 32 },
    ]);
    expect(batches.flatMap((b) => b.items).sort((a, b) => a - b)).toEqual(lengths.map((_, i) => i));
  });

  it('keeps rows x sequence within the token budget', () => {
    const batches = shapedBatches([30, 31, 32, 3, 4], 32, 128, 64);
    for (const b of batches) expect(b.rows * b.seq).toBeLessThanOrEqual(64);
    expect(batches.map((b) => [b.rows, b.seq])).toEqual([
      [8, 8],
      [2, 32],
      [2, 32],
    ]);
  });

  it('lists the shapes a warm-up runs: one per length group', () => {
    expect(bucketShapes(32, 128, 4096)).toEqual([
      { rows: 128, seq: 8 },
      { rows: 128, seq: 16 },
      { rows: 128, seq: 24 },
      { rows: 128, seq: 32 },
    ]);
    const shapes = new Set(shapedBatches(Array.from({ length: 500 }, (_, i) => 1 + (i % 32)), 32, 128, 4096).map((b) => `${b.rows}x${b.seq}`));
    expect([...shapes].sort()).toEqual(['128x16', '128x24', '128x32', '128x8']);
  });
});
