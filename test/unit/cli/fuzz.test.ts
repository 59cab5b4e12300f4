/**
 * The command line's contract, checked on seeded random cases: random files (CSV with every
 * defect a person's file has, XLSX and ODS, damaged or not, random bytes), random options and
 * random output paths (new, existing, an input named through a symbolic or hard link, a folder, a
 * missing folder, a name too long for a temporary file or for the disk, a pipe). Whatever the case, `titlematch match` ends with exit 0 and a complete output,
 * or exit 2 and one line on stderr; never another code, a stack trace, a changed input, a partial
 * output or a temporary file left behind. The process cases add read-only and full disks and
 * signals (in a user namespace where the machine allows one). TITLEMATCH_FUZZ_SEED picks another
 * seed; a failure names the seed and the case.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/io/index.js';
import { rng, writeZip } from '../../bench/suite-helpers.js';
import { tempFolder } from '../core/io/helpers.js';
import { isProgressLine, runCli, writeCliModel } from './helpers.js';

const SEED = Number(process.env.TITLEMATCH_FUZZ_SEED ?? 20_261_128);
const CASES = Number(process.env.TITLEMATCH_FUZZ_CASES ?? 160);
const tmp = tempFolder('titlematch-cli-fuzz-');
const model = join(tmp.dir, 'model');
beforeAll(() => writeCliModel(model));

type Rand = () => number;
const int = (r: Rand, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)];
const chance = (r: Rand, p: number): boolean => r() < p;

const WORDS = ['Registered Nurse', 'Truck Driver', 'Software Engineer', 'Marketing Manager', 'Senior Developer', 'HGV driver', 'Lead Full Stack Developer', 'Chef', 'Développeur', 'Ingénieur logiciel', '看護師', '🚀 Engineer'];
const ODD = ['"', '""', ',', ';', '\t', '|', '\n', '\r\n', '=SUM(A1)', '-250.00', '@x', ' ', '\u0000', '\uFFFD', '\u2028'];

function title(r: Rand): string {
  const k = int(r, 20);
  if (k === 0) return '';
  if (k === 1) return pick(r, ODD) + pick(r, WORDS);
  if (k === 2) return `${pick(r, WORDS)} ${'and more '.repeat(40 + int(r, 10))}`; // over 300 characters
  if (k === 3 && chance(r, 0.2)) return 'x'.repeat(32_767 + int(r, 3)); // at or just past the cell limit
  if (k === 4) return `${pick(r, WORDS)}${pick(r, ODD)}${pick(r, WORDS)}`;
  return `${pick(r, WORDS)}${chance(r, 0.5) ? ` ${int(r, 100)}` : ''}`;
}

/** A delimited text file: header or none, quoting or not, and now and then a defect. */
function csvBytes(r: Rand): Buffer {
  const d = pick(r, [',', ';', '\t', '|']);
  const eol = pick(r, ['\n', '\r\n', '\r']);
  const quote = (v: string): string => (chance(r, 0.7) && !/["\r\n,;\t|]/.test(v) ? v : `"${v.replace(/"/g, '""')}"`);
  const lines: string[] = [];
  const header = pick(r, ['title', 'Job Title', 'Name', '', 'Position held', null]);
  const width = 1 + int(r, 3);
  if (header !== null) lines.push([header, 'id', 'city'].slice(0, width).map(quote).join(d));
  for (let i = 0, n = int(r, 30); i < n; i++) {
    if (chance(r, 0.05)) lines.push('');
    else lines.push([title(r), String(i), pick(r, ['Paris', 'Leeds', ''])].slice(0, width).map(quote).join(d));
  }
  let text = lines.join(eol) + (chance(r, 0.8) ? eol : '');
  if (chance(r, 0.08)) {
    const at = int(r, text.length + 1);
    text = `${text.slice(0, at)}"${text.slice(at)}`; // a quote that may never close
  }
  let bytes = Buffer.from(text, 'utf8');
  if (chance(r, 0.1)) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (chance(r, 0.08)) bytes = Buffer.from(text, 'latin1');
  if (chance(r, 0.08)) bytes = Buffer.concat([bytes, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]); // a stray Windows-1252 byte
  if (chance(r, 0.05)) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return bytes;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const XLSX_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetRows(r: Rand): string[][] {
  const rows: string[][] = [[pick(r, ['Title', 'Job title', 'Role']), 'Id']];
  for (let i = 0, n = int(r, 25); i < n; i++) rows.push([title(r), String(i)]);
  return rows;
}

async function xlsxFile(r: Rand, path: string): Promise<void> {
  const hiddenFirst = chance(r, 0.3);
  const cells = (rows: string[][]): string =>
    rows.map((row, i) => `<row r="${i + 1}">${row.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${i + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`).join('')}</row>`).join('');
  await writeZip(path, [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<workbook xmlns="${XLSX_NS}" xmlns:r="${REL}"><sheets><sheet name="Lookup" sheetId="1" ${hiddenFirst ? 'state="hidden" ' : ''}r:id="rId1"/><sheet name="Titles" sheetId="2" r:id="rId2"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<worksheet xmlns="${XLSX_NS}"><sheetData>${cells([['Code'], ['A1']])}</sheetData></worksheet>`],
    ['xl/worksheets/sheet2.xml', `<worksheet xmlns="${XLSX_NS}"><sheetData>${cells(sheetRows(r))}</sheetData></worksheet>`],
  ]);
}

