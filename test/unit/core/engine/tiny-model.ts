/**
 * Writes tiny sentence-transformers-style model folders for tests: an ONNX ModelProto (written with
 * core's ONNX writer) whose graph looks token embeddings up (Gather) and masks them, plus
 * a WordPiece tokenizer.json and config.json. Small enough to read, real enough for onnxruntime.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { node, ONNX_FLOAT as FLOAT, ONNX_INT64 as INT64, onnxModel, tensor, valueInfo, type Dim } from '../../../../electron/core/onnx/writer.js';

export interface TinyModelOptions {
  /** Embedding table, one row per vocabulary id. */
  embeddings: number[][];
  /** Also output sentence_embedding (the [CLS] row, so tests can tell it from mean pooling). */
  sentenceEmbedding?: boolean;
  /** Declare this output size statically in the graph (to test mismatch messages). */
  staticDim?: boolean;
  /** Name of the token-vector output. */
  hiddenName?: string;
  /** Weights, token vectors and outputs in float16 (as a float16 export has them). */
  half?: boolean;
}

const FLOAT16 = 10;

/** float32 -> IEEE half bits, for the small exact values tests use (normal numbers and zero). */
export function toHalfBits(x: number): number {
  if (x === 0) return 0;
  const sign = x < 0 ? 0x8000 : 0;
  const a = Math.abs(x);
  const exponent = Math.floor(Math.log2(a));
  const fraction = Math.round((a / 2 ** exponent - 1) * 1024);
  return sign | ((exponent + 15) << 10) | fraction;
}

/** An ONNX model: input_ids, attention_mask int64 [batch, seq] -> last_hidden_state [batch, seq, dim]. */
export function tinyOnnx(opts: TinyModelOptions): Uint8Array {
  const vocab = opts.embeddings.length;
  const dim = opts.embeddings[0].length;
  const float = opts.half ? FLOAT16 : FLOAT;
  const table = opts.half ? new Uint16Array(opts.embeddings.flat().map(toHalfBits)) : new Float32Array(opts.embeddings.flat());
  const hidden = opts.hiddenName ?? 'last_hidden_state';
  const outDim: Dim = opts.staticDim ? dim : 'hidden';
  return onnxModel('titlematch-tests', 14, (g) => {
    node(g, { op: 'Gather', inputs: ['emb', 'input_ids'], outputs: ['tokens'], int: { axis: 0 } });
    node(g, { op: 'Cast', inputs: ['attention_mask'], outputs: ['mask_f'], int: { to: float } });
    node(g, { op: 'Unsqueeze', inputs: ['mask_f', 'axes_last'], outputs: ['mask_3d'] });
    node(g, { op: 'Mul', inputs: ['tokens', 'mask_3d'], outputs: [hidden] });
    if (opts.sentenceEmbedding) {
      node(g, { op: 'Gather', inputs: [hidden, 'zero'], outputs: ['sentence_embedding'], int: { axis: 1 } });
    }
    g.string(2, 'tiny');
    tensor(g, 5, 'emb', float, [vocab, dim], new Uint8Array(table.buffer));
    tensor(g, 5, 'axes_last', INT64, [1], new Uint8Array(new BigInt64Array([-1n]).buffer));
    tensor(g, 5, 'zero', INT64, [], new Uint8Array(new BigInt64Array([0n]).buffer));
    valueInfo(g, 11, 'input_ids', INT64, ['batch', 'seq']);
    valueInfo(g, 11, 'attention_mask', INT64, ['batch', 'seq']);
    valueInfo(g, 12, hidden, float, ['batch', 'seq', outDim]);
    if (opts.sentenceEmbedding) valueInfo(g, 12, 'sentence_embedding', float, ['batch', outDim]);
  });
}

/** A BERT-style WordPiece tokenizer.json over the given vocabulary ([PAD], [UNK], [CLS], [SEP] first). */
export function tinyTokenizerJson(words: string[]): Record<string, unknown> {
  const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
  const vocab: Record<string, number> = {};
  [...specials, ...words].forEach((t, i) => (vocab[t] = i));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

export interface TinyFolderOptions extends TinyModelOptions {
  /** Words of the vocabulary after the four special tokens; embeddings has one row per token. */
  words: string[];
  /** Put the model at onnx/model.onnx instead of model.onnx. */
  inOnnxSubfolder?: boolean;
  /** Files to leave out, to test incomplete folders. */
  omit?: ('model' | 'tokenizer.json' | 'config.json')[];
  /** Override config.json fields. */
  config?: Record<string, unknown>;
  /** Write 1_Pooling/config.json with this mode. */
  pooling?: 'mean' | 'cls' | 'max' | 'weightedmean';
  /** Also write a float16 copy of the model under this name (e.g. model.fp16.onnx). */
  fp16File?: string;
  /** Write this manifest.json. */
  manifest?: Record<string, unknown>;
}

/** Writes a complete (or deliberately incomplete) tiny model folder at dir. */
export async function writeTinyModelFolder(dir: string, opts: TinyFolderOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  const omit = new Set(opts.omit ?? []);
  const dim = opts.embeddings[0].length;
  if (!omit.has('model')) {
    const modelDir = opts.inOnnxSubfolder ? join(dir, 'onnx') : dir;
    await mkdir(modelDir, { recursive: true });
    await writeFile(join(modelDir, 'model.onnx'), tinyOnnx(opts));
  }
  if (opts.fp16File !== undefined) {
    await mkdir(join(dir, opts.fp16File, '..'), { recursive: true });
    await writeFile(join(dir, opts.fp16File), tinyOnnx({ ...opts, half: true }));
  }
  if (opts.manifest) await writeFile(join(dir, 'manifest.json'), JSON.stringify(opts.manifest));
  if (!omit.has('tokenizer.json')) await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tinyTokenizerJson(opts.words)));
  if (!omit.has('config.json')) {
    const config = { model_type: 'bert', hidden_size: dim, vocab_size: opts.embeddings.length, max_position_embeddings: 32, ...opts.config };
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  }
  if (opts.pooling) {
    await mkdir(join(dir, '1_Pooling'), { recursive: true });
    const flags = {
      word_embedding_dimension: dim,
      pooling_mode_cls_token: opts.pooling === 'cls',
      pooling_mode_mean_tokens: opts.pooling === 'mean',
      pooling_mode_max_tokens: opts.pooling === 'max',
      pooling_mode_weightedmean_tokens: opts.pooling === 'weightedmean',
    };
    await writeFile(join(dir, '1_Pooling', 'config.json'), JSON.stringify(flags));
  }
}
