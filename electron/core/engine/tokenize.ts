/**
 * Tokenization with the transformers.js tokenizer engine (@huggingface/tokenizers), plus the
 * truncation and padding that engine leaves to the caller.
 */
import { Tokenizer as TokenizerClass } from '@huggingface/tokenizers';

/**
 * The part of the tokenizer's API used here. The package's own .d.ts files use extensionless
 * relative imports, which NodeNext resolution cannot follow, so its types arrive unresolved.
 */
export interface Tokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): { ids: number[] };
  token_to_id(token: string): number | undefined;
  get_vocab(withAddedTokens?: boolean): Map<string, number>;
  get_added_tokens_decoder(): Map<number, { special: boolean }>;
}

const TokenizerCtor = TokenizerClass as unknown as new (tokenizerJson: object, config: object) => Tokenizer;

/** A tokenizer loaded from a model folder, with what padding and truncation need. */
export interface LoadedTokenizer {
  tokenizer: Tokenizer;
  /** Id used for padding. */
  padId: number;
  /** Largest id the tokenizer can produce, plus one. */
  vocabSize: number;
  /** Ids of special tokens ([CLS], [SEP], ...), kept at the ends when truncating. */
  specialIds: ReadonlySet<number>;
}

/** A padded batch ready for the model: [batch, seq] int64 tensors' data. */
export interface TokenBatch {
  batch: number;
  seq: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  /** The mask as small numbers, for pooling in JavaScript. */
  mask: Uint8Array;
}

type Json = Record<string, unknown>;

/** Builds the tokenizer from parsed tokenizer.json and (optional) tokenizer_config.json. */
export function createTokenizer(tokenizerJson: Json, tokenizerConfig: Json = {}): LoadedTokenizer {
  const tokenizer = new TokenizerCtor(tokenizerJson, tokenizerConfig);
  const vocab = tokenizer.get_vocab(true);
  let vocabSize = 0;
  for (const id of vocab.values()) if (id + 1 > vocabSize) vocabSize = id + 1;
  const specialIds = new Set<number>();
  for (const [id, token] of tokenizer.get_added_tokens_decoder()) if (token.special) specialIds.add(id);
  return { tokenizer, padId: findPadId(tokenizer, tokenizerJson, tokenizerConfig), vocabSize, specialIds };
}

function findPadId(tokenizer: Tokenizer, json: Json, config: Json): number {
  const padding = json.padding as { pad_id?: unknown } | null | undefined;
  if (padding && typeof padding.pad_id === 'number') return padding.pad_id;
  const configured = typeof config.pad_token === 'string' ? config.pad_token : undefined;
  for (const name of [configured, '[PAD]', '<pad>', '<|pad|>']) {
    if (name === undefined) continue;
    const id = tokenizer.token_to_id(name);
    if (id !== undefined) return id;
  }
  return 0;
}

/**
 * Token ids of one text with the model's special tokens, truncated to maxLength. Truncation keeps
 * a trailing special token ([SEP]) so the model still sees a well-formed sequence.
 */
export function tokenIds(tok: LoadedTokenizer, text: string, maxLength: number): number[] {
  const ids = tok.tokenizer.encode(text, { add_special_tokens: true }).ids;
  if (ids.length <= maxLength) return ids;
  const last = ids[ids.length - 1];
  if (tok.specialIds.has(last)) {
    const cut = ids.slice(0, maxLength - 1);
    cut.push(last);
    return cut;
  }
  return ids.slice(0, maxLength);
}

/**
 * Pads token id lists to the longest of them: the int64 data onnxruntime wants. With `shape`, to
 * that many rows (extra rows repeat the first, so every row is a real input) and that length.
 */
export function padBatch(rows: readonly ArrayLike<number>[], padId: number, shape?: { rows: number; seq: number }): TokenBatch {
  if (shape && rows.length < shape.rows && rows.length > 0) rows = [...rows, ...Array.from({ length: shape.rows - rows.length }, () => rows[0])];
  const batch = rows.length;
  let seq = shape?.seq ?? 0;
  for (const r of rows) if (r.length > seq) seq = r.length;
  const inputIds = new BigInt64Array(batch * seq).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(batch * seq);
  const mask = new Uint8Array(batch * seq);
  for (let b = 0; b < batch; b++) {
    const r = rows[b];
    for (let t = 0; t < r.length; t++) {
      inputIds[b * seq + t] = BigInt(r[t]);
      attentionMask[b * seq + t] = 1n;
      mask[b * seq + t] = 1;
    }
  }
  return { batch, seq, inputIds, attentionMask, mask };
}
