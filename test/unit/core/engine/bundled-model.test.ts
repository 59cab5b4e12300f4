/**
 * The bundled model, end to end through the engine: the rankings the product promises, and the
 * engine's own steps (pooling, batching, normalisation) checked against the model's graph.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledModelDir, createEngine, l2Normalize, meanPool, type Engine } from '../../../../electron/core/engine/index.js';
import { loadLanguageProfile, routeModel } from '../../../../electron/core/pipeline/route.js';
import type { LanguageProfile } from '../../../../electron/core/text/language.js';
import { createTokenizer, padBatch, tokenIds } from '../../../../electron/core/engine/tokenize.js';
import { matchesOf, topK } from '../../../../electron/core/match/index.js';

const modelDir = bundledModelDir();
let engine: Engine;
let multilingual: Engine;
let profile: LanguageProfile | undefined;

beforeAll(async () => {
  engine = createEngine({ modelDir });
  multilingual = createEngine({ modelDir: bundledModelDir(undefined, 'multilingual') });
  profile = await loadLanguageProfile(bundledModelDir(undefined, 'multilingual'));
});
afterAll(async () => {
  await engine.dispose();
  await multilingual.dispose();
});

/**
 * Ranks corpus titles for one query with the bundled model the product picks for these titles
 * (`--model auto`: the multilingual one where they are in other languages); returns the titles best first.
 */
async function rank(query: string, corpus: string[]): Promise<string[]> {
  const picked = routeModel('auto', profile, [query, ...corpus]).model === 'multilingual' ? multilingual : engine;
  const dim = await picked.dimension();
  const v = await picked.encode([query, ...corpus]);
  const result = await topK(v.subarray(0, dim), v.subarray(dim), dim, 'all');
  return matchesOf(result, 0).map((m) => corpus[m.index]);
}

// The README's five titles: each promised query must rank its title first among all of them.
const FIVE = ['Marketing Manager', 'Lead Full Stack Developer', 'Registered Nurse', 'Truck Driver', 'Accountant'];

describe('the bundled model ranks as the product promises', () => {
  it.each([
    ['Senior Software Engineer', 'Lead Full Stack Developer'],
    ['RN', 'Registered Nurse'],
    ['CPA', 'Accountant'],
    // Other languages, as the README promises.
    ['Buchhalter', 'Accountant'],
    ['Comptable', 'Accountant'],
    ['LKW-Fahrer', 'Truck Driver'],
  ])('"%s" ranks "%s" first among the five README titles', async (query, expected) => {
    const order = await rank(query, FIVE);
    expect(order[0]).toBe(expected);
  });

  it('reads the other languages\' queries against the five titles with the multilingual model, and English ones with the English model', () => {
    for (const query of ['Buchhalter', 'Comptable', 'LKW-Fahrer']) expect(routeModel('auto', profile, [query, ...FIVE]).model).toBe('multilingual');
    for (const query of ['Senior Software Engineer', 'RN', 'CPA']) expect(routeModel('auto', profile, [query, ...FIVE]).model).toBe('english');
  });

  it('"RN" ranks "Registered Nurse" first among unrelated titles', async () => {
    const order = await rank('RN', ['Truck Driver', 'Marketing Manager', 'Software Engineer', 'Registered Nurse', 'Chef', 'Accountant', 'Electrician']);
    expect(order[0]).toBe('Registered Nurse');
  });

  it('"CPA" ranks "Accountant" above "Certified Nursing Assistant" when both are in the list', async () => {
    const order = await rank('CPA', ['Certified Nursing Assistant', 'Registered Nurse', 'Accountant', 'Truck Driver']);
    expect(order[0]).toBe('Accountant');
  });
});

