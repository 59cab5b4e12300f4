import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppSettings } from '../../../electron/main/settings.js';

describe('app settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tm-settings-'));

  it('start at automatic, and remember a provider across restarts', () => {
    const file = join(dir, 'a', 'settings.json');
    const first = new AppSettings(file);
    expect(first.provider).toBe('auto');
    expect(first.setProvider('cpu')).toBe(true);
    expect(new AppSettings(file).provider).toBe('cpu');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ provider: 'cpu', modelChoice: 'auto' });
  });

  it('give the defaults for a damaged file or a provider this version does not know', () => {
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{ "provider": ');
    expect(new AppSettings(damaged).provider).toBe('auto');
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ provider: 'tpu' }));
    expect(new AppSettings(unknown).provider).toBe('auto');
  });

  it('start on the bundled model, remember a chosen folder beside the provider, and forget it again', () => {
    const file = join(dir, 'model', 'settings.json');
    const first = new AppSettings(file);
    expect(first.modelFolder).toBeNull();
    expect(first.setProvider('cpu')).toBe(true);
    expect(first.setModelFolder('/srv/models/acme-titles')).toBe(true);
    const second = new AppSettings(file);
    expect([second.provider, second.modelFolder]).toEqual(['cpu', '/srv/models/acme-titles']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ provider: 'cpu', modelChoice: 'auto', modelFolder: '/srv/models/acme-titles' });
    expect(second.setModelFolder(null)).toBe(true);
    expect(new AppSettings(file).modelFolder).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ provider: 'cpu', modelChoice: 'auto' });
  });

  it('start picking the bundled model by the titles\' language, remember a fixed one, and read an unknown one as by language', () => {
    const file = join(dir, 'choice', 'settings.json');
    const first = new AppSettings(file);
    expect(first.modelChoice).toBe('auto');
    expect(first.setModelChoice('multilingual')).toBe(true);
    expect(first.setModelFolder('/srv/models/acme-titles')).toBe(true);
    const second = new AppSettings(file);
    expect([second.modelChoice, second.modelFolder]).toEqual(['multilingual', '/srv/models/acme-titles']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'multilingual', modelFolder: '/srv/models/acme-titles' });
    const unknown = join(dir, 'unknown-choice.json');
    writeFileSync(unknown, JSON.stringify({ provider: 'cpu', modelChoice: 'klingon' }));
    expect(new AppSettings(unknown).modelChoice).toBe('auto');
  });

  it('read a model folder that is not an absolute path as the bundled model', () => {
    for (const [i, modelFolder] of ['relative/model', '', 42, '/srv/a\0b', ['/srv/m']].entries()) {
      const file = join(dir, `bad-folder-${i}.json`);
      writeFileSync(file, JSON.stringify({ provider: 'cpu', modelFolder }));
      const settings = new AppSettings(file);
      expect(settings.modelFolder, String(modelFolder)).toBeNull();
      expect(settings.provider).toBe('cpu');
    }
  });

  it('keep the setting for this run when the file cannot be written', () => {
    const blocked = join(dir, 'blocker');
    writeFileSync(blocked, 'a file where a folder should be');
    const settings = new AppSettings(join(blocked, 'settings.json'));
    expect(settings.setProvider('webgpu')).toBe(false);
    expect(settings.provider).toBe('webgpu');
    expect(settings.setModelFolder('/srv/models/acme-titles')).toBe(false);
    expect(settings.modelFolder).toBe('/srv/models/acme-titles');
  });
});
