/**
 * Writes tiny sentence-transformers-style model folders for tests: an ONNX ModelProto encoded by
 * hand (protobuf wire format) whose graph looks token embeddings up (Gather) and masks them, plus
 * a WordPiece tokenizer.json and config.json. Small enough to read, real enough for onnxruntime.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// --- protobuf wire format -----------------------------------------------------------------------

class Writer {
  private chunks: number[] = [];
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number((v & 0x7fn) | 0x80n));
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint((field << 3) | wire);
  }
  int(field: number, value: number | bigint): this {
    return this.tag(field, 0).varint(value);
  }
  bytes(field: number, data: Uint8Array): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.chunks.push(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  message(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytes(field, inner.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

const FLOAT = 1;
const INT64 = 7;

type Dim = number | string;

function valueInfo(w: Writer, field: number, name: string, elemType: number, dims: Dim[]): void {
  w.message(field, (vi) => {
    vi.string(1, name);
    vi.message(2, (type) =>
      type.message(1, (tensor) => {
        tensor.int(1, elemType);
        tensor.message(2, (shape) => {
          for (const d of dims) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
        });
      }),
    );
  });
}

function tensor(w: Writer, field: number, name: string, elemType: number, dims: number[], raw: Uint8Array): void {
  w.message(field, (t) => {
    for (const d of dims) t.int(1, d);
    t.int(2, elemType);
    t.string(8, name);
    t.bytes(9, raw);
  });
}

interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number[]>;
  int?: Record<string, number>;
  to?: number;
}

function node(w: Writer, spec: NodeSpec): void {
  w.message(1, (n) => {
    for (const i of spec.inputs) n.string(1, i);
    for (const o of spec.outputs) n.string(2, o);
    n.string(3, `${spec.op}_${spec.outputs[0]}`);
    n.string(4, spec.op);
    for (const [name, values] of Object.entries(spec.ints ?? {})) {
      n.message(5, (a) => {
        a.string(1, name);
        for (const v of values) a.int(8, v);
        a.int(20, 7); // INTS
      });
    }
    for (const [name, value] of Object.entries(spec.int ?? {})) {
      n.message(5, (a) => {
        a.string(1, name);
        a.int(3, value);
        a.int(20, 2); // INT
      });
    }
  });
}

export interface TinyModelOptions {
  /** Embedding table, one row per vocabulary id. */
  embeddings: number[][];
  /** Also output sentence_embedding (the [CLS] row, so tests can tell it from mean pooling). */
  sentenceEmbedding?: boolean;
  /** Declare this output size statically in the graph (to test mismatch messages). */
  staticDim?: boolean;
  /** Name of the token-vector output. */
  hiddenName?: string;
}

/** An ONNX model: input_ids, attention_mask int64 [batch, seq] -> last_hidden_state [batch, seq, dim]. */
export function tinyOnnx(opts: TinyModelOptions): Uint8Array {
  const vocab = opts.embeddings.length;
  const dim = opts.embeddings[0].length;
  const table = new Float32Array(opts.embeddings.flat());
  const hidden = opts.hiddenName ?? 'last_hidden_state';
  const outDim: Dim = opts.staticDim ? dim : 'hidden';
  const w = new Writer();
  w.int(1, 8); // ir_version
  w.string(2, 'titlematch-tests');
  w.message(7, (g) => {
    node(g, { op: 'Gather', inputs: ['emb', 'input_ids'], outputs: ['tokens'], int: { axis: 0 } });
    node(g, { op: 'Cast', inputs: ['attention_mask'], outputs: ['mask_f'], int: { to: FLOAT } });
    node(g, { op: 'Unsqueeze', inputs: ['mask_f', 'axes_last'], outputs: ['mask_3d'] });
    node(g, { op: 'Mul', inputs: ['tokens', 'mask_3d'], outputs: [hidden] });
    if (opts.sentenceEmbedding) {
      node(g, { op: 'Gather', inputs: [hidden, 'zero'], outputs: ['sentence_embedding'], int: { axis: 1 } });
    }
    g.string(2, 'tiny');
    tensor(g, 5, 'emb', FLOAT, [vocab, dim], new Uint8Array(table.buffer));
    tensor(g, 5, 'axes_last', INT64, [1], new Uint8Array(new BigInt64Array([-1n]).buffer));
    tensor(g, 5, 'zero', INT64, [], new Uint8Array(new BigInt64Array([0n]).buffer));
    valueInfo(g, 11, 'input_ids', INT64, ['batch', 'seq']);
    valueInfo(g, 11, 'attention_mask', INT64, ['batch', 'seq']);
    valueInfo(g, 12, hidden, FLOAT, ['batch', 'seq', outDim]);
    if (opts.sentenceEmbedding) valueInfo(g, 12, 'sentence_embedding', FLOAT, ['batch', outDim]);
  });
  w.message(8, (op) => {
    op.string(1, '');
    op.int(2, 14);
  });
  return w.finish();
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
