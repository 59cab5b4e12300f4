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

/** Sequence lengths a GPU compiles kernels for are rounded up to multiples of this. */
export const SEQ_STEP = 8;

/** One batch of fixed shape: its items, and the rows and sequence length it is padded to. */
export interface ShapedBatch {
  items: number[];
  rows: number;
  seq: number;
}

/** The sequence length an item of `length` tokens is padded to: a multiple of SEQ_STEP, at most maxLength. */
export function seqBucket(length: number, maxLength: number): number {
  return Math.min(Math.max(SEQ_STEP, Math.ceil(length / SEQ_STEP) * SEQ_STEP), Math.max(length, maxLength));
}

/** Rows of every batch at sequence length seq: maxBatch, or fewer where the token budget says so. */
export function bucketRows(seq: number, maxBatch: number, maxTokens: number): number {
  return Math.max(1, Math.min(maxBatch, Math.floor(maxTokens / seq)));
}

/** Every shape shapedBatches can produce for sequences up to maxLength: what a warm-up runs. */
export function bucketShapes(maxLength: number, maxBatch: number, maxTokens: number): { rows: number; seq: number }[] {
  const seqs = new Set<number>();
  for (let len = 1; len <= maxLength; len++) seqs.add(seqBucket(len, maxLength));
  return [...seqs].map((seq) => ({ rows: bucketRows(seq, maxBatch, maxTokens), seq }));
}

/**
 * Batches of a few fixed shapes, for GPU providers, where every new input shape costs a kernel
 * compilation (60-100 ms on WebGPU): items are grouped by their length rounded up to a multiple
 * of SEQ_STEP, and every batch of a group has the same row count (the last one padded with
 * copies). Covers every item exactly once, in order within a group.
 */
export function shapedBatches(lengths: ArrayLike<number>, maxLength: number, maxBatch: number, maxTokens: number): ShapedBatch[] {
  if (maxBatch < 1) throw new RangeError('maxBatch must be at least 1');
  const groups = new Map<number, number[]>();
  for (let i = 0; i < lengths.length; i++) {
    const seq = seqBucket(lengths[i], maxLength);
    let group = groups.get(seq);
    if (!group) groups.set(seq, (group = []));
    group.push(i);
  }
  const batches: ShapedBatch[] = [];
  for (const seq of [...groups.keys()].sort((a, b) => a - b)) {
    const items = groups.get(seq) as number[];
    const rows = bucketRows(seq, maxBatch, maxTokens);
    for (let s = 0; s < items.length; s += rows) batches.push({ items: items.slice(s, s + rows), rows, seq });
  }
  return batches;
}
