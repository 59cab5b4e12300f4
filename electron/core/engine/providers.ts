/**
 * Execution providers: which to try on this platform, cheap checks that rule one out before
 * onnxruntime is asked (so a missing GPU costs no startup time and no native noise), and the
 * ordered fallback that records why each provider that was passed over could not be used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The execution providers TitleMatch knows how to ask onnxruntime-node for. */
export const PROVIDERS = ['webgpu', 'cuda', 'dml', 'coreml', 'cpu'] as const;
/** An execution provider name. */
export type ProviderName = (typeof PROVIDERS)[number];

/** One provider tried (or ruled out) while starting the engine. */
export interface ProviderAttempt {
  provider: ProviderName;
  ok: boolean;
  /** Why it was not used; absent for the provider in use. */
  reason?: string;
  /** Milliseconds spent on it (session creation and first run). */
  ms: number;
}

/** Type guard for provider names given on a command line or in settings. */
export function isProviderName(name: string): name is ProviderName {
  return (PROVIDERS as readonly string[]).includes(name);
}

/** Folder holding onnxruntime-node's native files for this platform. */
export function onnxruntimeBinDir(platform: string = process.platform, arch: string = process.arch): string {
  const req = createRequire(import.meta.url);
  const entry = req.resolve('onnxruntime-node');
  return join(dirname(entry), '..', 'bin', 'napi-v6', platform, arch);
}

/** Whether onnxruntime-node's CUDA provider files are installed (they are not by default). */
export function cudaFilesPresent(binDir: string = onnxruntimeBinDir()): boolean {
  return existsSync(join(binDir, 'libonnxruntime_providers_cuda.so')) || existsSync(join(binDir, 'onnxruntime_providers_cuda.dll'));
}

/**
 * The platform's preference: GPU providers the platform has, then cpu. cuda only where its
 * provider files were installed.
 */
export function defaultProviders(platform: string = process.platform, cuda: boolean = cudaFilesPresent()): ProviderName[] {
  const gpu: ProviderName[] = ['webgpu'];
  if (cuda && (platform === 'linux' || platform === 'win32')) gpu.push('cuda');
  if (platform === 'win32') gpu.push('dml');
  if (platform === 'darwin') gpu.push('coreml');
  return [...gpu, 'cpu'];
}

/** A preference as given, deduplicated, with cpu added last so there is always a way to run. */
export function withCpuLast(preference: readonly ProviderName[]): ProviderName[] {
  const out = [...new Set(preference)].filter((p) => p !== 'cpu');
  return [...out, 'cpu'];
}

const LIB_DIRS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/lib/x86_64-linux-gnu', '/lib64', '/lib', '/usr/local/lib'];

/** Whether a Vulkan loader can be found: on Linux, WebGPU (Dawn) needs one to reach a GPU. */
export function vulkanLoaderPresent(env: NodeJS.ProcessEnv = process.env): boolean {
  const extra = (env.LD_LIBRARY_PATH ?? '').split(delimiter).filter(Boolean);
  return [...extra, ...LIB_DIRS].some((d) => existsSync(join(d, 'libvulkan.so.1')));
}

/**
 * Reason a provider certainly cannot work here, found without onnxruntime; undefined when it is
 * worth trying. Only checks that are certain: anything else is left to session creation.
 */
export function precheckProvider(provider: ProviderName, platform: string = process.platform): string | undefined {
  switch (provider) {
    case 'cpu':
      return undefined;
    case 'dml':
      return platform === 'win32' ? undefined : 'DirectML exists only on Windows';
    case 'coreml':
      return platform === 'darwin' ? undefined : 'Core ML exists only on macOS';
    case 'webgpu':
      if (platform === 'linux' && !vulkanLoaderPresent()) return 'no Vulkan loader (libvulkan.so.1) on this system, so no GPU adapter; install the GPU driver with Vulkan support';
      return undefined;
    case 'cuda':
      // Tried for real when asked for: onnxruntime's own message says which library is missing.
      return undefined;
  }
}

/** Number of physical CPU cores (hyperthreads not counted), the best intra-op thread count. */
export function physicalCores(): number {
  const logical = availableParallelism();
  if (process.platform !== 'linux') return logical;
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    const cores = new Set<string>();
    let physical = '0';
    for (const line of cpuinfo.split('\n')) {
      const [key, value] = line.split(':').map((s) => s.trim());
      if (key === 'physical id') physical = value;
      else if (key === 'core id') cores.add(`${physical}:${value}`);
    }
    // Containers may limit the CPUs the process can use below what the machine has.
    return cores.size > 0 ? Math.max(1, Math.min(cores.size, logical)) : logical;
  } catch {
    return logical;
  }
}

/** Short text of an error thrown by onnxruntime, without its source-file prefix. */
export function describeError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // onnxruntime prefixes messages with "/onnxruntime_src/...cc:123 fn(...) condition was false."
  const firstLine = message.split('\n')[0];
  const tail = /was false\.\s*(.+)$/.exec(firstLine)?.[1] ?? firstLine.replace(/^\/\S+:\d+\s+/, '');
  return tail.length > 200 ? `${tail.slice(0, 197)}...` : tail;
}

/**
 * Tries providers in order: a provider ruled out by precheck, or whose `start` throws, is recorded
 * with its reason and the next is tried. Returns the first that starts, with every attempt.
 */
export async function startWithFallback<T>(
  preference: readonly ProviderName[],
  start: (provider: ProviderName) => Promise<T>,
  precheck: (provider: ProviderName) => string | undefined = precheckProvider,
): Promise<{ provider: ProviderName; value: T; attempts: ProviderAttempt[] }> {
  const attempts: ProviderAttempt[] = [];
  for (const provider of preference) {
    const t0 = performance.now();
    const ruledOut = precheck(provider);
    if (ruledOut !== undefined) {
      attempts.push({ provider, ok: false, reason: ruledOut, ms: performance.now() - t0 });
      continue;
    }
    try {
      const value = await start(provider);
      attempts.push({ provider, ok: true, ms: performance.now() - t0 });
      return { provider, value, attempts };
    } catch (e) {
      attempts.push({ provider, ok: false, reason: describeError(e), ms: performance.now() - t0 });
    }
  }
  const reasons = attempts.map((a) => `${a.provider}: ${a.reason ?? 'failed'}`).join('; ');
  throw new ProviderError(`No execution provider could run the model (${reasons}).`, attempts);
}

/** No provider in the preference could run the model. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly attempts: ProviderAttempt[],
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

/** One line saying which provider runs and why the ones before it were passed over. */
export function providerSummary(provider: ProviderName, attempts: readonly ProviderAttempt[]): string {
  const skipped = attempts.filter((a) => !a.ok).map((a) => `${a.provider} unavailable: ${a.reason ?? 'failed'}`);
  if (skipped.length === 0) return `using ${provider} (first in the preference)`;
  return `${skipped.join('; ')}; using ${provider}`;
}
