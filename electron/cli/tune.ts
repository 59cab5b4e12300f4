/**
 * `titlematch tune DECISIONS --out ADAPTER [--sheet NAME] [--map] [--prototype S] [--model DIR] ...`: an adapter
 * file from a recruiter's decisions (columns query, match, decision), for match --adapter and
 * eval --adapter. The file names the model it was made for.
 */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adapterModelOf, decisionKey, newAdapterFile, readDecisions, trainAdapter, writeAdapterFile, type VectorDecision } from '../core/adapter/index.js';
import { createEngine } from '../core/engine/index.js';
import { checkOutputPath } from '../core/files/output-path.js';
import { InputError } from '../core/io/index.js';
import { PROTOTYPE_USAGE, unitOption } from './adapter-option.js';
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, engineOptionsFrom, runEngineOptions } from './engine-options.js';
import { oneLine, processIo, UsageError, type CliIo } from './errors.js';

/**
 * Under --model auto, the share of decided titles in other languages from which the adapter is made
 * for the multilingual model: half. A run switches at 5% (route.ts) because one foreign title in it
 * matters; decisions gather over many runs, and English lists borrow words that read foreign
 * ("Sous Chef"), so the language most of them are in names the model the recruiter works with.
 */
const TUNE_MULTILINGUAL_SHARE = 0.5;

export const TUNE_USAGE = `Usage: titlematch tune DECISIONS --out ADAPTER [options]

Makes an adapter file from a recruiter's decisions, for titlematch match --adapter ADAPTER. DECISIONS
is a CSV, TSV, XLSX or ODS file with the columns query, match and decision (accept or reject); a
later row about the same pair of titles replaces an earlier one.

Options:
  --out FILE             the adapter file to write (any name; required)
  --sheet NAME           sheet of a DECISIONS workbook to read (default: the first)
  --map                  also learn a low-rank map of the title vectors from the decisions (slower;
                         measured weaker than the decisions as evidence: bench/results/feedback.md)
${PROTOTYPE_USAGE}
${ENGINE_USAGE}`;

/** Runs `titlematch tune`; returns the exit code. */
export async function runTune(argv: string[], io: CliIo = processIo()): Promise<number> {
  const options = { ...ENGINE_ARG_OPTIONS, out: { type: 'string' }, sheet: { type: 'string' }, map: { type: 'boolean' }, prototype: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options });
  if (values.help) {
    io.stdout.write(`${TUNE_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`tune needs one file of decisions (got ${positionals.length}). Run "titlematch tune --help" for the options.`);
  if (values.out === undefined) throw new UsageError('tune writes an adapter file: give it with --out FILE.');
  const prototype = unitOption('prototype', values.prototype);
  const [path] = positionals;
  // --model checked before the file is read; the bundled model is picked by the decided titles' language.
  engineOptionsFrom(values);
  let out: string;
  try {
    out = await checkOutputPath(values.out, positionals);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (e.code === 'same-as-input') throw new UsageError(`--out ${values.out} is the decisions file (the same file, through a link or another name); write the adapter to another file.`);
    if (e.code === 'no-folder') throw new UsageError(`--out ${values.out}: the folder ${dirname(resolve(values.out))} does not exist; create it or write somewhere else.`);
    if (e.code === 'not-a-file') throw new UsageError(`--out ${values.out} is a folder; give a file name.`);
    throw e;
  }
  const { decisions, notes } = await readDecisions(path, values.sheet);
  // A recruiter's decisions span many runs: the multilingual model where most of their titles are in other languages.
  const { options: engineOptions, note } = await runEngineOptions(values, decisions.flatMap((d) => [d.query, d.match]), { least: TUNE_MULTILINGUAL_SHARE });
  for (const n of note === undefined ? notes : [...notes, note]) io.stderr.write(`note: ${oneLine(n)}\n`);
  const modelDir = engineOptions.modelDir ?? '';
  const model = await adapterModelOf(modelDir);
  if (model.sha256 === undefined) throw new UsageError(`The model in ${modelDir} has no manifest.json recording the sha256 of model.onnx, and an adapter must name the model it belongs to; use a model with a manifest (the bundled one has).`);
  const file = newAdapterFile({ ...model, sha256: model.sha256 }, decisions);
  if (prototype !== undefined) file.settings.prototype = prototype;
  let trained = '';
  if (values.map) {
    const engine = createEngine(engineOptions);
    try {
      const dim = await engine.dimension();
      const t0 = performance.now();
      const vq = await engine.encode(decisions.map((d) => d.query));
      const vm = await engine.encode(decisions.map((d) => d.match));
      const row = (v: Float32Array, i: number): Float32Array => v.slice(i * dim, (i + 1) * dim);
      const pairs: VectorDecision[] = decisions.map((d, i) => ({ query: row(vq, i), match: row(vm, i), accept: d.accept, key: decisionKey(d.query) }));
      if (!pairs.some((p) => p.accept)) throw new UsageError(`${path} has no accepted pair, and --map learns from accepted pairs; leave --map out or add accepted decisions.`);
      file.map = trainAdapter(pairs, dim).adapter;
      trained = `, a rank-${file.map.rank} map learned in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    } finally {
      await engine.dispose();
    }
  }
  await writeAdapterFile(out, file);
  const accepted = decisions.filter((d) => d.accept).length;
  io.stderr.write(`wrote ${values.out}: ${decisions.length} decisions (${accepted} accepted, ${decisions.length - accepted} rejected) for ${model.name} ${model.version}${trained}\n`);
  return 0;
}
