/**
 * Character n-gram TF-IDF cosine: the floor every model must clear. Same definitions as
 * scikit-learn's TfidfVectorizer(analyzer='char_wb', ngram_range=(n, n)): lower case, n-grams of
 * each word padded with one space on both sides (so word starts and ends count), raw counts,
 * smoothed idf = ln((1 + docs) / (1 + df)) + 1 learnt from the corpus searched, L2-normalised rows.
 * On jobbert-val this gives MRR 0.265 (analyzer='char' gives 0.258; fitting idf on the queries as
 * well, 0.263 and 0.272): the "about 0.267" floor the project quotes.
 */

/** A sparse unit vector: feature ids ascending, with weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** The character n-grams of a text: each word padded with a space both sides (a short word once). */
export function charNgrams(text: string, n = 3): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(/\s+/)) {
    if (word === '') continue;
    const chars = Array.from(` ${word} `);
    if (chars.length <= n) {
      out.push(chars.join(''));
      continue;
    }
    for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

/** A fitted vectoriser: vocabulary and idf learnt from a list of documents. */
export class CharNgramTfidf {
  private readonly vocab = new Map<string, number>();
  private idf = new Float64Array(0);

  constructor(private readonly n = 3) {}

  /** Learns the vocabulary and idf from the documents. */
  fit(docs: readonly string[]): this {
    const df: number[] = [];
    for (const doc of docs) {
      for (const g of new Set(charNgrams(doc, this.n))) {
        let id = this.vocab.get(g);
        if (id === undefined) {
          id = this.vocab.size;
          this.vocab.set(g, id);
          df.push(0);
        }
        df[id]++;
      }
    }
    this.idf = Float64Array.from(df, (d) => Math.log((1 + docs.length) / (1 + d)) + 1);
    return this;
  }

  /** The unit TF-IDF vector of a text; n-grams outside the vocabulary are ignored. */
  transform(text: string): SparseVector {
    const counts = new Map<number, number>();
    for (const g of charNgrams(text, this.n)) {
      const id = this.vocab.get(g);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const weights = Float32Array.from(ids, (id) => (counts.get(id) ?? 0) * this.idf[id]);
    let norm = 0;
    for (const w of weights) norm += w * w;
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let i = 0; i < weights.length; i++) weights[i] *= inv;
    }
    return { ids, weights };
  }
}

/** An inverted index over corpus vectors: cosine of a query against every corpus row at once. */
export class SparseIndex {
  private readonly postings = new Map<number, { rows: number[]; weights: number[] }>();

  constructor(readonly corpus: readonly SparseVector[]) {
    corpus.forEach((v, row) => {
      for (let i = 0; i < v.ids.length; i++) {
        let p = this.postings.get(v.ids[i]);
        if (!p) this.postings.set(v.ids[i], (p = { rows: [], weights: [] }));
        p.rows.push(row);
        p.weights.push(v.weights[i]);
      }
    });
  }

  /** Cosine scores of the query against every corpus row (float32, like the dense matcher). */
  scores(query: SparseVector, out: Float32Array = new Float32Array(this.corpus.length)): Float32Array {
    const acc = new Float64Array(this.corpus.length);
    for (let i = 0; i < query.ids.length; i++) {
      const p = this.postings.get(query.ids[i]);
      if (!p) continue;
      const w = query.weights[i];
      for (let j = 0; j < p.rows.length; j++) acc[p.rows[j]] += w * p.weights[j];
    }
    out.set(acc);
    return out;
  }
}

/**
 * Rank of targets[q] among the corpus for each query by TF-IDF cosine (idf fitted on the corpus),
 * with the dense matcher's tie rule: rows scoring the same earlier in the corpus rank higher.
 */
export function tfidfTargetRanks(queries: readonly string[], corpus: readonly string[], targets: Int32Array, n = 3): Int32Array {
  const vectorizer = new CharNgramTfidf(n).fit(corpus);
  const index = new SparseIndex(corpus.map((c) => vectorizer.transform(c)));
  const ranks = new Int32Array(queries.length);
  const scores = new Float32Array(corpus.length);
  queries.forEach((q, i) => {
    index.scores(vectorizer.transform(q), scores);
    const t = targets[i];
    const s = scores[t];
    let rank = 1;
    for (let j = 0; j < scores.length; j++) if (scores[j] > s || (scores[j] === s && j < t)) rank++;
    ranks[i] = rank;
  });
  return ranks;
}
