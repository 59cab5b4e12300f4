import { describe, expect, it } from 'vitest';
import { CharNgramTfidf, charNgrams, SparseIndex, tfidfTargetRanks } from '../../../../electron/core/match/index.js';

describe('charNgrams', () => {
  it('pads each word with a space and lower-cases, like char_wb', () => {
    expect(charNgrams('RN')).toEqual([' rn', 'rn ']);
    expect(charNgrams('a')).toEqual([' a ']);
    expect(charNgrams('Chef  de')).toEqual([' ch', 'che', 'hef', 'ef ', ' de', 'de ']);
    expect(charNgrams('')).toEqual([]);
  });
});

describe('CharNgramTfidf', () => {
  it('weights rare n-grams higher with smoothed idf and gives unit vectors', () => {
    const v = new CharNgramTfidf(3).fit(['a', 'a', 'b']);
    // " a " occurs in 2 of 3 docs: idf = ln(4/3)+1; " b ": ln(4/2)+1.
    const ab = v.transform('a b');
    const w = Array.from(ab.weights);
    const idfAb = Math.log(4 / 3) + 1;
    const idfCd = Math.log(2) + 1;
    const norm = Math.hypot(idfAb, idfCd);
    expect(w[0]).toBeCloseTo(idfAb / norm, 6);
    expect(w[1]).toBeCloseTo(idfCd / norm, 6);
    expect(v.transform('zz').ids.length).toBe(0);
  });

  it('scores cosine through the inverted index', () => {
    const corpus = ['registered nurse', 'truck driver', 'nurse'];
    const v = new CharNgramTfidf().fit(corpus);
    const index = new SparseIndex(corpus.map((c) => v.transform(c)));
    const s = index.scores(v.transform('nurse'));
    expect(s[2]).toBeCloseTo(1, 6);
    expect(s[0]).toBeGreaterThan(s[1]);
    expect(s[1]).toBe(0);
  });

  it('ranks targets, ties in corpus order', () => {
    const corpus = ['truck driver', 'nurse', 'nurse'];
    expect(Array.from(tfidfTargetRanks(['nurse', 'nurse', 'driver'], corpus, Int32Array.from([1, 2, 0])))).toEqual([1, 2, 1]);
  });
});
