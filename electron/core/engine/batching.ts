/** Deduplication and length-grouped batching: the two things that keep encoding cheap. */

/** Distinct keys in first-seen order, and for each input the index of its distinct key. */
export function dedupe(keys: readonly string[]): { unique: string[]; indexOf: Int32Array } {
  const seen = new Map<string, number>();
  const unique: string[] = [];
  const indexOf = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    let at = seen.get(keys[i]);
    if (at === undefined) {
      at = unique.length;
      seen.set(keys[i], at);
      unique.push(keys[i]);
    }
    indexOf[i] = at;
  }
  return { unique, indexOf };
}

/**
 * Splits items into batches of similar length so that padding stays small: items are sorted by
 * length (stable), then cut whenever a batch reaches maxBatch items or its padded size
 * (items x longest) would pass maxTokens. Returns the item indices of each batch.
 */
export function planBatches(lengths: ArrayLike<number>, maxBatch: number, maxTokens: number): number[][] {
  if (maxBatch < 1) throw new RangeError('maxBatch must be at least 1');
  const order = Array.from({ length: lengths.length }, (_, i) => i);
  order.sort((a, b) => lengths[a] - lengths[b] || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  for (const i of order) {
    // Sorted ascending, so the item being added is the longest of its batch.
    const padded = (current.length + 1) * lengths[i];
    if (current.length > 0 && (current.length >= maxBatch || padded > maxTokens)) {
      batches.push(current);
      current = [];
    }
    current.push(i);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