async function odsFile(r: Rand, path: string): Promise<void> {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';
  const table = (name: string, style: string, rows: string[][]): string =>
    `<table:table table:name="${name}" table:style-name="${style}">${rows.map((row) => `<table:table-row>${row.map((v) => `<table:table-cell office:value-type="string"><text:p>${esc(v)}</text:p></table:table-cell>`).join('')}</table:table-row>`).join('')}</table:table>`;
  const hiddenFirst = chance(r, 0.3);
  await writeZip(path, [
    ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
    [
      'content.xml',
      `<office:document-content ${ns}><office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles><office:body><office:spreadsheet>${table('Lookup', hiddenFirst ? 'ta2' : 'ta1', [['Code'], ['A1']])}${table('Titles', 'ta1', sheetRows(r))}</office:spreadsheet></office:body></office:document-content>`,
    ],
  ]);
}

/** Writes one input file of a random kind; returns its path. */
async function inputFile(r: Rand, dir: string, stem: string): Promise<string> {
  const kind = int(r, 10);
  if (kind <= 4) {
    const path = join(dir, `${stem}.${pick(r, ['csv', 'tsv', 'txt', 'xlsx'])}`);
    writeFileSync(path, csvBytes(r));
    return path;
  }
  const path = join(dir, `${stem}.${kind <= 6 ? 'xlsx' : kind <= 8 ? 'ods' : 'csv'}`);
  if (kind <= 6) await xlsxFile(r, path);
  else if (kind <= 8) await odsFile(r, path);
  else writeFileSync(path, Buffer.from(Array.from({ length: int(r, 2000) }, () => int(r, 256))));
  if (kind <= 8 && chance(r, 0.2)) {
    // Damage the archive: flip some bytes or cut it short.
    const b = readFileSync(path);
    if (chance(r, 0.5)) for (let i = 0; i < 1 + int(r, 6); i++) b[int(r, b.length)] = int(r, 256);
    writeFileSync(path, chance(r, 0.5) ? b : b.subarray(0, int(r, b.length)));
  }
  return path;
}

const digest = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function temporaryFiles(dir: string): string[] {
  const found: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) found.push(...temporaryFiles(join(dir, e.name)));
    else if (e.name.endsWith('.tmp')) found.push(join(dir, e.name));
  }
  return found;
}

/** Whether an output file is whole: it reads back in its format. */
async function complete(path: string, format: string, text: string | undefined): Promise<void> {
  if (format === 'json') JSON.parse(text ?? readFileSync(path, 'utf8'));
  else if (format === 'html') expect((text ?? readFileSync(path, 'utf8')).trimEnd()).toMatch(/<\/html>$/);
  else if (format === 'xlsx') await readTable(path);
  else {
    const body = text ?? readFileSync(path, 'utf8');
    expect(body.startsWith('query_row,query,rank,match_row,match,score\n')).toBe(true);
    expect(body.endsWith('\n')).toBe(true);
  }
}

