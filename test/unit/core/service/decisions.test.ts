/**
 * Decisions in the match service (issue 10, parts 1 and 2): the saved store and the project's own
 * decisions ranked with through the CLI's adapter step, in both directions; a rejected pair never
 * comes back on a new match; accepted pairs first and marked in every export; the Summary names
 * the decisions as the CLI names an --adapter; a project keeps its decisions.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchResult, Ranking } from '../../../../electron/contract/types.js';
import { ADAPTED_NO_CONFIDENCE } from '../../../../electron/core/adapter/index.js';
import { readTable } from '../../../../electron/core/io/index.js';
import { createMatchService } from '../../../../electron/core/service/index.js';
import { trigramEngine } from './fake-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'tm-decisions-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const people = write('people.csv', 'Name,Title\nAda,Senior Software Engineer\nAlan,Software Engineer\nGrace,Nurse\nBarbara,Truck Driver\n');
const jobs = write('jobs.csv', 'Job,City\nSoftware Engineer,Berlin\nRegistered Nurse,Paris\n');

async function setup(store = join(mkdtempSync(join(tmpdir(), 'tm-store-')), 'decisions.json')) {
  const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), decisionStore: store });
  const c = await service.loadTable(people, null);
  const t = await service.loadTable(jobs, null);
  const match = (extra: { adapt?: boolean; decisions?: { query: string; match: string; decision: 'accept' | 'reject' }[] } = {}): Promise<MatchResult> =>
    service.match({ candidates: { tableId: c.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job' }, topK: 4, ...extra });
  return { service, match, store };
}

/** The ranked titles of one listed title, with a * on pinned ones. */
function listOf(result: MatchResult, direction: 'byTarget' | 'byCandidate', title: string): string[] {
  const [queries, matches, ranking]: [string[], string[], Ranking] =
    direction === 'byTarget' ? [result.targets.titles, result.candidates.titles, result.byTarget] : [result.candidates.titles, result.targets.titles, result.byCandidate];
  const q = queries.indexOf(title);
  const out: string[] = [];
  for (let r = 0; r < ranking.k; r++) {
    const i = ranking.indices[q * ranking.k + r];
    if (i >= 0) out.push(`${matches[i]}${ranking.pinned?.[q * ranking.k + r] ? ' *' : ''}`);
  }
  return out;
}

