/**
 * Packs the GPU check into one folder (under 64 MiB) for a bare Linux x86-64 machine with an
 * NVIDIA driver and no Node or network: Node itself (stripped; gzip, which every Linux has, unpacks
 * it; xz when gzip would not leave room under the limit),
 * onnxruntime-node's linux-x64 files, the Vulkan loader from Debian's libvulkan1 package (WebGPU
 * reaches the GPU through Vulkan), the model with its float16 variant, 10,000 O*NET titles, the
 * dev split that qualifies the float16 variant (when `npm run fp16` has written it) and the
 * compiled check. Large
 * files other than Node are brotli-compressed and unpacked by the packed Node (unpack.mjs).
 * Copy the folder over and run `sh run.sh` there.
 *
 *     node out/test/gpu/pack.js --out /tmp/titlematch-gpu [--vulkan-deb FILE] [--model DIR] [--dev DIR] [--node-xz] [--fast]
 *
 * Needs `npm run build:node` first (it packs the compiled JavaScript under out/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dataDir, loadEvalSet } from '../../electron/cli/eval-sets.js';
import { bundledModelDir } from '../../electron/core/engine/index.js';
import { findColumn, readTable } from '../../electron/core/io/index.js';

/** The most the folder may hold. */
export const PACK_LIMIT_BYTES = 64 * 1024 * 1024;

/** The project folder: the first above this file with a package.json (from test/ or out/test/). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export interface PackOptions {
  out: string;
  /** libvulkan1 .deb; default: `apt-get download libvulkan1` into a temporary folder. */
  vulkanDeb?: string;
  model?: string;
  data?: string;
  /** The compiled tree to pack (default: the project's out/, from npm run build:node). */
  built?: string;
  /** Compress Node with xz (the GPU machine then needs xz; gzip otherwise): room for a larger model. */
  nodeXz?: boolean;
  /** Low compression levels, and no size limit (for tests: the layout is the same, the folder larger). */
  fast?: boolean;
  /** The dev split folder `npm run fp16` writes (default models/training/.work/fp16/dev, if there). */
  dev?: string;
}

export interface PackResult {
  bytes: number;
  files: { path: string; bytes: number }[];
}

const RUN_SH = `#!/bin/sh
# TitleMatch GPU check: encode and match figures per execution provider. Needs only gzip or xz
# (whichever packed Node) and the GPU driver (with its Vulkan ICD for WebGPU). Arguments go to the
# check (e.g. --providers cpu --quick).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
dev=""
[ -f dev.json ] && dev="--dev dev.json"
if [ ! -x node ]; then
  if [ -f node.xz ]; then
    command -v xz >/dev/null || { echo "run.sh: this pack's Node is xz-compressed; install xz-utils (or repack with a smaller model)" >&2; exit 1; }
    xz -dc node.xz > node.tmp
  else gzip -dc node.gz > node.tmp; fi
  chmod +x node.tmp && mv node.tmp node
fi
./node unpack.mjs
export LD_LIBRARY_PATH="$here/vulkan\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
exec ./node app/out/test/gpu/bench.js --model model --titles titles.txt --json results.json $dev "$@"
`;

const UNPACK_MJS = `// Unpacks the brotli-compressed files of the pack (once), beside their .br files.
import { readdirSync, readFileSync, writeFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
for (const f of walk('.').filter((f) => f.endsWith('.br'))) {
  const target = f.slice(0, -3);
  if (existsSync(target)) continue;
  writeFileSync(target + '.tmp', brotliDecompressSync(readFileSync(f)));
  renameSync(target + '.tmp', target);
}
`;

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat();
}

/** Copies a tree's files that `keep` accepts. */
async function copyTree(from: string, to: string, keep: (path: string) => boolean): Promise<void> {
  for (const f of await walk(from)) {
    if (!keep(f)) continue;
    const target = join(to, relative(from, f));
    await mkdir(dirname(target), { recursive: true });
    await cp(f, target);
  }
}

