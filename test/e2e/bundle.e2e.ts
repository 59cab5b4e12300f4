/**
 * The app's bundled engine workers as the packaged app loads them (out/worker/*.cjs, built by
 * `npm run test:e2e`): the tokenizing worker gives the token ids the engine computes itself, and an
 * engine pointed at it (as the service is, on a GPU) encodes a large job to the same vectors.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, TOKENIZE_CHUNK } from '../../electron/core/engine/engine.js';
import { TokenizeThread } from '../../electron/core/engine/tokenize-thread.js';
import { createTokenizer, tokenIds } from '../../electron/core/engine/tokenize.js';
import { readTable } from '../../electron/core/io/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const modelDir = join(root, 'models', 'titlematch');
const bundled = join(root, 'out', 'worker', 'tokenize-worker.cjs');
let titles: string[];

beforeAll(async () => {
  if (!existsSync(bundled)) throw new Error(`${bundled} is missing: run the end-to-end tests with \`npm run test:e2e\`, which builds first.`);
  const table = await readTable(join(root, 'test', 'e2e', 'fixtures', 'openings.csv'), { header: true });
  const real = table.rows.map((r) => r[0]).filter(Boolean);
  // More distinct titles than one chunk: the fixture's titles with a varying suffix.
  titles = Array.from({ length: TOKENIZE_CHUNK + 1000 }, (_, i) => `${real[i % real.length]} ${['', 'II', 'senior', '(m/f/d)', 'remote'][i % 5]} ${Math.floor(i / 5)}`);
});

describe('the bundled tokenizing worker', () => {
  let thread: TokenizeThread;
  afterAll(() => thread.terminate());

  it('gives the token ids the engine computes on its own thread', async () => {
    const json = JSON.parse(await readFile(join(modelDir, 'tokenizer.json'), 'utf8')) as Record<string, unknown>;
    const config = JSON.parse(await readFile(join(modelDir, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    thread = new TokenizeThread(bundled, { tokenizerJson: json, tokenizerConfig: config, maxLength: 32 });
    const sample = titles.slice(0, 2000);
    const chunk = await thread.tokenize(sample);
    const here = createTokenizer(json, config);
    sample.forEach((t, i) => expect(Array.from(chunk.ids.subarray(chunk.offsets[i], chunk.offsets[i + 1]))).toEqual(tokenIds(here, t, 32)));
  });

  it('an engine using it encodes a large job to the vectors of tokenizing on its own thread', async () => {
    const beside = createEngine({ modelDir, providers: ['cpu'], tokenizeBeside: 'always', tokenizeWorker: bundled, logger: { warn: (m) => expect.fail(m) } });
    const inline = createEngine({ modelDir, providers: ['cpu'], tokenizeBeside: 'never' });
    try {
      const a = await beside.encode(titles);
      const b = await inline.encode(titles);
      expect(a.length).toBe(titles.length * 256);
      // Same tokens; batches differ (chunks are sorted apart), so allow float summation order.
      let d = 0;
      for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
      expect(d).toBeLessThan(1e-5);
    } finally {
      await beside.dispose();
      await inline.dispose();
    }
  });
});
