import { describe, expect, it } from 'vitest';
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
