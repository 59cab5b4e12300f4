import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataDir } from '../../../electron/cli/eval-sets.js';
import { runCli, writeCliModel } from './helpers.js';
import { tempFolder } from '../core/io/helpers.js';

const tmp = tempFolder('titlematch-info-').dir;
const model = join(tmp, 'model');
beforeAll(() => writeCliModel(model));

describe('titlematch info', () => {
  it('prints the model, dimension, size, provider with the reason, and threads', async () => {
    const run = await runCli(['info', '--model', model, '--provider', 'cuda,cpu', '--threads', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^model: +model unversioned \(.*model\.onnx\)$/m);
    expect(run.stdout).toMatch(/^dimension: +4$/m);
    expect(run.stdout).toMatch(/^size: +\d+\.\d MB$/m);
    expect(run.stdout).toMatch(/^provider: +cpu \(cuda unavailable: .+; using cpu\)$/m);
    expect(run.stdout).toMatch(/^threads: +1$/m);
    expect(run.stdout).toMatch(/^precision: +fp32 \(float32 \(the model has no float16 variant\)\)$/m);
  });

  it('refuses a precision it does not know, saying which there are', async () => {
    const run = await runCli(['info', '--model', model, '--precision', 'half']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--precision must be one of auto, fp32, fp16, got "half"/);
  });

  it('prints JSON with --json', async () => {
    const run = await runCli(['info', '--model', model, '--provider', 'cpu', '--json']);
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout) as { provider: string; model: { dimension: number }; attempts: unknown[] };
    expect(info.provider).toBe('cpu');
    expect(info.model.dimension).toBe(4);
    expect(info.attempts).toHaveLength(1);
  });

  it('exits 2 naming what is missing in a model folder', async () => {
    const run = await runCli(['info', '--model', join(tmp, 'absent')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/absent does not exist or is not a folder/);
  });
});

describe('titlematch eval', () => {
  async function writeData(dir: string): Promise<void> {
    await mkdir(join(dir, 'esco'), { recursive: true });
    await mkdir(join(dir, 'jobbert-val'), { recursive: true });
    await writeFile(
      join(dir, 'esco', 'occupations_en.csv'),
      'conceptType,conceptUri,preferredLabel,altLabels\n' +
        'Occupation,u:nurse,registered nurse,"nurse\nstaff nurse"\n' +
        'Occupation,u:driver,truck driver,lorry driver\n' +
        'Occupation,u:dev,software developer,\n' +
        'Occupation,u:mkt,marketing manager,\n',
    );
    await writeFile(
      join(dir, 'jobbert-val', 'titles.csv'),
      ',vacancyTitle,conceptUri\n0,Staff Nurse,u:nurse\n1,HGV Driver,u:driver\n2,Senior Software Engineer,u:dev\n3,Marketing Lead,u:mkt\n4,Astronaut,u:unknown\n',
    );
  }

  it('prints MRR, top-1 and top-5 on jobbert-dev and on the whole file, for the model and the TF-IDF floor', async () => {
    const data = join(tmp, 'data');
    await writeData(data);
    const run = await runCli(['eval', '--data', data, '--model', model, '--provider', 'cpu', '--cases', join(tmp, 'absent.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot read the recruiter cases .*absent\.json/);
    const cases = join(tmp, 'cases.json');
    await writeFile(
      cases,
      JSON.stringify({
        lists: { l: ['truck driver', 'registered nurse', 'software developer'] },
        cases: [
          { query: 'Staff Nurse', expected: 'registered nurse', list: 'l', kind: 'synonym' },
          { query: 'Marketing Lead', expected: 'truck driver', list: 'l', kind: 'synonym' },
        ],
      }),
    );
    const ok = await runCli(['eval', '--data', data, '--model', model, '--provider', 'cpu', '--cases', cases]);
    expect(ok.code).toBe(0);
    // One of the four titles ("HGV Driver") falls in the fixed dev part.
    expect(ok.stdout).toMatch(/^jobbert-dev: 1 vacancy titles \(jobbert-val's fixed dev part, never trained on\) ranked against 4 ESCO preferred labels/m);
    expect(ok.stdout).toMatch(/^jobbert-val, whole file: 4 vacancy titles; 1 skipped \(partly trained on/m);
    expect(ok.stdout).toMatch(/^model model unversioned \(cpu, fp32, \d+ threads\) +MRR 1\.0000 +top-1 1\.0000 +top-5 1\.0000/m);
    expect(ok.stdout).toMatch(/^floor: character 3-gram TF-IDF cosine +MRR [01]\.\d{4} +top-1 [01]\.\d{4} +top-5 [01]\.\d{4}/m);
    // Coded to ESCO occupations through all their titles, as match --taxonomy esco codes: "HGV Driver" finds "lorry driver".
    // 7 labels and the training part's 2 new vacancy titles ("Staff Nurse" is a label already; the dev title "HGV Driver" never joins).
    expect(ok.stdout).toMatch(/^ESCO coding \(match --taxonomy esco\): the same 1 jobbert-dev titles coded to 4 ESCO occupations through all 9 titles \(preferred and alternative labels, and jobbert-val's training-part vacancy titles\)/m);
    expect(ok.stdout).toMatch(/^code accuracy +top-1 1\.0000 +top-5 1\.0000 +\([\d.]+ s; preferred labels only: top-1 1\.0000 +top-5 1\.0000\)$/m);
    expect(ok.stdout).toMatch(/^recruiter cases: 2 hand-written queries/m);
    // The tiny model knows "staff nurse" -> registered nurse; "Marketing Lead" is not a truck driver.
    expect(ok.stdout).toMatch(/^recruiter cases[^\n]*\nmodel model unversioned \(cpu, fp32, \d+ threads\) +MRR 0\.\d{4} +top-1 0\.5000/m);
    const json = await runCli(['eval', '--data', data, '--model', model, '--json', '--cases', cases]);
    const report = JSON.parse(json.stdout) as {
      jobbertDev: { queries: number; model: { mrr: number }; escoCodes: { queries: number; occupations: number; labels: number; top1: number; top5: number } };
      jobbertVal: { queries: number; partlyTrainedOn: boolean; model: { mrr: number }; tfidf: { top5: number } };
      recruiterCases: { cases: number; model: { top1: number } };
    };
    expect(report.jobbertDev.queries).toBe(1);
    expect(report.jobbertDev.escoCodes).toMatchObject({ queries: 1, occupations: 4, labels: 9, top1: 1, top5: 1 });
    expect(report.jobbertVal.queries).toBe(4);
    expect(report.jobbertVal.partlyTrainedOn).toBe(true);
    expect(report.jobbertVal.model.mrr).toBe(1);
    expect(report.jobbertVal.tfidf.top5).toBe(1);
    expect(report.recruiterCases).toMatchObject({ cases: 2, model: { top1: 0.5 } });
  });

  it('exits 2 when the data folder lacks the files', async () => {
    const run = await runCli(['eval', '--data', join(tmp, 'nodata'), '--model', model]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The data folder .*nodata has no jobbert-val\/titles\.csv\. Pass the folder with --data DIR or set TITLEMATCH_DATA/);
  });

  it('takes the data folder from --data, else TITLEMATCH_DATA, else ../shared/data beside the project', () => {
    expect(dataDir('/x/data', { TITLEMATCH_DATA: '/y' })).toBe('/x/data');
    expect(dataDir(undefined, { TITLEMATCH_DATA: '/y' })).toBe('/y');
    expect(dataDir(undefined, {})).toMatch(/[/\\]shared[/\\]data$/);
  });
});
