#!/usr/bin/env node
// Builds the unpacked (`dir`) linux-x64 app with electron-builder, using a stand-in Electron
// distribution (the real one cannot be downloaded everywhere), and checks what went in:
// the app code in app.asar, the model and onnxruntime's linux-x64 native files unpacked, no other
// platform's binaries, the fuses flipped. Prints the sizes. Exit code 1 on any failed check.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const standin = join(root, 'out', 'electron-standin');
const output = join(root, 'out', 'package-check');
const appDir = join(output, 'linux-unpacked');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

// The fuse wire as Electron ships it: sentinel, wire version 1, 8 fuses, each '0' or '1'.
// electron-builder flips these in the executable exactly as it does in a real Electron binary.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_FUSES = '10110001'; // RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, only-asar off, v8 snapshot off, file privileges on

function makeStandin() {
  rmSync(standin, { recursive: true, force: true });
  mkdirSync(join(standin, 'resources'), { recursive: true });
  mkdirSync(join(standin, 'locales'), { recursive: true });
  const exe = join(standin, 'electron');
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "This is a stand-in for the Electron binary, used only to check packaging." >&2\nexit 1\n# '),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from(SHIPPED_FUSES),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(exe, 0o755);
  writeFileSync(join(standin, 'version'), electronVersion);
  writeFileSync(join(standin, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  writeFileSync(join(standin, 'LICENSES.chromium.html'), '<p>Stand-in for the Chromium licenses.</p>\n');
  writeFileSync(join(standin, 'locales', 'en-US.pak'), '');
  writeFileSync(join(standin, 'resources.pak'), '');
}

function sizeOf(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

makeStandin();
rmSync(output, { recursive: true, force: true });
const builder = spawnSync(
  process.execPath,
  [
    require.resolve('electron-builder/cli.js'),
    '--config',
    'build/electron-builder.yml',
    '--linux',
    'dir',
    '--x64',
    `-c.electronDist=${standin}`,
    `-c.directories.output=${output}`,
    '--publish',
    'never',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } },
);
if (builder.status !== 0) {
  console.error(`electron-builder failed (exit ${builder.status}).`);
  process.exit(1);
}

const resources = join(appDir, 'resources');
const asarPath = join(resources, 'app.asar');
const unpacked = join(resources, 'app.asar.unpacked');
check(existsSync(join(appDir, 'titlematch')), 'the executable is named titlematch');
check(existsSync(asarPath), 'resources/app.asar exists');

// The same asar and fuses modules electron-builder itself uses.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const asar = builderRequire('@electron/asar');
const entries = new Set(asar.listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/')));
for (const file of ['/package.json', '/out/electron/main/index.js', '/out/worker/service-worker.cjs', '/out/worker/tokenize-worker.cjs', '/out/preload/index.cjs', '/out/renderer/index.html']) {
  check(entries.has(file), `app.asar holds ${file}`);
}
const stray = [...entries].filter((e) => /\.(ts|map)$/.test(e) || /^\/(test|renderer\/src|models\/training|electron)\//.test(e));
check(stray.length === 0, `app.asar holds no sources, tests, source maps or training files${stray.length ? `: ${stray.slice(0, 5).join(', ')}` : ''}`);

// Both bundled models: English, and the multilingual one with its language profile.
for (const name of ['titlematch', 'titlematch-multilingual']) {
  const modelDir = join(unpacked, 'models', name);
  const repoModel = join(root, 'models', name);
  const modelFiles = existsSync(repoModel) ? readdirSync(repoModel).filter((f) => statSync(join(repoModel, f)).isFile()) : [];
  check(modelFiles.length > 0, `the repository has a bundled model (models/${name}: ${modelFiles.join(', ') || 'missing'})`);
  for (const f of modelFiles) check(existsSync(join(modelDir, f)), `model file ${name}/${f} is unpacked from app.asar`);
}
// Each taxonomy the build derived (or the note saying why it could not) is unpacked beside the model.
const taxonomies = join(root, 'out', 'taxonomies');
const taxonomyFiles = existsSync(taxonomies) ? readdirSync(taxonomies) : [];
for (const id of ['onet', 'esco']) check(taxonomyFiles.includes(`${id}.json`) || taxonomyFiles.includes(`${id}.unavailable.txt`), `the build derived the ${id} taxonomy or said why not (out/taxonomies)`);
for (const f of taxonomyFiles) check(existsSync(join(unpacked, 'out', 'taxonomies', f)), `taxonomy file ${f} is unpacked from app.asar`);

const ort = join(unpacked, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6');
for (const f of ['linux/x64/onnxruntime_binding.node', 'linux/x64/libonnxruntime.so.1']) check(existsSync(join(ort, f)), `onnxruntime ${f} is unpacked`);
const allFiles = existsSync(unpacked) ? walk(unpacked).map((p) => relative(unpacked, p).replaceAll('\\', '/')) : [];
const otherPlatforms = [...allFiles, ...entries].filter((p) => /napi-v6\/(darwin|win32)\/|napi-v6\/linux\/arm64\/|\.(dll|dylib)$/.test(p));
check(otherPlatforms.length === 0, `no other platform's onnxruntime binaries${otherPlatforms.length ? `: ${otherPlatforms.slice(0, 5).join(', ')}` : ''}`);
const packedNative = [...entries].filter((e) => /\.(node|so(\.\d+)*)$/.test(e) && !allFiles.includes(e.slice(1)));
check(packedNative.length === 0, `every native file is unpacked${packedNative.length ? `: ${packedNative.join(', ')}` : ''}`);

// Fuses, read back from the packaged executable.
const { getCurrentFuseWire, FuseV1Options } = builderRequire('@electron/fuses');
const wire = await getCurrentFuseWire(join(appDir, 'titlematch'));
const state = (option) => String.fromCharCode(wire[option]);
check(state(FuseV1Options.RunAsNode) === '0', 'fuse RunAsNode is off');
check(state(FuseV1Options.OnlyLoadAppFromAsar) === '1', 'fuse OnlyLoadAppFromAsar is on');
check(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation) === '1', 'fuse EnableEmbeddedAsarIntegrityValidation is on');
check(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable) === '0', 'fuse EnableNodeOptionsEnvironmentVariable is off');
check(state(FuseV1Options.EnableNodeCliInspectArguments) === '0', 'fuse EnableNodeCliInspectArguments is off');

const standinSize = sizeOf(standin);
const total = sizeOf(appDir);
console.log('\nSizes of out/package-check/linux-unpacked:');
console.log(`  app.asar             ${mb(sizeOf(asarPath))}`);
console.log(`  app.asar.unpacked    ${mb(existsSync(unpacked) ? sizeOf(unpacked) : 0)}  (model ${mb(existsSync(modelDir) ? sizeOf(modelDir) : 0)}, onnxruntime ${mb(existsSync(ort) ? sizeOf(ort) : 0)})`);
console.log(`  total                ${mb(total)}  (${mb(standinSize)} of it the stand-in Electron; an installer adds the real Electron ${electronVersion} runtime)`);

if (failures.length > 0) {
  console.error(`\npackage:check failed: ${failures.length} check(s).`);
  process.exit(1);
}
console.log('\npackage:check passed.');
