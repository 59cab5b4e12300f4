/**
 * `npm run bench` (before run.ts, whose last line stays the encode speedup): single-title query
 * latency, cold start, top-10 matching at three sizes with the onnxruntime matcher against the
 * JavaScript reference (time and peak RSS, each in its own process, with the fitted growth
 * exponent), and the CLI end to end on a generated 100,000-row candidates XLSX against a
 * 10,000-title CSV written as an XLSX report, and the same through the app's match service (both
 * directions ranked, as the app shows them). Peers run in the same invocation; medians of runs.
 * Writes bench/results/suite.{json,md}.
 *
 * Options: --runs N (3), --quick (small sizes, to check the bench itself), --skip-e2e,
 * --results DIR, --data DIR, --model DIR, --work DIR (generated files and caches; temporary).
 * Children: --child match|cold|cli|app (internal).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '../../electron/cli/eval-sets.js';
import { bundledModelDir, createEngine, dedupe } from '../../electron/core/engine/index.js';
import { cachedEngine } from '../../electron/core/engine/embedding-cache.js';
import { findColumn, readTable } from '../../electron/core/io/index.js';
import { createOrtMatcher, topK } from '../../electron/core/match/index.js';
import { normalizeTitle } from '../../electron/core/text/index.js';
import { loadTransformersJs } from './peer.js';
import { median, percentile, rng, writeCandidatesXlsx, type Row } from './suite-helpers.js';

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    runs: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    'skip-e2e': { type: 'boolean', default: false },
    results: { type: 'string', default: 'bench/results' },
    data: { type: 'string' },
    model: { type: 'string' },
    work: { type: 'string' },
    vectors: { type: 'string' },
    nq: { type: 'string' },
    nc: { type: 'string' },
    impl: { type: 'string' },
    args: { type: 'string' },
  },
});
const modelDir = values.model !== undefined ? resolve(values.model) : bundledModelDir();
const runs = Number(values.runs);
const SCRIPT = new URL(import.meta.url).pathname;

/** Peak resident set of this process so far, in MB (Linux reports maxRSS in KB). */
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

// --- children: each measurement that reports peak memory runs in a fresh process --------------

async function childMatch(): Promise<void> {
  const buf = await readFile(values.vectors as string);
  const dim = buf.readUInt32LE(0);
  const pool = new Float32Array(buf.buffer.slice(buf.byteOffset + 4, buf.byteOffset + buf.length));
  const poolRows = pool.length / dim;
  const nq = Number(values.nq);
  const nc = Number(values.nc);
  if (nc > poolRows) throw new Error(`pool of ${poolRows} vectors is smaller than the corpus ${nc}`);
  // Corpus: distinct real titles; queries: real titles drawn with replacement (seeded).
  const corpus = pool.slice(0, nc * dim);
  const queries = new Float32Array(nq * dim);
  const r = rng(11);
  for (let i = 0; i < nq; i++) {
    const p = Math.floor(r() * poolRows);
    queries.set(pool.subarray(p * dim, (p + 1) * dim), i * dim);
  }
  const seconds: number[] = [];
  let fallbackRows = 0;
  const matcher = values.impl === 'ort' ? await createOrtMatcher() : undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (matcher) {
      await matcher.topK(queries, corpus, dim, 10);
      fallbackRows = matcher.lastStats.fallbackRows;
    } else await topK(queries, corpus, dim, 10);
    seconds.push((performance.now() - t0) / 1000);
  }
  await matcher?.dispose();
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb: peakRssMb(), fallbackRows })}\n`);
}

async function childCold(): Promise<void> {
  const t0 = performance.now();
  if (values.impl === 'peer') {
    const peer = await loadTransformersJs(modelDir);
    await peer(['Registered Nurse'], 1);
  } else {
    const engine = createEngine({ modelDir });
    await engine.encode(['Registered Nurse']);
  }
  const t1 = performance.now();
  // performance.now() counts from process start: the second figure includes Node's own start.
  process.stdout.write(`${JSON.stringify({ loadToFirstVectorMs: t1 - t0, processToFirstVectorMs: t1 })}\n`);
}

async function childCli(): Promise<void> {
  const { main } = await import('../../electron/cli/index.js');
  const t0 = performance.now();
  const code = await main(JSON.parse(values.args as string) as string[], { stdout: process.stderr, stderr: process.stderr });
  process.stdout.write(`${JSON.stringify({ code, seconds: (performance.now() - t0) / 1000, peakRssMb: peakRssMb() })}\n`);
}

/**
 * What the app's worker does for a recruiter, timed step by step: read both files, encode and rank
 * both ways (top 10), write the XLSX report. The app runs this off the window's thread.
 */
async function childApp(): Promise<void> {
  const { createMatchService } = await import('../../electron/core/service/index.js');
  const [xlsx, csv, out, cache] = JSON.parse(values.args as string) as string[];
  const service = createMatchService({ modelDir, cacheDir: cache });
  const steps: Record<string, number> = {};
  let t = performance.now();
  const step = (name: string): void => {
    const now = performance.now();
    steps[name] = (now - t) / 1000;
    t = now;
  };
  const t0 = t;
  await service.engineStatus();
  step('load model');
  const c = await service.loadTable(xlsx, null);
  const tt = await service.loadTable(csv, null);
  step('read files');
  const result = await service.match({ candidates: { tableId: c.tableId, column: 'Job Title' }, targets: { tableId: tt.tableId, column: 'Job Title' }, topK: 10 });
  step('encode and rank both ways');
  await service.exportResults({ runId: result.runId, format: 'xlsx', direction: 'byTarget', topK: 10, threshold: 0, openAfter: false }, out);
  step('write XLSX report');
  await service.dispose();
  process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - t0) / 1000, steps, peakRssMb: peakRssMb() })}
`);
}

