/**
 * Worker-thread entry that tokenizes for the engine while the engine's thread runs the model
 * (onnxruntime-node runs a session on the calling thread, so tokenizing there would wait for it).
 * workerData: the tokenizer files and the longest sequence; each message { id, texts } is answered
 * with { id, ids, offsets }: the token ids of text i are ids[offsets[i]..offsets[i+1]).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createTokenizer, tokenIds } from './tokenize.js';

/** What the engine sends to start the worker. */
export interface TokenizeWorkerData {
  tokenizerJson: Record<string, unknown>;
  tokenizerConfig: Record<string, unknown>;
  maxLength: number;
}

/** A request and its answer. */
export interface TokenizeRequest {
  id: number;
  texts: string[];
}
export type TokenizeReply = { id: number; ids: Int32Array; offsets: Int32Array } | { id: number; error: string };

const port = parentPort;
if (port) {
  const data = workerData as TokenizeWorkerData;
  const tokenizer = createTokenizer(data.tokenizerJson, data.tokenizerConfig);
  port.on('message', ({ id, texts }: TokenizeRequest) => {
    try {
      const rows = texts.map((t) => tokenIds(tokenizer, t, data.maxLength));
      const offsets = new Int32Array(rows.length + 1);
      for (let i = 0; i < rows.length; i++) offsets[i + 1] = offsets[i] + rows[i].length;
      const ids = new Int32Array(offsets[rows.length]);
      rows.forEach((r, i) => ids.set(r, offsets[i]));
      port.postMessage({ id, ids, offsets } satisfies TokenizeReply, [ids.buffer, offsets.buffer]);
    } catch (e) {
      port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies TokenizeReply);
    }
  });
}
