/**
 * The recruiter's adapter: a low-rank residual map of the frozen encoder's title vectors,
 * v -> normalize(v + B A v), initialised at identity (B = 0), trained on the recruiter's decisions
 * as a Siamese network: both titles of a pair go through the same map; an accepted pair is a
 * positive, the other accepted matches of a batch and the pair's rejected matches are negatives; an
 * L2 penalty keeps the map near identity so that a few decisions do not move everything else.
 */

/** An adapter: rank r, dimension d; A is r x d, B is d x r, both row-major. */
export interface Adapter {
  dim: number;
  rank: number;
  a: Float32Array;
  b: Float32Array;
}

/** One decision, as vectors of the frozen encoder. */
export interface VectorDecision {
  query: Float32Array;
  match: Float32Array;
  accept: boolean;
  /** What the match is (a corpus-independent key), for the decision memory. */
  matchKey?: string;
  /** Groups decisions of the same query (a rejected match is a hard negative of its accepted ones). */
  key: string;
}

/** Training settings. The defaults were chosen on jobbert-val's training part with model 1.0 (`eval --feedback` measures on jobbert-dev). */
export interface TuneOptions {
  rank?: number;
  epochs?: number;
  batch?: number;
  learningRate?: number;
  l2?: number;
  scale?: number;
  seed?: number;
  signal?: AbortSignal;
}

/** Applies the adapter to row-major unit vectors (n x dim); returns new unit vectors. */
export function applyAdapter(ad: Adapter, vectors: Float32Array): Float32Array {
  const { dim, rank, a, b } = ad;
  const n = vectors.length / dim;
  const out = new Float32Array(vectors.length);
  const h = new Float64Array(rank);
  for (let i = 0; i < n; i++) {
    const x = i * dim;
    for (let r = 0; r < rank; r++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += a[r * dim + d] * vectors[x + d];
      h[r] = s;
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      let u = vectors[x + d];
      for (let r = 0; r < rank; r++) u += b[d * rank + r] * h[r];
      out[x + d] = u;
      norm += u * u;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dim; d++) out[x + d] *= inv;
  }
  return out;
}

/** Seeded uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Forward {
  h: Float64Array;
  y: Float64Array;
  norm: number;
}

function forward(ad: Adapter, x: Float32Array): Forward {
  const { dim, rank, a, b } = ad;
  const h = new Float64Array(rank);
  for (let r = 0; r < rank; r++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += a[r * dim + d] * x[d];
    h[r] = s;
  }
  const y = new Float64Array(dim);
  let norm = 0;
  for (let d = 0; d < dim; d++) {
    let u = x[d];
    for (let r = 0; r < rank; r++) u += b[d * rank + r] * h[r];
    y[d] = u;
    norm += u * u;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dim; d++) y[d] /= norm;
  return { h, y, norm };
}

/** Adds the gradient through y = normalize(x + B A x) for dL/dy = gy into ga, gb. */
function backward(ad: Adapter, x: Float32Array, f: Forward, gy: Float64Array, ga: Float64Array, gb: Float64Array): void {
  const { dim, rank, b } = ad;
  let dot = 0;
  for (let d = 0; d < dim; d++) dot += f.y[d] * gy[d];
  const gh = new Float64Array(rank);
  for (let d = 0; d < dim; d++) {
    const gu = (gy[d] - f.y[d] * dot) / f.norm;
    if (gu === 0) continue;
    for (let r = 0; r < rank; r++) {
      gb[d * rank + r] += gu * f.h[r];
      gh[r] += b[d * rank + r] * gu;
    }
  }
  for (let r = 0; r < rank; r++) {
    if (gh[r] === 0) continue;
    for (let d = 0; d < dim; d++) ga[r * dim + d] += gh[r] * x[d];
  }
}

