/**
 * A small ONNX writer: ModelProto encoded by hand in the protobuf wire format, enough for the
 * graphs TitleMatch generates (the top-k matcher) and the tiny models its tests generate.
 * Field numbers are those of onnx/onnx.proto.
 */

/** Protobuf wire-format writer (varints, length-delimited fields, nested messages). */
export class ProtoWriter {
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
  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/** TensorProto.DataType values used here. */
export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;

/** A dimension: fixed size, or a symbolic name for a dynamic axis. */
export type Dim = number | string;

/** Writes a ValueInfoProto (graph input field 11, output field 12). */
export function valueInfo(w: ProtoWriter, field: number, name: string, elemType: number, dims: readonly Dim[]): void {
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

/** Writes a TensorProto with raw little-endian data (graph initializer field 5). */
export function tensor(w: ProtoWriter, field: number, name: string, elemType: number, dims: readonly number[], raw: Uint8Array): void {
  w.message(field, (t) => {
    for (const d of dims) t.int(1, d);
    t.int(2, elemType);
    t.string(8, name);
    t.bytes(9, raw);
  });
}

/** One graph node: operator, inputs, outputs and integer attributes. */
export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  ints?: Record<string, number[]>;
  int?: Record<string, number>;
}

/** Writes a NodeProto (graph field 1). */
export function node(w: ProtoWriter, spec: NodeSpec): void {
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

/** Wraps a graph into a ModelProto (IR version 8, default opset domain at `opset`). */
export function onnxModel(producer: string, opset: number, graph: (g: ProtoWriter) => void): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, 8); // ir_version
  w.string(2, producer);
  w.message(7, graph);
  w.message(8, (op) => {
    op.string(1, '');
    op.int(2, opset);
  });
  return w.finish();
}
