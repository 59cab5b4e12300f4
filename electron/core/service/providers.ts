/** How the status bar names an execution provider. */

const GPU_NAMES: Readonly<Record<string, string>> = {
  webgpu: 'GPU (WebGPU)',
  cuda: 'GPU (CUDA)',
  dml: 'GPU (DirectML)',
  coreml: 'Core ML',
};

/** "CPU, 8 threads", "GPU (WebGPU)", ... */
export function providerLabel(provider: string, threads: number): string {
  if (provider === 'cpu') return `CPU, ${threads} ${threads === 1 ? 'thread' : 'threads'}`;
  return GPU_NAMES[provider] ?? provider;
}
