/**
 * The engine's side of the tokenizing worker (tokenize-worker.ts): requests by id, the worker kept
 * alive only while a request is pending, and a clear failure (file missing, worker crashed) that
 * the engine answers by tokenizing on its own thread.
 */
import { Worker } from 'node:worker_threads';
import type { TokenizeReply, TokenizeWorkerData } from './tokenize-worker.js';

/** Token ids of a list of texts: those of text i are ids[offsets[i]..offsets[i+1]). */
export interface TokenizedChunk {
  ids: Int32Array;
  offsets: Int32Array;
}

/** The compiled worker beside this file (out/electron/core/engine/tokenize-worker.js). */
export const DEFAULT_TOKENIZE_WORKER = new URL('./tokenize-worker.js', import.meta.url);

export class TokenizeThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (c: TokenizedChunk) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  /** Why the worker cannot be used any more; set once. */
  failure: Error | undefined;

  constructor(file: string | URL, data: TokenizeWorkerData) {
    this.worker = new Worker(file, { workerData: data });
    this.worker.unref();
    this.worker.on('message', (reply: TokenizeReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve({ ids: reply.ids, offsets: reply.offsets });
    });
    const fail = (e: Error): void => {
      this.failure ??= e;
      for (const w of this.pending.values()) w.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the tokenizing worker stopped (exit code ${code})`)));
  }

  /** Token ids of texts, computed on the worker's thread. */
  tokenize(texts: string[]): Promise<TokenizedChunk> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // Referenced while waiting, so that the process does not exit with a request outstanding.
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts });
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error('the tokenizing worker was stopped');
    await this.worker.terminate();
  }
}
