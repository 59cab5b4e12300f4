/**
 * The adapter file: what `titlematch tune` learns from a recruiter's decisions, for
 * `match --adapter` and `eval --adapter`. JSON, versioned, with the sha256 of the model it belongs
 * to (from the model's manifest) and a sha256 of its own content, so a file for another model, a
 * damaged or a foreign one is refused with a message instead of ranking with the wrong vectors.
 * It holds the decisions themselves (the evidence, and the exact pairs to pin or hide), the
 * evidence settings, and optionally a learned low-rank map of the title vectors.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestModelSha } from '../confidence/model.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { errnoCode } from '../io/files.js';
import { InputError } from '../io/types.js';
import type { Adapter } from './adapter.js';
import type { Decision } from './decisions.js';
import { EVIDENCE_DEFAULTS, type EvidenceSettings } from './evidence.js';

/** The `format` field of every adapter file. */
export const ADAPTER_FORMAT = 'titlematch-adapter';
/** The version this build writes and reads. */
export const ADAPTER_VERSION = 1;

/** The model an adapter belongs to. */
export interface AdapterModel {
  name: string;
  version: string;
  /** sha256 of model.onnx as the model's manifest records it. */
  sha256: string;
}

/** An adapter file's content. */
export interface AdapterFile {
  model: AdapterModel;
  created: string;
  settings: EvidenceSettings;
  decisions: Decision[];
  /** The learned map of the title vectors, when one was trained. */
  map?: Adapter;
}

/** A new adapter file for `model` from decisions, with the evidence settings by default and no map: what tune writes without --map, and what the app builds from its decisions. */
export function newAdapterFile(model: AdapterModel, decisions: Decision[]): AdapterFile {
  return { model, created: new Date().toISOString(), settings: { ...EVIDENCE_DEFAULTS }, decisions };
}

/** Float32 values as little-endian base64. */
function encodeFloats(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return bytes.toString('base64');
}

function decodeFloats(text: unknown, length: number, what: string): Float32Array {
  if (typeof text !== 'string') throw new Error(`${what} is missing`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== length * 4) throw new Error(`${what} holds ${bytes.length} bytes where its ${length} numbers take ${length * 4}`);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = bytes.readFloatLE(i * 4);
  if (!out.every(Number.isFinite)) throw new Error(`${what} holds a number that is not finite`);
  return out;
}

/** The body whose sha256 the file carries: everything but the checksum, in a fixed order. */
function body(file: AdapterFile): Record<string, unknown> {
  return {
    format: ADAPTER_FORMAT,
    version: ADAPTER_VERSION,
    model: { name: file.model.name, version: file.model.version, sha256: file.model.sha256 },
    created: file.created,
    settings: { ...file.settings },
    decisions: file.decisions.map((d) => ({ query: d.query, match: d.match, decision: d.accept ? 'accept' : 'reject' })),
    ...(file.map ? { map: { dim: file.map.dim, rank: file.map.rank, a: encodeFloats(file.map.a), b: encodeFloats(file.map.b) } } : {}),
  };
}

function digest(b: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(b), 'utf8').digest('hex');
}

/** The file's text. */
export function serializeAdapter(file: AdapterFile): string {
  const b = body(file);
  return `${JSON.stringify({ ...b, sha256: digest(b) }, null, 1)}\n`;
}