describe('titlematch match on random cases (in process)', () => {
  it(`keeps the contract on ${CASES} cases (seed ${SEED})`, async () => {
    const r = rng(SEED);
    for (let n = 0; n < CASES; n++) {
      const where = `seed ${SEED}, case ${n}`;
      const dir = join(tmp.dir, `case-${n}`);
      mkdirSync(dir);
      let queries = await inputFile(r, dir, 'queries');
      const corpus = await inputFile(r, dir, 'corpus');
      const inputs = [queries, corpus];
      const before = inputs.map(digest);
      if (chance(r, 0.15)) {
        const link = join(dir, 'queries-link');
        symlinkSync(queries, link);
        queries = link;
      }
      const args = ['match', queries, corpus, '--model', model, '--provider', 'cpu', '--no-cache'];
      if (chance(r, 0.4)) args.push('--top', pick(r, ['1', '3', 'all', '0', '-1', 'ten', '1.5', '100000']));
      if (chance(r, 0.3)) args.push('--min-score', pick(r, ['-0.5', '0', '0.3', '-1', '1', '2', 'x', '-.25']));
      if (chance(r, 0.15)) args.push('--query-column', pick(r, ['title', 'Job Title', '2', 'nope', 'Title']));
      if (chance(r, 0.1)) args.push('--query-sheet', pick(r, ['Titles', 'Lookup', 'missing']));
      let format = pick(r, ['csv', 'csv', 'json', 'xlsx', 'html']);
      const explicit = chance(r, 0.5);
      if (explicit) args.push('--format', format);
      const outKind = int(r, 10);
      let out: string | undefined;
      let old: string | undefined;
      if (outKind === 1 || outKind === 2) out = join(dir, `out.${format}`);
      else if (outKind === 3) {
        out = join(dir, `old.${format}`);
        old = 'an earlier output';
        writeFileSync(out, old);
      } else if (outKind === 4) out = inputs[0];
      else if (outKind === 5) {
        symlinkSync(dir, join(dir, 'here'));
        out = join(dir, 'here', inputs[int(r, 2)].slice(dir.length + 1));
      } else if (outKind === 6) {
        out = join(dir, 'hard-link');
        linkSync(inputs[1], out);
      } else if (outKind === 7) out = pick(r, [dir, join(dir, 'missing', 'out.csv')]);
      else if (outKind === 8) {
        out = join(dir, pick(r, [`${'é'.repeat(120)}.${format}`, `${'a'.repeat(300)}.${format}`, 'pipe']));
        if (out.endsWith('pipe')) spawnSync('mkfifo', [out]);
      }
      if (out !== undefined) args.push('--out', out);
      if (!explicit && out === undefined) format = 'csv';
      if (!explicit && out !== undefined) format = /\.json$/.test(out) ? 'json' : /\.xlsx$/.test(out) ? 'xlsx' : /\.html?$/.test(out) ? 'html' : 'csv';
      const outBefore = out !== undefined && existsSync(out) && statSync(out).isFile() ? digest(out) : undefined;

      const run = await runCli(args);

      expect([0, 2], `${where}: exit code ${run.code} for ${args.join(' ')}\n${run.stderr}`).toContain(run.code);
      expect(run.stderr, `${where}: a stack trace`).not.toMatch(/\n\s+at |unexpected error/);
      expect(inputs.map(digest), `${where}: an input changed`).toEqual(before);
      expect(temporaryFiles(dir), `${where}: a temporary file left`).toEqual([]);
      const lines = run.stderr.split('\n').filter((l) => l !== '' && !isProgressLine(l));
      if (run.code === 2) {
        const errors = lines.filter((l) => !l.startsWith('note: '));
        expect(errors, `${where}: not one error line`).toHaveLength(1);
        expect(errors[0]).toMatch(/^titlematch: \S/);
        if (outBefore !== undefined) expect(digest(out as string), `${where}: the earlier output changed`).toBe(outBefore);
        else if (out !== undefined && !inputs.includes(out)) expect(existsSync(out) && statSync(out).isFile(), `${where}: a partial output`).toBe(false);
      } else {
        for (const l of lines) expect(l, `${where}: stderr`).toMatch(/^note: /);
        if (out !== undefined) await complete(out, format, undefined);
        else if (format !== 'xlsx') await complete('', format, run.stdout);
      }
    }
  });
});

