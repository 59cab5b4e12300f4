import { describe, expect, it } from 'vitest';
import {
  defaultProviders,
  describeError,
  precheckProvider,
  ProviderError,
  providerSummary,
  startWithFallback,
  withCpuLast,
} from '../../../../electron/core/engine/providers.js';

describe('provider preference', () => {
  it('prefers the GPU providers each platform has, cpu last; cuda only with its files', () => {
    expect(defaultProviders('linux', false)).toEqual(['webgpu', 'cpu']);
    expect(defaultProviders('linux', true)).toEqual(['webgpu', 'cuda', 'cpu']);
    expect(defaultProviders('win32', false)).toEqual(['webgpu', 'dml', 'cpu']);
    expect(defaultProviders('darwin', true)).toEqual(['webgpu', 'coreml', 'cpu']);
  });

  it('always ends a given preference with cpu, once', () => {
    expect(withCpuLast(['cuda'])).toEqual(['cuda', 'cpu']);
    expect(withCpuLast(['cpu', 'webgpu', 'webgpu'])).toEqual(['webgpu', 'cpu']);
  });

  it('rules out providers the platform cannot have without asking onnxruntime', () => {
    expect(precheckProvider('dml', 'linux')).toMatch(/only on Windows/);
    expect(precheckProvider('coreml', 'win32')).toMatch(/only on macOS/);
    expect(precheckProvider('cpu', 'linux')).toBeUndefined();
  });
});

describe('startWithFallback', () => {
  it('records the reason of each provider that throws and uses the next', async () => {
    const started = await startWithFallback(
      ['webgpu', 'cuda', 'cpu'],
      (p) => (p === 'cpu' ? Promise.resolve('session') : Promise.reject(new Error(`${p} exploded`))),
      () => undefined,
    );
    expect(started.provider).toBe('cpu');
    expect(started.value).toBe('session');
    expect(started.attempts.map((a) => a.reason)).toEqual(['webgpu exploded', 'cuda exploded', undefined]);
    expect(providerSummary(started.provider, started.attempts)).toBe('webgpu unavailable: webgpu exploded; cuda unavailable: cuda exploded; using cpu');
  });

  it('skips a provider its precheck rules out without starting it', async () => {
    const tried: string[] = [];
    const started = await startWithFallback(
      ['webgpu', 'cpu'],
      (p) => {
        tried.push(p);
        return Promise.resolve(p);
      },
      (p) => (p === 'webgpu' ? 'no adapter' : undefined),
    );
    expect(tried).toEqual(['cpu']);
    expect(providerSummary(started.provider, started.attempts)).toBe('webgpu unavailable: no adapter; using cpu');
  });

  it('fails with every reason when no provider starts', async () => {
    const failing = startWithFallback(['cuda', 'cpu'], (p) => Promise.reject(new Error(`${p} broken`)), () => undefined);
    await expect(failing).rejects.toBeInstanceOf(ProviderError);
    await expect(failing).rejects.toThrow('No execution provider could run the model (cuda: cuda broken; cpu: cpu broken).');
  });

  it('says which provider is first when nothing was passed over', () => {
    expect(providerSummary('cpu', [{ provider: 'cpu', ok: true, ms: 1 }])).toBe('using cpu (first in the preference)');
  });
});

describe('describeError', () => {
  it("keeps the useful tail of onnxruntime's messages", () => {
    const raw =
      '/onnxruntime_src/onnxruntime/core/providers/webgpu/webgpu_context.cc:136 lambda adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters';
    expect(describeError(new Error(raw))).toBe('Failed to get a WebGPU adapter: No supported adapters');
    expect(describeError('plain')).toBe('plain');
  });
});