/** Writes an adapter file whole or not at all. */
export async function writeAdapterFile(path: string, file: AdapterFile): Promise<void> {
  await writeFileAtomic(path, serializeAdapter(file), { kind: 'file' });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function settingsOf(x: unknown): EvidenceSettings {
  if (!isRecord(x)) throw new Error('its settings are missing');
  const out: EvidenceSettings = { ...EVIDENCE_DEFAULTS };
  for (const name of Object.keys(EVIDENCE_DEFAULTS) as (keyof EvidenceSettings)[]) {
    const v = x[name];
    // A file made before the prototype setting existed ranks as it did then, without one.
    if (name === 'prototype' && v === undefined) {
      delete out.prototype;
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`its setting ${name} is not a number`);
    out[name] = v;
  }
  if (out.neighbours < 1 || !Number.isInteger(out.neighbours) || out.rejectFrom >= 1 || (out.prototype !== undefined && (out.prototype < 0 || out.prototype > 1))) {
    throw new Error('its settings are out of range');
  }
  return out;
}

function decisionsOfFile(x: unknown): Decision[] {
  if (!Array.isArray(x) || x.length === 0) throw new Error('it holds no decisions');
  return x.map((d: unknown, i) => {
    if (!isRecord(d) || typeof d.query !== 'string' || typeof d.match !== 'string' || (d.decision !== 'accept' && d.decision !== 'reject')) {
      throw new Error(`its decision ${i + 1} is not a query, a match and accept or reject`);
    }
    return { query: d.query, match: d.match, accept: d.decision === 'accept' };
  });
}

function mapOf(x: unknown): Adapter | undefined {
  if (x === undefined) return undefined;
  if (!isRecord(x) || !Number.isInteger(x.dim) || !Number.isInteger(x.rank) || (x.dim as number) < 1 || (x.rank as number) < 1) throw new Error('its map has no dimension or rank');
  const dim = x.dim as number;
  const rank = x.rank as number;
  return { dim, rank, a: decodeFloats(x.a, rank * dim, 'its map A'), b: decodeFloats(x.b, dim * rank, 'its map B') };
}

/**
 * Parses an adapter file's text; `path` names it in messages. Refuses (InputError 'corrupt') text
 * that is not an adapter file of this version or whose content does not match its checksum.
 */
export function parseAdapter(text: string, path: string): AdapterFile {
  const refuse = (why: string, code = 'corrupt'): InputError =>
    new InputError(`${path} cannot be used as an adapter: ${why}. Make it again with titlematch tune DECISIONS --out ${path}.`, code, path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw refuse(text.trimStart().startsWith('{') ? 'it is damaged (its JSON is cut short or broken)' : 'it is not an adapter file (not JSON)');
  }
  if (!isRecord(data) || data.format !== ADAPTER_FORMAT) throw refuse(`it is not an adapter file (no "format": "${ADAPTER_FORMAT}")`, 'not-adapter');
  if (data.version !== ADAPTER_VERSION) {
    throw refuse(`it is version ${JSON.stringify(data.version)} of the adapter format and this titlematch reads version ${ADAPTER_VERSION}; use the titlematch that wrote it, or`, 'version');
  }
  let file: AdapterFile;
  try {
    const model = data.model;
    if (!isRecord(model) || typeof model.sha256 !== 'string' || typeof model.name !== 'string' || typeof model.version !== 'string') throw new Error('it does not name its model');
    file = {
      model: { name: model.name, version: model.version, sha256: model.sha256 },
      created: typeof data.created === 'string' ? data.created : '',
      settings: settingsOf(data.settings),
      decisions: decisionsOfFile(data.decisions),
      map: mapOf(data.map),
    };
  } catch (e) {
    throw refuse(`it is damaged (${(e as Error).message})`);
  }
  if (data.sha256 !== digest(body(file))) throw refuse('it is damaged (its content does not match its sha256: changed after it was written)');
  return file;
}

/** The model in a folder as adapter files name it: name and version from its manifest, and the manifest's sha256 of model.onnx (undefined without one). */
export async function adapterModelOf(modelDir: string): Promise<{ name: string; version: string; sha256: string | undefined }> {
  let manifest: { name?: unknown; version?: unknown } = {};
  try {
    manifest = JSON.parse(await readFile(join(modelDir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    // A model without a manifest: it has no sha256 to name either.
  }
  return {
    name: typeof manifest.name === 'string' ? manifest.name : 'the model',
    version: typeof manifest.version === 'string' ? manifest.version : `in ${modelDir}`,
    sha256: await manifestModelSha(modelDir),
  };
}

/**
 * Reads an adapter file for the model whose manifest records `modelSha`; refuses a file made for
 * another model (InputError 'other-model'), since its decisions were learned on other vectors.
 */
export async function readAdapterFile(path: string, model: { name: string; version: string; sha256: string | undefined }): Promise<AdapterFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = errnoCode(e);
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${(e as Error).message})`;
    throw new InputError(`The adapter ${path} ${why}.`, code === 'ENOENT' ? 'not-found' : 'unreadable', path);
  }
  const file = parseAdapter(text, path);
  if (model.sha256 === undefined) {
    throw new InputError(`The adapter ${path} belongs to ${file.model.name} ${file.model.version}, and the model in use has no manifest with its sha256 to check it against; use the adapter with its model.`, 'other-model', path);
  }
  if (file.model.sha256 !== model.sha256) {
    throw new InputError(
      `The adapter ${path} was made for ${file.model.name} ${file.model.version} (model sha256 ${file.model.sha256.slice(0, 12)}...), not for the model in use, ${model.name} ${model.version} (${model.sha256.slice(0, 12)}...); its decisions were learned on another model's vectors. Make it again for this model with titlematch tune.`,
      'other-model',
      path,
    );
  }
  return file;
}
