/**
 * A GPU provider tried first in a child process. Its native libraries (Dawn for WebGPU, Vulkan
 * loaders and drivers, CUDA) write warnings straight to the process's stderr, where JavaScript
 * cannot stop them ("Couldn't get vkGetInstanceProcAddr", "XDG_RUNTIME_DIR is invalid"), and a
 * broken driver may crash the process. The child's stderr is read and dropped; only when the
 * provider starts there is it started in this process. Once per provider and model per process.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { ProviderName } from './providers.js';

// CommonJS for `node -e`: argv[1] is onnxruntime-node's entry, argv[2] the model, argv[3] the provider.
const CHILD = `
const ort = require(process.argv[1]);
ort.InferenceSession.create(process.argv[2], { executionProviders: [process.argv[3]], logSeverityLevel: 4 })
  .then((s) => s.release())
  .then(() => process.stdout.write('ok'), (e) => { process.stdout.write(String((e && e.message) || e)); process.exitCode = 1; });
`;

const probes = new Map<string, Promise<string | undefined>>();

/** Whether the probe runs in a child: in plain Node (the CLI); not inside Electron, whose binary is no plain Node. */
export function gpuProbeIsolated(): boolean {
  return process.versions.electron === undefined;
}

/** Undefined when `provider` starts a session for the model in a child process; else why not. */
export function probeInChild(provider: ProviderName, modelPath: string): Promise<string | undefined> {
  const key = `${provider}\n${modelPath}`;
  let probe = probes.get(key);
  if (probe === undefined) {
    const ortEntry = createRequire(import.meta.url).resolve('onnxruntime-node');
    probe = new Promise((resolve) => {
      execFile(process.execPath, ['-e', CHILD, ortEntry, modelPath, provider], { timeout: 60_000, maxBuffer: 1 << 20 }, (error, stdout) => {
        if (!error && stdout === 'ok') resolve(undefined);
        else if (error?.signal) resolve(`the ${provider} provider crashed while starting (${error.signal})`);
        else resolve(stdout.trim() || `the ${provider} provider could not start`);
      });
    });
    probes.set(key, probe);
  }
  return probe;
}
