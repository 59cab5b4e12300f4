import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { cancelled, isCancellation, ServiceError } from '../../../../electron/core/service/errors.js';
import { connectService, serveService } from '../../../../electron/core/service/rpc.js';
import { SERVICE_METHODS, type CallOptions, type MatchService } from '../../../../electron/core/service/types.js';

/** A service that records every call (method, arguments) and answers with the method's name; match waits to be cancelled. */
function recordingService(calls: { method: string; args: unknown[] }[]): MatchService {
  const methods = Object.keys(SERVICE_METHODS).map((method) => [
    method,
    (...args: unknown[]) => {
      calls.push({ method, args });
      if (method !== 'match') return Promise.resolve(`answer of ${method}`);
      const options = args[1] as CallOptions;
      options.onProgress?.({ phase: 'encoding', done: 1, total: 2, etaSeconds: null });
      return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(options.signal?.reason as Error)));
    },
  ]);
  return Object.fromEntries(methods) as MatchService;
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

function connected(service: MatchService): MatchService {
  const channel = new MessageChannel();
  channels.push(channel);
  serveService(channel.port1, service);
  return connectService(channel.port2);
}

describe('the service across a message port, made from SERVICE_METHODS', () => {
  it('serves every method of the service with the arguments it was called with', async () => {
    const calls: { method: string; args: unknown[] }[] = [];
    const remote = connected(recordingService(calls));
    expect(await remote.loadTable('/data/people.csv', 'Sheet 2')).toBe('answer of loadTable');
    expect(await remote.setModel(null)).toBe('answer of setModel');
    expect(await remote.decide({ query: 'Atty', match: 'Lawyer', decision: 'accept' })).toBe('answer of decide');
    expect(await remote.dispose()).toBe('answer of dispose');
    expect(calls).toEqual([
      { method: 'loadTable', args: ['/data/people.csv', 'Sheet 2'] },
      { method: 'setModel', args: [null] },
      { method: 'decide', args: [{ query: 'Atty', match: 'Lawyer', decision: 'accept' }] },
      { method: 'dispose', args: [] },
    ]);
    // Every method of the table is on the remote, and nothing else but `fail`.
    expect(Object.keys(remote).sort()).toEqual([...Object.keys(SERVICE_METHODS), 'fail'].sort());
  });

  it('keeps a call’s options on its side: progress comes back as messages, cancelling rejects with the one cancellation error', async () => {
    const calls: { method: string; args: unknown[] }[] = [];
    const remote = connected(recordingService(calls));
    const controller = new AbortController();
    const progress: unknown[] = [];
    const request = { candidates: { tableId: 'a', column: 'Title' }, targets: { tableId: 'b', column: 'Title' }, topK: 5 };
    const running = remote.match(request, { signal: controller.signal, onProgress: (p) => progress.push(p) });
    await expect.poll(() => progress.length).toBe(1);
    controller.abort();
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('cancelled');
    expect(isCancellation(error)).toBe(true);
    // The request crossed as data; the serving side made its own signal and progress function.
    expect(calls[0].args[0]).toEqual(request);
    expect(typeof (calls[0].args[1] as CallOptions).onProgress).toBe('function');
  });

  it('recognises a cancellation however it was raised, and nothing else', () => {
    expect(isCancellation(cancelled())).toBe(true);
    expect(isCancellation(new DOMException('stopped', 'AbortError'))).toBe(true);
    expect(isCancellation(new ServiceError('busy', 'A match is already running.'))).toBe(false);
    expect(isCancellation('cancelled')).toBe(false);
  });
});
