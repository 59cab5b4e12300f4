/** The adapter file: round trip, and the refusals of a damaged, foreign, other-version or other-model file. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterModelOf, parseAdapter, readAdapterFile, serializeAdapter, trainAdapter, writeAdapterFile, EVIDENCE_DEFAULTS, type AdapterFile } from '../../../../electron/core/adapter/index.js';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { InputError } from '../../../../electron/core/io/index.js';
import { tempFolder } from '../io/helpers.js';

const tmp = tempFolder('titlematch-adapter-file-');

function unit(values: number[]): Float32Array {
  const v = Float32Array.from(values);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

async function sample(withMap: boolean): Promise<AdapterFile> {
  const model = await adapterModelOf(bundledModelDir());
  const file: AdapterFile = {
    model: { name: model.name, version: model.version, sha256: model.sha256 ?? '' },
    created: '2026-11-28T17:00:00.000Z',
    settings: { ...EVIDENCE_DEFAULTS },
    decisions: [
      { query: 'Atty', match: 'Lawyer', accept: true },
      { query: 'Atty', match: 'Kitchen Porter', accept: false },
      { query: 'Sous Chef', match: 'Chef', accept: true },
    ],
  };
  if (withMap) {
    const q = unit([1, 0.2, 0, 0.1]);
    const m = unit([0.3, 1, 0, 0]);
    file.map = trainAdapter([{ query: q, match: m, accept: true, key: 'a' }, { query: unit([0, 0, 1, 0.2]), match: unit([0, 0.1, 1, 0]), accept: true, key: 'b' }], 4, { rank: 2, epochs: 3 }).adapter;
  }
  return file;
}

async function refusal(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('adapter file', () => {
  it('names the bundled model by its manifest sha256', async () => {
    const model = await adapterModelOf(bundledModelDir());
    expect(model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(model.version).toBe((JSON.parse(await readFile(join(bundledModelDir(), 'manifest.json'), 'utf8')) as { version: string }).version);
  });

  it('round-trips the decisions, settings and learned map exactly', async () => {
    const file = await sample(true);
    const path = join(tmp.dir, 'round.adapter');
    await writeAdapterFile(path, file);
    const back = await readAdapterFile(path, await adapterModelOf(bundledModelDir()));
    expect(back.decisions).toEqual(file.decisions);
    expect(back.settings).toEqual(file.settings);
    expect(back.model).toEqual(file.model);
    expect(back.map?.rank).toBe(2);
    expect([...(back.map?.a ?? [])]).toEqual([...(file.map?.a ?? [])]);
    expect([...(back.map?.b ?? [])]).toEqual([...(file.map?.b ?? [])]);
    // Small: a few hundred bytes per decision, not vectors.
    expect(serializeAdapter(await sample(false)).length).toBeLessThan(1200);
  });

  it('reads a file made before the prototype setting existed, without one (it ranks as it did then), and refuses a share outside 0-1', async () => {
    const old = { ...EVIDENCE_DEFAULTS };
    delete old.prototype;
    const file = { ...(await sample(false)), settings: old };
    const text = serializeAdapter(file);
    expect(text).not.toContain('prototype');
    const back = parseAdapter(text, 'old.adapter');
    expect(back.settings).toEqual(old);
    expect('prototype' in back.settings).toBe(false);
    const set = parseAdapter(serializeAdapter({ ...file, settings: { ...old, prototype: 0.4 } }), 'new.adapter');
    expect(set.settings.prototype).toBe(0.4);
    const wrong = serializeAdapter({ ...file, settings: { ...old, prototype: 1.5 } });
    expect(() => parseAdapter(wrong, 'wrong.adapter')).toThrow(/settings are out of range/);
  });

  it('refuses a file made for another model, naming both', async () => {
    const file = await sample(false);
    const path = tmp.file('other.adapter', serializeAdapter({ ...file, model: { name: 'titlematch-job-encoder', version: '1.0.0', sha256: 'ab'.repeat(32) } }));
    const e = await refusal(readAdapterFile(path, await adapterModelOf(bundledModelDir())));
    expect(e.code).toBe('other-model');
    expect(e.message).toContain('was made for titlematch-job-encoder 1.0.0');
    expect(e.message).toContain(`not for the model in use, titlematch-job-encoder ${(await adapterModelOf(bundledModelDir())).version}`);
    expect(e.message).toContain('titlematch tune');
  });

  it('refuses a model without a manifest to check against', async () => {
    const path = tmp.file('any.adapter', serializeAdapter(await sample(false)));
    const e = await refusal(readAdapterFile(path, { name: 'x', version: 'y', sha256: undefined }));
    expect(e.message).toContain('has no manifest');
  });

  it('refuses a damaged file: cut short, or changed after it was written', async () => {
    const text = serializeAdapter(await sample(true));
    expect(() => parseAdapter(text.slice(0, text.length / 2), 'a.adapter')).toThrow(/a\.adapter cannot be used as an adapter: it is damaged \(its JSON is cut short or broken\)/);
    const changed = text.replace('"Lawyer"', '"Lawyers"');
    expect(() => parseAdapter(changed, 'a.adapter')).toThrow(/does not match its sha256/);
    const flipped = text.replace(/"a": "(.)/, (_m, c: string) => `"a": "${c === 'A' ? 'B' : 'A'}`);
    expect(flipped).not.toBe(text);
    expect(() => parseAdapter(flipped, 'a.adapter')).toThrow(/damaged/);
    const short = JSON.parse(text) as Record<string, unknown>;
    (short.map as Record<string, unknown>).a = 'AAAA';
    expect(() => parseAdapter(JSON.stringify(short), 'a.adapter')).toThrow(/its map A holds 3 bytes where its 8 numbers take 32/);
  });

  it('refuses a foreign file and another version with what to do', async () => {
    expect(() => parseAdapter('query,match,decision\nAtty,Lawyer,accept\n', 'd.csv')).toThrow(/d\.csv cannot be used as an adapter: it is not an adapter file \(not JSON\)\. Make it again with titlematch tune DECISIONS --out d\.csv/);
    expect(() => parseAdapter('{"name": "titlematch-job-encoder"}', 'm.json')).toThrow(/not an adapter file \(no "format": "titlematch-adapter"\)/);
    const v2 = JSON.parse(serializeAdapter(await sample(false))) as Record<string, unknown>;
    v2.version = 2;
    expect(() => parseAdapter(JSON.stringify(v2), 'new.adapter')).toThrow(/version 2 of the adapter format and this titlematch reads version 1/);
    const missing = await refusal(readAdapterFile(join(tmp.dir, 'nope.adapter'), await adapterModelOf(bundledModelDir())));
    expect(missing.message).toBe(`The adapter ${join(tmp.dir, 'nope.adapter')} does not exist.`);
  });

  it('replaces an existing file whole, and a missing folder is an error', async () => {
    const path = join(tmp.dir, 'keep.adapter');
    await writeFile(path, 'old');
    await expect(writeAdapterFile(join(tmp.dir, 'missing-folder', 'x.adapter'), await sample(false))).rejects.toMatchObject({
      code: 'no-folder',
      message: `The folder ${join(tmp.dir, 'missing-folder')} does not exist. Create it, or write the file somewhere else.`,
    });
    await writeAdapterFile(path, await sample(false));
    expect(parseAdapter(await readFile(path, 'utf8'), path).decisions).toHaveLength(3);
  });
});
