/** How the status bar names an execution provider. */

const GPU_NAMES: Readonly<Record<string, string>> = {
  webgpu: 'GPU (WebGPU)',
  cuda: 'GPU (CUDA)',
  dml: 'GPU (DirectML)',
  coreml: 'Core ML',
};

/** "CPU, 8 threads", "GPU (WebGPU)", "GPU (WebGPU), float16", ... */
export function providerLabel(provider: string, threads: number, precision: 'fp32' | 'fp16' = 'fp32'): string {
  const name = provider === 'cpu' ? `CPU, ${threads} ${threads === 1 ? 'thread' : 'threads'}` : (GPU_NAMES[provider] ?? provider);
  return precision === 'fp16' ? `${name}, float16` : name;
}
