import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../../../electron/core/files/atomic-write.js';
import { checkOutputPath, isOneOf } from '../../../../electron/core/files/output-path.js';
import { InputError } from '../../../../electron/core/io/index.js';
import { writeProject } from '../../../../electron/core/project/index.js';
import { tempFolder } from '../io/helpers.js';

const tmp = tempFolder('titlematch-files-');
// Root ignores permissions: the read-only cases mean nothing there.
const asRoot = process.getuid?.() === 0;

function failureOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('writeFileAtomicSync (the app settings and recent files)', () => {
  it('creates the folder, replaces the file whole and leaves only the file', () => {
    const dir = join(tmp.dir, 'sync', 'nested');
    const file = join(dir, 'settings.json');
    writeFileAtomicSync(file, '{"provider":"cpu"}\n', { mkdir: true });
    writeFileAtomicSync(file, '{"provider":"auto"}\n', { mkdir: true });
    expect(readFileSync(file, 'utf8')).toBe('{"provider":"auto"}\n');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('removes what a killed writer of the same file left, not what a live one is writing', () => {
    const dir = join(tmp.dir, 'sync-stale');
    mkdirSync(dir);
    // Process ids above the kernel's pid_max (4194304 at most) belong to no process.
    const stale = join(dir, '.recent.json.4999999.0a1b2c3d.tmp');
    const live = join(dir, `.recent.json.${process.ppid}.0a1b2c3d.tmp`);
    writeFileSync(stale, 'x');
    writeFileSync(live, 'x');
    writeFileAtomicSync(join(dir, 'recent.json'), '[]');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('refuses a folder in the way with a message, and leaves no temporary file', () => {
    const dir = join(tmp.dir, 'sync-folder');
    mkdirSync(join(dir, 'settings.json'), { recursive: true });
    const e = failureOf(() => writeFileAtomicSync(join(dir, 'settings.json'), '{}', { kind: 'file' }));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('not-a-file');
    expect((e as InputError).message).toBe(`${join(dir, 'settings.json')} is a folder. Give a file name for the file.`);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it.skipIf(asRoot)('names the temporary file it could not create in a read-only folder', () => {
    const dir = join(tmp.dir, 'sync-read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    try {
      const e = failureOf(() => writeFileAtomicSync(join(dir, 'recent.json'), '[]'));
      expect((e as InputError).code).toBe('not-writable');
      expect((e as InputError).message).toMatch(/^.*recent\.json was not written: the temporary file .*\/\.recent\.json\.\d+\.[0-9a-f]{8}\.tmp could not be created, because the folder .* is not writable \(permission denied\)/);
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('writes a list of parts as one file', async () => {
    const file = join(tmp.dir, 'parts.bin');
    await writeFileAtomic(file, [Buffer.from([1, 2]), 'ab', new Uint8Array([3])]);
    expect([...readFileSync(file)]).toEqual([1, 2, 0x61, 0x62, 3]);
  });

  it('says a project could not be saved into a missing folder, naming it as a project', async () => {
    const path = join(tmp.dir, 'missing', 'work.titlematch');
    const e = await writeProject(path, { candidates: null, targets: null, settings: { topK: 5, threshold: 0.5, direction: 'byTarget' }, result: null, decisions: [] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(`The folder ${join(tmp.dir, 'missing')} does not exist. Create it, or write the project somewhere else.`);
  });
});

describe('the output-path check', () => {
  const dir = join(tmp.dir, 'paths');
  const input = join(dir, 'in', 'titles.csv');
  mkdirSync(join(dir, 'in'), { recursive: true });
  writeFileSync(input, 'title\nNurse\n');
  symlinkSync(join(dir, 'in'), join(dir, 'linked-folder'));
  symlinkSync(input, join(dir, 'linked.csv'));
  linkSync(input, join(dir, 'hard.csv'));

  it.each([
    ['the same path', input],
    ['a path through a linked folder', join(dir, 'linked-folder', 'titles.csv')],
    ['a symbolic link to it', join(dir, 'linked.csv')],
    ['a hard link to it', join(dir, 'hard.csv')],
    ['a path with dot segments', join(dir, 'in', '..', 'in', 'titles.csv')],
  ])('knows %s is the input', async (_what, out) => {
    expect(await isOneOf(out, [input])).toBe(true);
    const e = await checkOutputPath(out, [input]).catch((x: unknown) => x);
    expect((e as InputError).code).toBe('same-as-input');
  });

  it('lets a new file, or another existing one, through', async () => {
    writeFileSync(join(dir, 'other.csv'), 'x');
    expect(await isOneOf(join(dir, 'new.csv'), [input])).toBe(false);
    expect(await isOneOf(join(dir, 'other.csv'), [input])).toBe(false);
    expect(await checkOutputPath(join(dir, 'other.csv'), [input])).toBe(join(dir, 'other.csv'));
  });
});
