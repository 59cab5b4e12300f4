/**
 * `titlematch eval` (and `npm run eval`): for every vacancy title of the JobBERT validation split,
 * rank all ESCO preferred labels and report MRR, top-1 and top-5, for the model and for the
 * character 3-gram TF-IDF cosine floor. Data from --data DIR, else $TITLEMATCH_DATA, else
 * ../shared/data beside the project.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../core/engine/index.js';
import { findColumn, readTable } from '../core/io/index.js';
import { rankMetrics, targetRanks, tfidfTargetRanks } from '../core/match/index.js';

import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, engineOptionsFrom } from './engine-options.js';
import { processIo, runGuarded, UsageError, type CliIo } from './errors.js';
import { ProgressReporter } from './progress.js';

export const EVAL_USAGE = `Usage: titlematch eval [--data DIR] [--json] [--raw] [--model DIR] [--provider LIST] [--threads N] [--precision P]

Ranks all 2,942 ESCO preferred labels for each JobBERT validation vacancy title and prints MRR,
top-1 and top-5 for the model and for the character 3-gram TF-IDF cosine floor.

  --data DIR   the data folder (default: $TITLEMATCH_DATA, else ../shared/data beside the project)
  --json       print the figures as JSON
  --raw        feed titles to the model without TitleMatch's normalisation (to measure it)
${ENGINE_USAGE}`;

const VAL_FILE = join('jobbert-val', 'titles.csv');
const ESCO_FILE = join('esco', 'occupations_en.csv');

/** The project folder (the one with package.json above this file). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The data folder: --data, else TITLEMATCH_DATA, else ../shared/data beside the project. */
export function dataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return resolve(option);
  if (env.TITLEMATCH_DATA) return resolve(env.TITLEMATCH_DATA);
  return resolve(projectRoot(), '..', 'shared', 'data');
}

/** The evaluation set: queries with the index of their right answer among the labels. */
export interface EvalSet {
  queries: string[];
  targets: Int32Array;
  labels: string[];
  /** Vacancy titles left out because their occupation is not among the labels, or empty. */
  skipped: number;
}

/** Reads jobbert-val/titles.csv and esco/occupations_en.csv from the data folder. */
export async function loadEvalSet(dir: string): Promise<EvalSet> {
  for (const f of [VAL_FILE, ESCO_FILE]) {
    if (!existsSync(join(dir, f))) {
      throw new UsageError(`The data folder ${dir} has no ${f}. Pass the folder with --data DIR or set TITLEMATCH_DATA.`);
    }
  }
  const esco = await readTable(join(dir, ESCO_FILE), { header: true });
  const labelCol = findColumn(esco, 'preferredLabel');
  const escoUriCol = findColumn(esco, 'conceptUri');
  const labels: string[] = [];
  const byUri = new Map<string, number>();
  for (const row of esco.rows) {
    const label = row[labelCol]?.trim();
    const uri = row[escoUriCol]?.trim();
    if (!label || !uri) continue;
    byUri.set(uri, labels.length);
    labels.push(label);
  }
  const val = await readTable(join(dir, VAL_FILE), { header: true });
  const titleCol = findColumn(val, 'vacancyTitle');
  const uriCol = findColumn(val, 'conceptUri');
  const queries: string[] = [];
  const targets: number[] = [];
  let skipped = 0;
  for (const row of val.rows) {
    const title = row[titleCol]?.trim();
    const target = byUri.get(row[uriCol]?.trim() ?? '');
    if (!title || target === undefined) {
      if (row.length > 0) skipped++;
      continue;
    }
    queries.push(title);
    targets.push(target);
  }
  return { queries, targets: Int32Array.from(targets), labels, skipped };
}

interface Figures {
  mrr: number;
  top1: number;
  top5: number;
  n: number;
  seconds: number;
}

function line(name: string, f: Figures): string {
  return `${name.padEnd(52)} MRR ${f.mrr.toFixed(4)}  top-1 ${f.top1.toFixed(4)}  top-5 ${f.top5.toFixed(4)}  (${f.seconds.toFixed(1)} s)`;
}

/** Runs `titlematch eval`; returns the exit code. */
export async function runEval(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...ENGINE_ARG_OPTIONS,
      data: { type: 'string' },
      json: { type: 'boolean' },
      raw: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${EVAL_USAGE}\n`);
    return 0;
  }
  const dir = dataDir(values.data);
  const engineOptions = { ...engineOptionsFrom(values), normalizeTitles: !values.raw };
  const set = await loadEvalSet(dir);
  const progress = new ProgressReporter(io.stderr);

  let t0 = performance.now();
  const tfidf: Figures = { ...rankMetrics(tfidfTargetRanks(set.queries, set.labels, set.targets)), seconds: (performance.now() - t0) / 1000 };

  const engine = createEngine(engineOptions);
  try {
    t0 = performance.now();
    const info = await engine.info();
    const dim = info.model.dimension;
    const labelVectors = await engine.encode(set.labels, { onProgress: (p) => progress.update('encoding labels', p.done, p.total) });
    const queryVectors = await engine.encode(set.queries, { onProgress: (p) => progress.update('encoding vacancy titles', p.done, p.total) });
    const ranks = await targetRanks(queryVectors, labelVectors, dim, set.targets, {
      onProgress: (p) => progress.update('ranking', p.done, p.total),
    });
    const model: Figures = { ...rankMetrics(ranks), seconds: (performance.now() - t0) / 1000 };
    progress.finish();
    const name = `${info.model.name} ${info.model.version}${values.raw ? ' (raw titles)' : ''}`;
    if (values.json) {
      const report = { data: dir, queries: set.queries.length, labels: set.labels.length, skipped: set.skipped, model: { name, provider: info.provider, precision: info.precision, threads: info.threads, ...model }, tfidf };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      io.stdout.write(
        [
          `jobbert-val: ${set.queries.length} vacancy titles ranked against ${set.labels.length} ESCO preferred labels (${dir})${set.skipped > 0 ? `; ${set.skipped} skipped` : ''}`,
          line(`model ${name} (${info.provider}, ${info.precision}, ${info.threads} threads)`, model),
          line('floor: character 3-gram TF-IDF cosine', tfidf),
          '',
        ].join('\n'),
      );
    }
    return 0;
  } finally {
    await engine.dispose();
  }
}

// `npm run eval` runs this file directly (importing index.js here would be an import cycle).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io = processIo();
  process.exitCode = await runGuarded('eval', () => runEval(process.argv.slice(2), io), io);
}