/** Runs this script as a child and returns the JSON of its last stdout line. */
function child<T>(args: string[]): Promise<T> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', rej);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) rej(new Error(`child ${args.join(' ')} exited ${code}`));
      else res(JSON.parse(last) as T);
    });
  });
}

// --- the parent: measurements, peers, results ---------------------------------------------------

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Least-squares slope of log(seconds) against log(pairs): 1 means time grows with queries x corpus. */
export function growthExponent(points: { pairs: number; seconds: number }[]): number {
  const xs = points.map((p) => Math.log(p.pairs));
  const ys = points.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

async function onetTitles(): Promise<string[]> {
  const table = await readTable(join(dataDir(values.data), 'onet', 'Alternate Titles.txt'), { header: true });
  const col = findColumn(table, 'Alternate Title');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const row of table.rows) {
    const t = row[col]?.trim() ?? '';
    if (t !== '' && !seen.has(normalizeTitle(t))) {
      seen.add(normalizeTitle(t));
      out.push(t);
    }
  }
  const r = rng(2024);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function escoLabels(): Promise<string[]> {
  const table = await readTable(join(dataDir(values.data), 'esco', 'occupations_en.csv'), { header: true });
  const pref = findColumn(table, 'preferredLabel');
  const alt = findColumn(table, 'altLabels');
  return table.rows.flatMap((r) => [r[pref] ?? '', ...(r[alt] ?? '').split('\n')]).map((s) => s.trim()).filter((s) => s !== '');
}

async function parent(): Promise<void> {
  // Other work on the machine skews every figure: record how busy it was when the suite began.
  const loadAtStart = loadavg()[0];
  const work = values.work !== undefined ? resolve(values.work) : await mkdtemp(join(tmpdir(), 'titlematch-bench-'));
  await mkdir(work, { recursive: true });
  const sizes = values.quick ? [[200, 200], [1000, 300], [3000, 1000]] : [[1000, 1000], [10000, 3000], [100000, 10000]];
  const poolSize = Math.max(...sizes.map(([, c]) => c)) + (values.quick ? 500 : 2000);
  const titles = await onetTitles();
  const engine = createEngine({ modelDir });
  const info = await engine.info();
  const dim = info.model.dimension;
  log(`model ${info.model.name} ${info.model.version} on ${info.provider}, ${info.threads} threads`);

  // Single-title query latency: distinct titles, one call each, after a warm-up.
  const nSingle = values.quick ? 20 : 200;
  const peer = await loadTransformersJs(resolve(info.model.dir));
  for (const t of titles.slice(0, 10)) {
    await engine.encode([t]);
    await peer([t], 1);
  }
  const single = { engine: [] as number[], peer: [] as number[] };
  for (let i = 0; i < nSingle; i++) {
    const t = titles[100 + i];
    let t0 = performance.now();
    await engine.encode([t]);
    single.engine.push(performance.now() - t0);
    t0 = performance.now();
    await peer([t], 1);
    single.peer.push(performance.now() - t0);
  }
  log(`single title: engine median ${median(single.engine).toFixed(2)} ms, transformers.js ${median(single.peer).toFixed(2)} ms`);

  // Cold start, each in a fresh process.
  const cold = { engine: [] as number[], peer: [] as number[], engineProcess: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const e = await child<{ loadToFirstVectorMs: number; processToFirstVectorMs: number }>(['--child', 'cold', '--impl', 'engine', '--model', modelDir]);
    cold.engine.push(e.loadToFirstVectorMs);
    cold.engineProcess.push(e.processToFirstVectorMs);
    cold.peer.push((await child<{ loadToFirstVectorMs: number }>(['--child', 'cold', '--impl', 'peer', '--model', modelDir])).loadToFirstVectorMs);
  }
  log(`cold start: engine ${median(cold.engine).toFixed(0)} ms, transformers.js ${median(cold.peer).toFixed(0)} ms`);

  // A pool of real title vectors for matching (through the embedding cache, so reruns are quick).
  const cached = await cachedEngine(engine, join(work, 'cache'));
  const pool = await cached.encode(titles.slice(0, poolSize));
  await engine.dispose();
  const vectorsPath = join(work, 'pool.f32');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(dim);
  await writeFile(vectorsPath, Buffer.concat([header, Buffer.from(pool.buffer, pool.byteOffset, pool.byteLength)]));

  interface MatchFigure { seconds: number[]; peakRssMb: number; fallbackRows: number }
  const match: { queries: number; corpus: number; ort: MatchFigure; js: MatchFigure; speedup: number }[] = [];
  for (const [nq, nc] of sizes) {
    const common = ['--child', 'match', '--vectors', vectorsPath, '--nq', String(nq), '--nc', String(nc)];
    const ort = await child<MatchFigure>([...common, '--impl', 'ort', '--runs', String(runs)]);
    // The reference at 100k x 10k takes minutes: one run there.
    const js = await child<MatchFigure>([...common, '--impl', 'js', '--runs', String(nq * nc >= 1e9 ? 1 : runs)]);
    const speedup = median(js.seconds) / median(ort.seconds);
    match.push({ queries: nq, corpus: nc, ort, js, speedup });
    log(`match ${nq} x ${nc} top-10: onnxruntime ${median(ort.seconds).toFixed(2)} s (${ort.peakRssMb.toFixed(0)} MB), reference ${median(js.seconds).toFixed(2)} s (${js.peakRssMb.toFixed(0)} MB): ${speedup.toFixed(2)}x`);
  }
  const growth = {
    ort: growthExponent(match.map((m) => ({ pairs: m.queries * m.corpus, seconds: median(m.ort.seconds) }))),
    js: growthExponent(match.map((m) => ({ pairs: m.queries * m.corpus, seconds: median(m.js.seconds) }))),
  };

  // End to end: the CLI on generated candidates (XLSX) against job titles (CSV) to an XLSX report.
  let e2e: { rows: number; titles: number; cold: CliFigure; warm: CliFigure; app: AppFigure } | undefined;
  interface CliFigure { code: number; seconds: number; peakRssMb: number }
  interface AppFigure { seconds: number; steps: Record<string, number>; peakRssMb: number }
  if (!values['skip-e2e']) {
    const rows = values.quick ? 5000 : 100_000;
    const nTitles = values.quick ? 1000 : 10_000;
    const r = rng(5);
    const SENIORITY = ['', '', '', 'Senior ', 'Junior ', 'Lead ', 'Assistant ', 'Sr. ', 'Trainee '];
    const candidates: Row[] = Array.from({ length: rows }, (_, i) => ({
      id: 100000 + i,
      name: `Candidate ${i + 1}`,
      title: `${SENIORITY[Math.floor(r() * SENIORITY.length)]}${titles[Math.floor(r() * titles.length)]}`,
      city: ['Leeds', 'Lyon', 'Dublin', 'Köln', 'São Paulo'][Math.floor(r() * 5)],
    }));
    const xlsx = join(work, 'candidates.xlsx');
    await writeCandidatesXlsx(xlsx, candidates);
    const labels = await escoLabels();
    const csv = join(work, 'titles.csv');
    const picked = dedupe(labels.map(normalizeTitle)).unique.length >= nTitles ? labels : titles;
    await writeFile(csv, `Job Title\n${picked.slice(0, nTitles).map((t) => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t)).join('\n')}\n`);
    const cliCache = join(work, 'cli-cache');
    await rm(cliCache, { recursive: true, force: true });
    const args = JSON.stringify(['match', xlsx, csv, '--top', '10', '--out', join(work, 'report.xlsx'), '--cache', cliCache, '--model', modelDir]);
    const coldRun = await child<CliFigure>(['--child', 'cli', '--args', args]);
    const warmRun = await child<CliFigure>(['--child', 'cli', '--args', args]);
    const appCache = join(work, 'app-cache');
    await rm(appCache, { recursive: true, force: true });
    const appRun = await child<AppFigure>(['--child', 'app', '--model', modelDir, '--args', JSON.stringify([xlsx, csv, join(work, 'app-report.xlsx'), appCache])]);
    e2e = { rows, titles: nTitles, cold: coldRun, warm: warmRun, app: appRun };
    log(`end to end: ${coldRun.seconds.toFixed(1)} s (${coldRun.peakRssMb.toFixed(0)} MB) with nothing cached, ${warmRun.seconds.toFixed(1)} s (${warmRun.peakRssMb.toFixed(0)} MB) cached`);
    log(`app service: ${appRun.seconds.toFixed(1)} s (${appRun.peakRssMb.toFixed(0)} MB): ${Object.entries(appRun.steps).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
  }
  if (values.work === undefined) await rm(work, { recursive: true, force: true });

  const results = {
    date: new Date().toISOString(),
    model: { name: info.model.name, version: info.model.version, dimension: dim },
    provider: info.provider,
    threads: info.threads,
    cpus: cpus().length,
    loadAverageAtStart: loadAtStart,
    runs,
    singleTitle: {
      engineMs: { median: median(single.engine), p95: percentile(single.engine, 95) },
      transformersjsMs: { median: median(single.peer), p95: percentile(single.peer, 95) },
      n: nSingle,
    },
    coldStart: { engineMs: median(cold.engine), engineFromProcessStartMs: median(cold.engineProcess), transformersjsMs: median(cold.peer) },
    match,
    growthExponent: growth,
    endToEnd: e2e,
  };
  const f = (n: number, d = 2): string => n.toFixed(d);
  const lines = [
    `model ${info.model.name} ${info.model.version} (dimension ${dim}) on ${info.provider}, ${info.threads} threads; medians of ${runs} runs unless noted`,
    `machine: ${cpus().length} CPUs, load average ${loadAtStart.toFixed(2)} when the suite began${loadAtStart > 0.5 ? ' (other work was running: figures are lower than on an idle machine)' : ''}`,
    '',
    '| measure | engine | peer | ratio |',
    '| --- | --- | --- | --- |',
    `| one title, median (${nSingle} titles) | ${f(median(single.engine))} ms | ${f(median(single.peer))} ms (transformers.js) | ${f(median(single.peer) / median(single.engine))}x |`,
    `| one title, p95 | ${f(percentile(single.engine, 95))} ms | ${f(percentile(single.peer, 95))} ms | ${f(percentile(single.peer, 95) / percentile(single.engine, 95))}x |`,
    `| cold start, model load to first vector | ${f(median(cold.engine), 0)} ms | ${f(median(cold.peer), 0)} ms | ${f(median(cold.peer) / median(cold.engine))}x |`,
    ...match.map(
      (m) =>
        `| match ${m.queries.toLocaleString('en-US')} x ${m.corpus.toLocaleString('en-US')} top-10 | ${f(median(m.ort.seconds))} s, ${f(m.ort.peakRssMb, 0)} MB (onnxruntime) | ${f(median(m.js.seconds))} s, ${f(m.js.peakRssMb, 0)} MB (reference${m.js.seconds.length === 1 ? ', 1 run' : ''}) | ${f(m.speedup)}x |`,
    ),
    `| growth exponent, time ~ (queries x corpus)^b | ${f(growth.ort)} | ${f(growth.js)} | |`,
    ...(e2e
      ? [
          `| CLI ${e2e.rows.toLocaleString('en-US')}-row XLSX vs ${e2e.titles.toLocaleString('en-US')}-title CSV -> XLSX, nothing cached | ${f(e2e.cold.seconds, 1)} s, ${f(e2e.cold.peakRssMb, 0)} MB | | |`,
          `| same, titles cached from the run before | ${f(e2e.warm.seconds, 1)} s, ${f(e2e.warm.peakRssMb, 0)} MB | ${f(e2e.cold.seconds, 1)} s (uncached) | ${f(e2e.cold.seconds / e2e.warm.seconds)}x |`,
          `| app's match service, same files, both directions, XLSX report, nothing cached | ${f(e2e.app.seconds, 1)} s, ${f(e2e.app.peakRssMb, 0)} MB | | |`,
          ...Object.entries(e2e.app.steps).map(([k, v]) => `| - ${k} | ${f(v, 1)} s | | |`),
        ]
      : []),
  ];
  await mkdir(resolve(values.results), { recursive: true });
  await writeFile(join(values.results, 'suite.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(values.results, 'suite.md'), `# Benchmark suite\n\n${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

switch (values.child) {
  case 'match':
    await childMatch();
    break;
  case 'cold':
    await childCold();
    break;
  case 'cli':
    await childCli();
    break;
  case 'app':
    await childApp();
    break;
  default:
    await parent();
}