async function writeBrotli(path: string, data: Buffer, fast: boolean): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const quality = fast ? 1 : 11;
  await writeFile(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
}

/**
 * Node, stripped of its debug symbols where `strip` exists (the dynamic symbols that native addons
 * link against stay), then gzip (or xz) compressed.
 */
async function packNode(out: string, fast: boolean, xz: boolean): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'titlematch-node-'));
  try {
    let node = process.execPath;
    if (!fast) {
      try {
        await cp(process.execPath, join(tmp, 'node'));
        execFileSync('strip', [join(tmp, 'node')], { stdio: 'ignore' });
        node = join(tmp, 'node');
      } catch {
        // No binutils here: pack Node as it is.
      }
    }
    if (xz) await writeFile(join(out, 'node.xz'), execFileSync('xz', [fast ? '-1' : '-9e', '-c', node], { maxBuffer: 2 ** 30 }));
    else await writeFile(join(out, 'node.gz'), gzipSync(await readFile(node), { level: fast ? 1 : 9 }));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Builds the folder; throws if it would exceed PACK_LIMIT_BYTES. */
export async function pack(options: PackOptions): Promise<PackResult> {
  const out = resolve(options.out);
  const fast = options.fast ?? false;
  const root = projectRoot();
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const js = (f: string): boolean => f.endsWith('.js') || f.endsWith('.mjs') || f.endsWith('.cjs') || f.endsWith('package.json');

  // Node, and the compiled check with the parts of core it loads.
  await packNode(out, fast, options.nodeXz ?? false);
  const built = resolve(options.built ?? join(root, 'out'));
  for (const part of ['electron/contract', 'electron/core/engine', 'electron/core/match', 'electron/core/text', 'electron/core/onnx', 'test/gpu']) {
    await copyTree(join(built, part), join(out, 'app', 'out', part), (f) => f.endsWith('.js'));
  }
  await writeFile(join(out, 'app', 'package.json'), '{ "type": "module", "private": true }\n');

  // onnxruntime-node (linux x64 only), onnxruntime-common, the tokenizer.
  const modules = join(root, 'node_modules');
  const ortBin = join('bin', 'napi-v6', 'linux', 'x64');
  await copyTree(join(modules, 'onnxruntime-node'), join(out, 'app', 'node_modules', 'onnxruntime-node'), (f) => !f.includes(`${join('bin', 'napi-v6')}`) && js(f) && !f.includes('node_modules/onnxruntime-node/node_modules'));
  for (const f of await walk(join(modules, 'onnxruntime-node', ortBin))) {
    const target = join(out, 'app', 'node_modules', 'onnxruntime-node', ortBin, basename(f));
    if (f.endsWith('.node')) await cp(f, target);
    else await writeBrotli(target, await readFile(f), fast);
  }
  await copyTree(join(modules, 'onnxruntime-common'), join(out, 'app', 'node_modules', 'onnxruntime-common'), js);
  await copyTree(join(modules, '@huggingface', 'tokenizers'), join(out, 'app', 'node_modules', '@huggingface', 'tokenizers'), js);

  // The Vulkan loader: the .deb as Debian ships it, and its library unpacked for LD_LIBRARY_PATH.
  const tmp = await mkdtemp(join(tmpdir(), 'titlematch-pack-'));
  try {
    let deb = options.vulkanDeb;
    if (deb === undefined) {
      execFileSync('apt-get', ['download', 'libvulkan1'], { cwd: tmp, stdio: 'ignore' });
      deb = join(tmp, (await readdir(tmp)).find((f) => f.endsWith('.deb')) ?? 'libvulkan1.deb');
    }
    await cp(deb, join(out, 'vulkan', basename(deb)));
    execFileSync('dpkg-deb', ['-x', deb, join(tmp, 'x')]);
    const lib = (await walk(join(tmp, 'x'))).find((f) => /libvulkan\.so\.1\.\d/.test(f));
    if (lib === undefined) throw new Error(`${deb} holds no libvulkan.so.1`);
    await cp(lib, join(out, 'vulkan', 'libvulkan.so.1'));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  // The model (with its float16 variant), the titles and the dev split.
  const model = resolve(options.model ?? bundledModelDir());
  for (const f of await walk(model)) {
    const target = join(out, 'model', relative(model, f));
    if (f.endsWith('.onnx')) await writeBrotli(target, await readFile(f), fast);
    else {
      await mkdir(dirname(target), { recursive: true });
      await cp(f, target);
    }
  }
  const devDir = resolve(options.dev ?? join(root, 'models', 'training', '.work', 'fp16', 'dev'));
  if (existsSync(join(devDir, 'jobbert-val', 'titles.csv'))) {
    const set = await loadEvalSet(devDir);
    await writeFile(join(out, 'dev.json'), JSON.stringify({ queries: set.queries, targets: Array.from(set.targets), labels: set.labels }));
  }
  const table = await readTable(join(dataDir(options.data), 'onet', 'Alternate Titles.txt'), { header: true });
  const col = findColumn(table, 'Alternate Title');
  const titles = [...new Set(table.rows.map((r) => r[col]?.trim() ?? '').filter(Boolean))].slice(0, 10_000);
  await writeFile(join(out, 'titles.txt'), `${titles.join('\n')}\n`);
  await writeFile(
    join(out, 'NOTICE'),
    'titles.txt: O*NET 27.0 Database, U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), CC BY 4.0.\ndev.json: ESCO classification, European Commission (labels held out from training).\nThe model, onnxruntime (MIT), Node.js (MIT) and the Vulkan loader (Apache-2.0) carry their own licences; see the TitleMatch repository NOTICE.\n',
  );
  await writeFile(join(out, 'run.sh'), RUN_SH, { mode: 0o755 });
  await writeFile(join(out, 'unpack.mjs'), UNPACK_MJS);

  const measure = async (): Promise<PackResult> => {
    const files = await Promise.all((await walk(out)).map(async (f) => ({ path: relative(out, f), bytes: (await stat(f)).size })));
    return { files, bytes: files.reduce((n, f) => n + f.bytes, 0) };
  };
  let { files, bytes } = await measure();
  if (!fast && bytes > PACK_LIMIT_BYTES && !options.nodeXz) {
    // gzip does not leave room: xz packs Node about 11 MB smaller (the GPU machine then needs xz).
    await rm(join(out, 'node.gz'));
    await packNode(out, fast, true);
    ({ files, bytes } = await measure());
  }
  if (!fast && bytes > PACK_LIMIT_BYTES) throw new Error(`the pack is ${(bytes / 2 ** 20).toFixed(1)} MiB, over the ${PACK_LIMIT_BYTES / 2 ** 20} MiB limit`);
  return { bytes, files };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(tmpdir(), 'titlematch-gpu') }, 'vulkan-deb': { type: 'string' }, model: { type: 'string' }, data: { type: 'string' }, dev: { type: 'string' }, fast: { type: 'boolean' }, 'node-xz': { type: 'boolean' } } });
  const result = await pack({ out: values.out, vulkanDeb: values['vulkan-deb'], model: values.model, data: values.data, dev: values.dev, fast: values.fast, nodeXz: values['node-xz'] });
  process.stdout.write(`${((PACK_LIMIT_BYTES - result.bytes) / 2 ** 20).toFixed(1)} MiB to spare under the limit\n`);
  const big = [...result.files].sort((a, b) => b.bytes - a.bytes).slice(0, 6);
  process.stdout.write(`${big.map((f) => `${(f.bytes / 2 ** 20).toFixed(1).padStart(6)} MiB  ${f.path}`).join('\n')}\npacked ${result.files.length} files, ${(result.bytes / 2 ** 20).toFixed(1)} MiB, into ${resolve(values.out)}; run: sh ${join(resolve(values.out), 'run.sh')}\n`);
}
