/** Runs the CLI in-process with captured streams, and builds the tiny model the CLI tests use. */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { main } from '../../../electron/cli/index.js';
import { readTable } from '../../../electron/core/io/index.js';
import { writeTinyModelFolder } from '../core/engine/tiny-model.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'cli');

/**
 * A progress line (electron/cli/progress.ts), printed only when a run lasts over a second, as on a
 * loaded machine: neither an error nor a note.
 */
export function isProgressLine(line: string): boolean {
  return /^titlematch: [a-z ]+ [\d,]+\/[\d,]+ \(\d+%\)$/.test(line) || /^titlematch: (done|wrote .+) in \d+\.\d s$/.test(line);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `titlematch ...args` and returns its exit code and output. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      stdout += chunk.toString();
      done();
    },
  });
  const err = { write: (text: string) => (stderr += text), isTTY: false };
  const code = await main(args, { stdout: out, stderr: err });
  return { code, stdout, stderr };
}

// A model whose vectors group the fixture words by field: health, transport, software, business.
const VOCAB: Record<string, number[]> = {
  registered: [3, 0, 0, 0],
  nurse: [4, 0, 0, 0],
  truck: [0, 4, 0, 0],
  driver: [0, 4, 0, 0],
  hgv: [0, 3, 0, 0],
  software: [0, 0, 4, 0],
  engineer: [0, 0, 4, 0],
  developer: [0, 0, 4, 0],
  full: [0, 0, 2, 0],
  stack: [0, 0, 2, 0],
  lead: [0, 0, 1, 1],
  senior: [0, 0, 1, 1],
  marketing: [0, 0, 0, 4],
  manager: [0, 0, 0, 4],
};

/** Writes the CLI tests' tiny model into dir. */
export async function writeCliModel(dir: string): Promise<void> {
  const specials = [
    [0, 0, 0, 0],
    [0.1, 0.1, 0.1, 0.1],
    [0.5, 0.5, 0.5, 0.5],
    [0.5, 0.5, 0.5, 0.5],
  ];
  await writeTinyModelFolder(dir, { words: Object.keys(VOCAB), embeddings: [...specials, ...Object.values(VOCAB)] });
}

/** Reads a CSV the CLI wrote, with the project's own reader, as records keyed by the header. */
export async function readCsvRecords(path: string): Promise<{ columns: string[]; records: Record<string, string>[] }> {
  const table = await readTable(path, { header: true });
  return { columns: table.columns, records: table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? '']))) };
}
