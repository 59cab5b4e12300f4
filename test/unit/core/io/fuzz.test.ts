import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { InputError, readTable } from '../../../../electron/core/io/index.js';
import { ZipArchive } from '../../../../electron/core/io/zip.js';
import { rng } from '../../../bench/suite-helpers.js';
import { tempFolder } from './helpers.js';

// Feeds mutated and random bytes to every reader; the only failure allowed out is an InputError.
// Deterministic (seeded) and bounded, so a failure names the case that reproduces it.
const dir = join(import.meta.dirname, '../../../fixtures/spreadsheets');
const tmp = tempFolder('titlematch-fuzz-');

const int = (r: () => number, n: number): number => Math.floor(r() * n);

function mutateBytes(src: Uint8Array, r: () => number): Uint8Array {
  const b = Buffer.from(src);
  switch (int(r, 4)) {
    case 0: // flip a few bytes
      for (let i = 0, n = 1 + int(r, 8); i < n; i++) b[int(r, b.length)] = int(r, 256);
      return b;
    case 1: // cut short
      return b.subarray(0, int(r, b.length));
    case 2: {
      // insert random bytes
      const at = int(r, b.length);
      const junk = Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256)));
      return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
    }
    default: {
      // repeat a slice
      const from = int(r, b.length);
      const to = Math.min(b.length, from + int(r, 512));
      return Buffer.concat([b.subarray(0, to), b.subarray(from, to), b.subarray(to)]);
    }
  }
}

const XML_BITS = ['<', '>', '/', '"', "'", '=', '&', '&amp;', '&#0;', '&#xD800;', ' r="ZZZ99999999"', ' t="s"', ' s="99999"', '<c>', '</row>', '<v>9e999</v>', 'x:', '\u0000', '🚀'];

function mutateText(src: string, r: () => number): string {
  let s = src;
  for (let i = 0, n = 1 + int(r, 4); i < n; i++) {
    const at = int(r, s.length + 1);
    switch (int(r, 3)) {
      case 0:
        s = s.slice(0, at) + XML_BITS[int(r, XML_BITS.length)] + s.slice(at);
        break;
      case 1:
        s = s.slice(0, at) + s.slice(at + int(r, 40));
        break;
      default: {
        const len = int(r, 200);
        s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at);
      }
    }
  }
  return s;
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await ZipArchive.open(file, 'fixture');
  try {
    const out = new Map<string, string>();
    for (const name of zip.names()) if (!name.endsWith('/')) out.set(name, await zip.text(name));
    return out;
  } finally {
    zip.close();
  }
}

async function zipOf(files: Map<string, string>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Reads a file every way the app does; anything but success or an InputError fails the test. */
async function readEveryWay(path: string, label: string): Promise<void> {
  for (const attempt of [() => readTable(path), () => readTable(path, { header: false }), () => readTable(path, { sheet: 'Openings' })]) {
    try {
      await attempt();
    } catch (e) {
      if (!(e instanceof InputError)) throw new Error(`${label}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      expect(e.message.length, label).toBeGreaterThan(20);
    }
  }
}

const SEEDS = [
  'candidates-utf8.csv', 'candidates-utf16le.tsv', 'candidates-utf16be.csv', 'openings-cp1252.csv',
  'lo-workbook.xlsx', 'lo-workbook.ods', 'openpyxl-workbook.xlsx', 'protected.xlsx', 'lo-legacy.xls',
];

describe('fuzzing the readers', () => {
  it.each(SEEDS)('mutated bytes of %s', async (name) => {
    const src = readFileSync(join(dir, name));
    const r = rng(name.length * 7919);
    for (let i = 0; i < 40; i++) {
      const path = join(tmp.dir, `m-${i}-${name}`);
      writeFileSync(path, mutateBytes(src, r));
      await readEveryWay(path, `${name} mutation ${i}`);
    }
  });

  it.each(['lo-workbook.xlsx', 'lo-workbook.ods', 'openpyxl-workbook.xlsx'])('mutated XML inside %s', async (name) => {
    const files = await parts(join(dir, name));
    const names = [...files.keys()].filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const r = rng(name.length * 104729);
    for (let i = 0; i < 60; i++) {
      const target = names[int(r, names.length)];
      const copy = new Map(files);
      copy.set(target, mutateText(files.get(target) ?? '', r));
      const path = join(tmp.dir, `x-${i}-${name}`);
      writeFileSync(path, await zipOf(copy));
      await readEveryWay(path, `${name} XML mutation ${i} of ${target}`);
    }
  });

  it('random bytes, bare and behind the signatures the readers look for', async () => {
    const r = rng(42);
    const heads = [[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]];
    for (let i = 0; i < 90; i++) {
      const body = Buffer.from(Array.from({ length: int(r, 3000) }, () => int(r, 256)));
      const bytes = Buffer.concat([Buffer.from(heads[i % heads.length]), body]);
      const ext = ['csv', 'xlsx', 'ods', 'tsv', 'xls'][i % 5];
      const path = join(tmp.dir, `random-${i}.${ext}`);
      writeFileSync(path, bytes);
      await readEveryWay(path, `random ${i}`);
    }
  });
});