/** Trains an adapter on decisions (at least one accepted); deterministic for a seed. */
export function trainAdapter(decisions: readonly VectorDecision[], dim: number, options: TuneOptions = {}): { adapter: Adapter; loss: number; epochs: number } {
  const rank = options.rank ?? 16;
  const epochs = options.epochs ?? 10;
  const batchSize = options.batch ?? 128;
  const lr = options.learningRate ?? 0.002;
  const l2 = options.l2 ?? 0.1;
  const scale = options.scale ?? 20;
  const rand = random(options.seed ?? 13);
  const a = new Float32Array(rank * dim);
  const spread = 2 * Math.sqrt(3 / dim);
  for (let i = 0; i < a.length; i++) a[i] = (rand() - 0.5) * spread;
  const ad: Adapter = { dim, rank, a, b: new Float32Array(dim * rank) };
  const accepted = decisions.filter((d) => d.accept);
  const rejectedOf = new Map<string, Float32Array[]>();
  for (const d of decisions) if (!d.accept) rejectedOf.set(d.key, [...(rejectedOf.get(d.key) ?? []), d.match]);
  const params = [ad.a, ad.b];
  const m = params.map((p) => new Float64Array(p.length));
  const v = params.map((p) => new Float64Array(p.length));
  let step = 0;
  let lastLoss = 0;
  const order = accepted.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (options.signal?.aborted) throw options.signal.reason;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    lastLoss = 0;
    for (let s = 0; s < order.length; s += batchSize) {
      const batch = order.slice(s, s + batchSize).map((i) => accepted[i]);
      const q = batch.map((d) => forward(ad, d.query));
      const pos = batch.map((d) => forward(ad, d.match));
      const neg = batch.map((d) => (rejectedOf.get(d.key) ?? []).map((x) => ({ x, f: forward(ad, x) })));
      const ga = new Float64Array(ad.a.length);
      const gb = new Float64Array(ad.b.length);
      const gq = q.map(() => new Float64Array(dim));
      const gp = pos.map(() => new Float64Array(dim));
      const gn = neg.map((list) => list.map(() => new Float64Array(dim)));
      for (let i = 0; i < batch.length; i++) {
        const cands: { y: Float64Array; g: Float64Array }[] = [...pos.map((p, j) => ({ y: p.y, g: gp[j] })), ...neg[i].map((n, j) => ({ y: n.f.y, g: gn[i][j] }))];
        const logits = cands.map((c) => {
          let t = 0;
          for (let d = 0; d < dim; d++) t += q[i].y[d] * c.y[d];
          return scale * t;
        });
        const max = Math.max(...logits);
        const e = logits.map((l) => Math.exp(l - max));
        const z = e.reduce((x, y) => x + y, 0);
        lastLoss += -(logits[i] - max - Math.log(z)) / accepted.length;
        cands.forEach((c, j) => {
          const g = (scale * (e[j] / z - (j === i ? 1 : 0))) / batch.length;
          for (let d = 0; d < dim; d++) {
            gq[i][d] += g * c.y[d];
            c.g[d] += g * q[i].y[d];
          }
        });
      }
      batch.forEach((d, i) => {
        backward(ad, d.query, q[i], gq[i], ga, gb);
        backward(ad, d.match, pos[i], gp[i], ga, gb);
        neg[i].forEach((n, j) => backward(ad, n.x, n.f, gn[i][j], ga, gb));
      });
      // Adam, with the L2 pull towards identity (A and B towards 0).
      step++;
      [ga, gb].forEach((g, p) => {
        const w = params[p];
        for (let k = 0; k < w.length; k++) {
          const gk = g[k] + l2 * w[k];
          m[p][k] = 0.9 * m[p][k] + 0.1 * gk;
          v[p][k] = 0.999 * v[p][k] + 0.001 * gk * gk;
          const mh = m[p][k] / (1 - 0.9 ** step);
          const vh = v[p][k] / (1 - 0.999 ** step);
          w[k] -= (lr * mh) / (Math.sqrt(vh) + 1e-8);
        }
      });
    }
  }
  return { adapter: ad, loss: lastLoss, epochs };
}
