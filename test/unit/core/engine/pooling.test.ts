import { describe, expect, it } from 'vitest';
import { clsPool, l2Normalize, maxPool, meanPool } from '../../../../electron/core/engine/index.js';

// Two rows of three tokens of two numbers; row 0 has 2 real tokens, row 1 has 3.
const hidden = new Float32Array([
  1, 2, 3, 4, 100, 100, // row 0: the padding token holds junk that must not count
  -1, 0, 0, 3, 2, 6,
]);
const mask = [1, 1, 0, 1, 1, 1];

describe('meanPool', () => {
  it('averages only the tokens the mask marks as real', () => {
    expect(Array.from(meanPool(hidden, mask, 2, 3, 2))).toEqual([2, 3, Math.fround(1 / 3), 3]);
  });

  it('gives zeros for a row without real tokens instead of dividing by zero', () => {
    expect(Array.from(meanPool(new Float32Array([5, 5]), [0], 1, 1, 2))).toEqual([0, 0]);
  });

  it('rejects arrays that do not match the shape', () => {
    expect(() => meanPool(hidden, mask, 2, 3, 3)).toThrow(RangeError);
    expect(() => meanPool(hidden, [1, 1], 2, 3, 2)).toThrow(RangeError);
  });
});

describe('clsPool and maxPool', () => {
  it('takes the first token per row', () => {
    expect(Array.from(clsPool(hidden, 2, 3, 2))).toEqual([1, 2, -1, 0]);
  });
  it('takes the element-wise maximum over real tokens', () => {
    expect(Array.from(maxPool(hidden, mask, 2, 3, 2))).toEqual([3, 4, 2, 6]);
  });
});

describe('l2Normalize', () => {
  it('scales each row to unit length in place and leaves zero rows alone', () => {
    const v = new Float32Array([3, 4, 0, 0, 0, -2]);
    const out = l2Normalize(v, 2);
    expect(out).toBe(v);
    expect(Array.from(v)).toEqual([0.6, 0.8, 0, 0, 0, -1].map(Math.fround));
  });
  it('rejects a length that is not whole rows', () => {
    expect(() => l2Normalize(new Float32Array(3), 2)).toThrow(RangeError);
  });
});
