import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/core/io/index.js';
import { createMatchService } from '../../../../electron/core/service/index.js';
import { trigramEngine } from './fake-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'tm-report-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const people = write('people.csv', 'Name,Title\nAda,Software Engineer\nAlan,Software Engineer\nGrace,Nurse\nEdsger,\nBarbara,Truck Driver\n');
const jobs = write('jobs.csv', 'Job,City\nSoftware Engineer,Berlin\nRegistered Nurse,Paris\n');

async function matched() {
  const service = createMatchService({ modelDir: '/none', engine: trigramEngine() });
  const c = await service.loadTable(people, null);
  const t = await service.loadTable(jobs, null);
  const result = await service.match({ candidates: { tableId: c.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job' }, topK: 3 });
  return { service, result };
}

describe('exported reports', () => {
  it('list each opening’s candidates as rows, people with the same title sharing its rank', async () => {
    const { service, result } = await matched();
    const out = join(dir, 'by-opening.csv');
    await service.exportResults({ runId: result.runId, format: 'csv', direction: 'byTarget', topK: 1, threshold: 0, openAfter: false }, out);
    expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = await readTable(out);
    // Row, the opening's columns, rank, matched title, its row, the candidate's other columns, score,
    // then the model's score (the match ranked with seniority preferred) and both titles' levels.
    expect(table.columns.slice(0, 4)).toEqual(['Row', 'Job', 'City', 'Rank']);
    expect(table.columns.slice(5)).toEqual(['Match row', 'Name (match)', 'Score', 'Model score', 'Seniority (query)', 'Seniority (match)']);
    const lines = table.rows.map((r) => r.slice(0, 7).join('|'));
    expect(lines).toEqual([
      '1|Software Engineer|Berlin|1|Software Engineer|1|Ada',
      '1|Software Engineer|Berlin|1|Software Engineer|2|Alan',
      '2|Registered Nurse|Paris|1|Nurse|3|Grace',
    ]);
    expect(Number(table.rows[0][7])).toBeCloseTo(1, 3);
  });

  it('leave out matches under the threshold, and go the other way when asked', async () => {
    const { service, result } = await matched();
    const out = join(dir, 'by-candidate.csv');
    await service.exportResults({ runId: result.runId, format: 'csv', direction: 'byCandidate', topK: 3, threshold: 0.99, openAfter: false }, out);
    const table = await readTable(out);
    expect(table.columns.slice(0, 4)).toEqual(['Row', 'Name', 'Title', 'Rank']);
    // Ada and Alan match their opening exactly; Grace and Barbara have no match that close.
    expect(table.rows.map((r) => [r[0], r[1], r[3] ?? '', r[4] ?? ''])).toEqual([
      ['1', 'Ada', '1', 'Software Engineer'],
      ['2', 'Alan', '1', 'Software Engineer'],
      ['3', 'Grace', '', ''],
      ['5', 'Barbara', '', ''],
    ]);
  });

  it('never write over an input file', async () => {
    const { service, result } = await matched();
    await expect(service.exportResults({ runId: result.runId, format: 'csv', direction: 'byTarget', topK: 3, threshold: 0, openAfter: false }, people)).rejects.toMatchObject({ code: 'same-as-input' });
    expect(readFileSync(people, 'utf8')).toMatch(/^Name,Title\n/);
    await expect(service.exportResults({ runId: 'gone', format: 'csv', direction: 'byTarget', topK: 3, threshold: 0, openAfter: false }, join(dir, 'x.csv'))).rejects.toMatchObject({ code: 'no-result' });
  });
});

describe('exported workbooks and printable reports', () => {
  it('carry both directions and a summary in XLSX', async () => {
    const { service, result } = await matched();
    const out = join(dir, 'matches.xlsx');
    await service.exportResults({ runId: result.runId, format: 'xlsx', direction: 'byTarget', topK: 2, threshold: 0.5, openAfter: false }, out);
    const first = await readTable(out, { sheet: 'Matches' });
    expect(first.sheets).toEqual(['Matches', 'Reverse matches', 'Summary']);
    expect(first.rows[0].slice(0, 5)).toEqual(['1', 'Software Engineer', 'Berlin', '1', 'Software Engineer']);
    const reverse = await readTable(out, { sheet: 'Reverse matches' });
    expect(reverse.columns.slice(0, 3)).toEqual(['Row', 'Name', 'Title']);
    const summary = (await readTable(out, { sheet: 'Summary', header: false })).rows.map((r) => r.join('|')).join('\n');
    expect(summary).toContain('|Openings|Candidates');
    expect(summary).toMatch(/^File\|\/.+\|\/.+$/m);
    expect(summary).toContain('trigram-test 0');
    expect(summary).toMatch(/^Least score kept\|0\.50?$/m);
  });

  it('write a self-contained printable HTML report', async () => {
    const { service, result } = await matched();
    const out = join(dir, 'report.html');
    await service.exportResults({ runId: result.runId, format: 'html', direction: 'byTarget', topK: 3, threshold: 0, openAfter: false }, out);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Registered Nurse');
    expect(html).not.toMatch(/<script|src="http/);
  });

  it('give main the printable report to print as PDF, with its title and the files it must not replace', async () => {
    const { service, result } = await matched();
    const request = { runId: result.runId, format: 'pdf' as const, direction: 'byTarget' as const, topK: 2, threshold: 0, openAfter: false };
    const printable = await service.printableReport(request);
    expect(printable.html).toMatch(/^<!doctype html>/);
    expect(printable.html).toContain('<h1>Candidates for each opening</h1>');
    expect(printable.html).toMatch(/(The best|Up to) 2 candidates for each opening\. Model trigram-test/);
    expect(printable.title).toMatch(/^TitleMatch: Candidates for each opening, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(printable.inputs).toEqual(expect.arrayContaining([people, jobs]));
    await expect(service.exportResults(request, join(dir, 'x.pdf'))).rejects.toMatchObject({ code: 'bad-request' });
  });
});