/** Whether this machine lets a test mount a small tmpfs of its own (a user and mount namespace). */
const canMount = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'true']).status === 0;
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'titlematch.js');

describe('titlematch match on random cases (as a process)', () => {
  it.skipIf(!canMount)(`keeps the contract on a read-only or full disk and under signals (seed ${SEED})`, async () => {
    const r = rng(SEED + 1);
    const dir = join(tmp.dir, 'process');
    mkdirSync(dir);
    const list = (n: number): string => `title\n${Array.from({ length: n }, (_, i) => `${pick(r, WORDS)} ${i}`).join('\n')}\n`;
    const queries = join(dir, 'queries.csv');
    const corpus = join(dir, 'corpus.csv');
    writeFileSync(queries, list(200));
    writeFileSync(corpus, list(200));
    for (let n = 0; n < 8; n++) {
      const where = `seed ${SEED + 1}, process case ${n}`;
      const format = pick(r, ['csv', 'json', 'xlsx', 'html']);
      const mountOptions = pick(r, ['ro', 'size=8k', 'size=64k', 'size=4m']);
      const signal = chance(r, 0.5) ? pick(r, ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) : undefined;
      const delay = int(r, 400);
      const target = join(dir, `mnt-${n}`);
      mkdirSync(target);
      // In its own mount namespace: a tmpfs at `target`, the CLI writing there, then what is left.
      const script = 'mount -t tmpfs -o "$1" tmpfs "$2" || exit 99; shift 2; node "$@" & pid=$!; echo $pid >&3; wait $pid; code=$?; echo "code=$code" >&3; ls -A "$TM_DIR" >&3; exit 0';
      const args = ['match', queries, corpus, '--model', model, '--provider', 'cpu', '--no-cache', '--top', 'all', '--out', join(target, `out.${format}`)];
      const child = spawn('unshare', ['-rm', 'sh', '-c', script, 'sh', mountOptions, target, BIN, ...args], {
        env: { ...process.env, TM_DIR: target },
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let report = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdio[3]?.on('data', (d: Buffer) => (report += d.toString()));
      if (signal !== undefined) {
        setTimeout(() => {
          const pid = Number(report.split('\n')[0]);
          // The CLI's pid as its namespace's parent sees it: the same pid namespace as ours.
          if (pid > 0) {
            try {
              process.kill(pid, signal);
            } catch {
              // Already ended.
            }
          }
        }, delay);
      }
      await new Promise((resolve) => child.on('close', resolve));
      const [, codeLine, ...left] = report.split('\n').filter((l) => l !== '');
      const code = Number(codeLine?.replace('code=', ''));
      // The test model has no calibration: JSON and reports say so in a note.
      const lines = stderr.split('\n').filter((l) => l !== '' && !isProgressLine(l) && !l.startsWith('note: the model has no confidence.json'));
      expect(stderr, `${where}: a stack trace`).not.toMatch(/\n\s+at |unexpected error/);
      if (code === 0) {
        expect(left, `${where}: the output alone`).toEqual([`out.${format}`]);
        expect(lines).toEqual([]);
      } else if (code === 2) {
        expect(lines, `${where}: one line`).toHaveLength(1);
        expect(lines[0]).toMatch(/^titlematch: .*(read-only disk|The disk is full)/);
        expect(left, `${where}: nothing left`).toEqual([]);
      } else {
        // Stopped by the signal it was sent: the shell reports 128 + its number; nothing is left.
        expect(code, `${where}: exit code ${code}\n${stderr}`).toBe(signal === undefined ? 'no signal was sent' : 128 + constants.signals[signal]);
        expect(left, `${where}: nothing left after ${signal}`).toEqual([]);
      }
    }
  });
});