describe('decisions in the match service', () => {
  it('ranks an accepted pair first and marked, hides a rejected one, both ways, with scores only', async () => {
    const { service, match } = await setup();
    const before = await match();
    expect(listOf(before, 'byTarget', 'Software Engineer').slice(0, 2)).toEqual(['Software Engineer', 'Senior Software Engineer']);
    expect(before.adapter).toBeNull();
    expect(before.byTarget.pinned).toBeUndefined();

    await service.decide({ query: 'Software Engineer', match: 'Software Engineer', decision: 'reject' });
    const saved = await service.decide({ query: 'Software Engineer', match: 'Truck Driver', decision: 'accept' });
    expect(saved.decisions).toEqual([
      { query: 'Software Engineer', match: 'Software Engineer', decision: 'reject' },
      { query: 'Software Engineer', match: 'Truck Driver', decision: 'accept' },
    ]);
    const after = await match();
    const list = listOf(after, 'byTarget', 'Software Engineer');
    expect(list[0]).toBe('Truck Driver *');
    expect(list).not.toContain('Software Engineer');
    // Read from the other side, the pair is the same pair.
    expect(listOf(after, 'byCandidate', 'Truck Driver')[0]).toBe('Software Engineer *');
    expect(after.adapter).toMatchObject({ decisions: 2, accepted: 1, rejected: 1 });
    expect(after.adapter?.summary).toMatch(/^decisions made in TitleMatch: 2 decisions \(1 accepted, 1 rejected\); accepted pairs first, rejected ones hidden/);
    expect(after.confidence).toEqual({ calibrated: false, reason: ADAPTED_NO_CONFIDENCE });
  });

  it('never shows a rejected pair again on a new match, until the decision is undone or the adapter turned off', async () => {
    const { service, match } = await setup();
    await service.decide({ query: 'Registered Nurse', match: 'Nurse', decision: 'reject' });
    for (let run = 0; run < 2; run++) expect(listOf(await match(), 'byTarget', 'Registered Nurse')).not.toContain('Nurse');
    // Turned off: the model alone, nothing pinned or hidden, confidences as the model gives them.
    const off = await match({ adapt: false });
    expect(listOf(off, 'byTarget', 'Registered Nurse')[0]).toBe('Nurse');
    expect(off.adapter).toBeNull();
    await service.decide({ query: 'Registered Nurse', match: 'Nurse', decision: null });
    expect(listOf(await match(), 'byTarget', 'Registered Nurse')[0]).toBe('Nurse');
  });

  it('applies the project’s decisions with the saved ones, the project’s winning for a pair', async () => {
    const { service, match } = await setup();
    await service.decide({ query: 'Software Engineer', match: 'Nurse', decision: 'reject' });
    const r = await match({ decisions: [{ query: 'Software Engineer', match: 'Nurse', decision: 'accept' }] });
    expect(listOf(r, 'byTarget', 'Software Engineer')[0]).toBe('Nurse *');
    expect(r.adapter?.decisions).toBe(1);
  });

  it('marks accepted pairs and leaves rejected ones out of the CSV, XLSX and HTML exports, naming the decisions in the Summary', async () => {
    const { service, match } = await setup();
    await service.decide({ query: 'Software Engineer', match: 'Software Engineer', decision: 'reject' });
    await service.decide({ query: 'Software Engineer', match: 'Truck Driver', decision: 'accept' });
    const r = await match();
    const request = { runId: r.runId, direction: 'byTarget' as const, topK: 4, threshold: 0, openAfter: false };
    const csv = join(dir, 'decided.csv');
    await service.exportResults({ ...request, format: 'csv' }, csv);
    const table = await readTable(csv);
    const at = (name: string): number => table.columns.indexOf(name);
    const berlin = table.rows.filter((row) => row[at('Job')] === 'Software Engineer');
    expect(berlin.map((row) => [row[at('Rank')], row[at('Matched title')], row[at('Decision')] ?? ''])).toEqual([
      ['1', 'Truck Driver', 'accepted (ranked first)'],
      ['2', 'Senior Software Engineer', ''],
      ['3', 'Nurse', ''],
    ]);
    expect(table.columns).not.toContain('Confidence');

    const xlsx = join(dir, 'decided.xlsx');
    await service.exportResults({ ...request, format: 'xlsx' }, xlsx);
    const sheet = await readTable(xlsx, { sheet: 'Matches' });
    const first = sheet.rows.find((row) => row[sheet.columns.indexOf('Job')] === 'Software Engineer');
    expect(first?.[sheet.columns.indexOf('Matched title')]).toBe('Truck Driver');
    expect(first?.[sheet.columns.indexOf('Decision')]).toBe('accepted (ranked first)');
    expect(sheet.rows.some((row) => row[sheet.columns.indexOf('Job')] === 'Software Engineer' && row[sheet.columns.indexOf('Matched title')] === 'Software Engineer')).toBe(false);
    const summary = await readTable(xlsx, { sheet: 'Summary' });
    const adapterRow = [summary.columns, ...summary.rows].find((row) => row[0] === 'Adapter');
    expect(adapterRow?.[1]).toBe(r.adapter?.summary);

    const html = join(dir, 'decided.html');
    await service.exportResults({ ...request, format: 'html' }, html);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('accepted (ranked first)');
    expect(page).toMatch(/Adapter<\/t[hd]>\s*<td>decisions made in TitleMatch: 2 decisions/);

    // Without decisions, the Summary says none was used.
    const plain = await match({ adapt: false });
    const none = join(dir, 'plain.html');
    await service.exportResults({ ...request, runId: plain.runId, format: 'html' }, none);
    expect(readFileSync(none, 'utf8')).toMatch(/Adapter<\/t[hd]>\s*<td>none</);
  });

  it('keeps a project’s decisions and the adapter setting through save and reopen; an older project opens with none', async () => {
    const { service, match } = await setup();
    const decisions = [
      { query: 'Software Engineer', match: 'Truck Driver', decision: 'accept' as const },
      { query: 'Registered Nurse', match: 'Nurse', decision: 'reject' as const },
    ];
    const r = await match({ decisions });
    const c = r.candidates;
    const t = r.targets;
    const path = join(dir, 'work.titlematch');
    await service.saveProject(path, {
      candidates: { tableId: c.tableId, column: c.column },
      targets: { tableId: t.tableId, column: t.column },
      settings: { topK: 4, threshold: 0, direction: 'byTarget', adapt: false },
      runId: r.runId,
      decisions,
      saveAs: false,
    });
    const reopened = await createMatchService({ modelDir: '/none', engine: trigramEngine() }).openProject(path);
    expect(reopened.decisions).toEqual(decisions);
    expect(reopened.settings.adapt).toBe(false);
    expect(reopened.result?.adapter).toEqual(r.adapter);
    expect(listOf(reopened.result as MatchResult, 'byTarget', 'Software Engineer')[0]).toBe('Truck Driver *');

    const older = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete older.decisions;
    delete (older.settings as Record<string, unknown>).adapt;
    const olderPath = write('older.titlematch', JSON.stringify(older));
    const opened = await service.openProject(olderPath);
    expect(opened.decisions).toEqual([]);
    expect(opened.settings.adapt).toBeUndefined();
  });

  it('a damaged store is reported, not overwritten, and matching goes on without it', async () => {
    const store = write('damaged.json', '{"format":"titlematch-decisions","version":1,"decisions":[');
    const { service, match } = await setup(store);
    const saved = await service.savedDecisions();
    expect(saved.error).toMatch(/cannot be read: its JSON is cut short or broken\. The file is left as it is/);
    await expect(service.decide({ query: 'A', match: 'B', decision: 'accept' })).rejects.toMatchObject({ code: 'damaged-store' });
    expect(readFileSync(store, 'utf8')).toBe('{"format":"titlematch-decisions","version":1,"decisions":[');
    expect((await match()).adapter).toBeNull();
  });
});