describe('titles with an abbreviation of several meanings', () => {
  /** Cosine of two unit vectors. */
  const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i], 0);

  it('reads "Sr. PM" in each sense of "pm": its vector is the normalised mean of the title and its readings', async () => {
    const raw = createEngine({ modelDir, normalizeTitles: false });
    try {
      const dim = await raw.dimension();
      const texts = ['senior pm', 'senior project manager', 'senior product manager', 'senior program manager', 'senior preventive maintenance'];
      const parts = await raw.encode(texts);
      const mean = new Float32Array(dim);
      for (let r = 0; r < texts.length; r++) for (let d = 0; d < dim; d++) mean[d] += parts[r * dim + d];
      const v = await engine.encode(['Sr. PM', 'Registered Nurse']);
      expect(cosine(v.subarray(0, dim), l2Normalize(mean, dim))).toBeGreaterThan(0.9999);
      // A title without such a word is encoded as before.
      expect(cosine(v.subarray(dim), (await raw.encode(['registered nurse'])).subarray(0, dim))).toBeGreaterThan(0.9999);
      // A reading that is also a title of the job is encoded once and gives the same mean.
      const beside = await engine.encode(['Senior Project Manager', 'Sr. PM']);
      expect(cosine(beside.subarray(dim), v.subarray(0, dim))).toBeGreaterThan(0.9999);
      expect(cosine(beside.subarray(0, dim), parts.subarray(dim, 2 * dim))).toBeGreaterThan(0.9999);
    } finally {
      await raw.dispose();
    }
  });

  it.each([
    ['PM', 'Project Manager'],
    ['PT', 'Physical Therapist'],
    ['OT', 'Occupational Therapist'],
  ])('"%s" ranks "%s" first among unrelated titles', async (query, expected) => {
    const order = await rank(query, [...FIVE, expected]);
    expect(order[0]).toBe(expected);
  });

  it('reads "de" as a word, not an abbreviation, in a title the multilingual model detects in another language', async () => {
    const raw = createEngine({ modelDir: bundledModelDir(undefined, 'multilingual'), normalizeTitles: false });
    try {
      const dim = await raw.dimension();
      const [pt, en] = [await multilingual.encode(['Técnico de enfermagem', 'DE Manager']), await raw.encode(['técnico de enfermagem', 'de manager'])];
      expect(cosine(pt.subarray(0, dim), en.subarray(0, dim))).toBeGreaterThan(0.9999);
      // The English title is read in each sense ("data engineer", "data engineering").
      expect(cosine(pt.subarray(dim), en.subarray(dim))).toBeLessThan(0.999);
    } finally {
      await raw.dispose();
    }
  });

  it('reads a title alike with the English model where it is given the multilingual profile, as the bundled runs are', async () => {
    const asRun = createEngine({ modelDir, languageProfileDir: bundledModelDir(undefined, 'multilingual') });
    const raw = createEngine({ modelDir, normalizeTitles: false });
    try {
      const dim = await raw.dimension();
      const [read, plain] = [await asRun.encode(['Técnico de enfermagem', 'DE Manager']), await raw.encode(['técnico de enfermagem', 'de manager'])];
      expect(cosine(read.subarray(0, dim), plain.subarray(0, dim))).toBeGreaterThan(0.9999);
      expect(cosine(read.subarray(dim), plain.subarray(dim))).toBeLessThan(0.999);
      // Without a profile (the English model's own folder has none) every title is read so.
      expect(cosine((await engine.encode(['Técnico de enfermagem'])).subarray(0, dim), plain.subarray(0, dim))).toBeLessThan(0.999);
    } finally {
      await Promise.all([asRun.dispose(), raw.dispose()]);
    }
  });
});

describe('the engine on the bundled model', () => {
  it('reports what the manifest says, and why it runs where it runs', async () => {
    const manifest = JSON.parse(await readFile(join(modelDir, 'manifest.json'), 'utf8')) as { name: string; version: string; dimension: number };
    const info = await engine.info();
    expect(info.model.name).toBe(manifest.name);
    expect(info.model.version).toBe(manifest.version);
    expect(info.model.dimension).toBe(manifest.dimension);
    expect(info.model.pooling).toMatch(/in the model/);
    expect(info.attempts.at(-1)?.ok).toBe(true);
    if (info.attempts.length > 1) expect(info.providerReason).toMatch(/unavailable: .+; using /);
  });

  it("pools in JavaScript exactly what the graph's sentence_embedding gives", async () => {
    const folderTokenizer = createTokenizer(
      JSON.parse(await readFile(join(modelDir, 'tokenizer.json'), 'utf8')) as Record<string, unknown>,
      JSON.parse(await readFile(join(modelDir, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>,
    );
    const titles = ['registered nurse', 'senior software engineer', 'heavy goods vehicle class 1 driver', 'accountant'];
    const batch = padBatch(titles.map((t) => tokenIds(folderTokenizer, t, 64)), folderTokenizer.padId);
    const session = await ort.InferenceSession.create(join(modelDir, 'model.onnx'), { executionProviders: ['cpu'] });
    const shape = [batch.batch, batch.seq];
    const out = await session.run({
      input_ids: new ort.Tensor('int64', batch.inputIds, shape),
      attention_mask: new ort.Tensor('int64', batch.attentionMask, shape),
    });
    await session.release();
    const hidden = out.last_hidden_state;
    const dim = hidden.dims[2];
    const pooled = l2Normalize(meanPool(hidden.data as Float32Array, batch.mask, batch.batch, batch.seq, dim), dim);
    const inGraph = out.sentence_embedding.data as Float32Array;
    for (let i = 0; i < pooled.length; i++) expect(pooled[i]).toBeCloseTo(inGraph[i], 5);
    // And the engine gives the same vectors (it normalises titles first; these are already normal).
    const viaEngine = await engine.encode(titles);
    for (let i = 0; i < pooled.length; i++) expect(viaEngine[i]).toBeCloseTo(inGraph[i], 5);
  });

  it('gives the same unit vectors whatever the batch composition', async () => {
    const titles = ['Registered Nurse', 'Chief Executive Officer of a Large International Logistics Company', 'RN', 'Forklift Operator', 'Sr. Software Eng.'];
    const oneByOne = createEngine({ modelDir, providers: ['cpu'], batchSize: 1 });
    const a = await engine.encode(titles);
    const b = await oneByOne.encode(titles);
    await oneByOne.dispose();
    const dim = await engine.dimension();
    for (let r = 0; r < titles.length; r++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += a[r * dim + d] ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 5);
  });

  it('gives the same vectors with the fixed shapes GPU providers use (padding is masked out)', async () => {
    const titles = ['Registered Nurse', 'Chief Executive Officer of a Large International Logistics Company', 'RN', 'Forklift Operator', 'Sr. Software Eng.', 'Barista'];
    const fixed = createEngine({ modelDir, providers: ['cpu'], fixedShapes: 'always', batchSize: 4 });
    const a = await engine.encode(titles);
    const b = await fixed.encode(titles);
    await fixed.dispose();
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 5);
  });
});
