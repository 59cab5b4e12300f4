/**
 * Issue 11 part 1 in the app's service: both directions ranked by the same core step as the CLI,
 * each side's levels and the model's scores carried to the window and to the reports.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { levelDistance, seniorityPenalty, type SeniorityMode } from '../../../../electron/contract/seniority.js';
import type { MatchResult } from '../../../../electron/contract/types.js';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { readTable } from '../../../../electron/core/io/index.js';
import { createMatchService } from '../../../../electron/core/service/index.js';
import { FIXTURES, runCli } from '../../cli/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tm-seniority-'));
const openings = join(FIXTURES, 'seniority-openings.csv');
const candidates = join(FIXTURES, 'seniority-candidates.csv');
const service = createMatchService({ modelDir: bundledModelDir(), provider: 'cpu' });
afterAll(() => service.dispose());

async function matched(seniority?: SeniorityMode): Promise<MatchResult> {
  const c = await service.loadTable(candidates, null);
  const t = await service.loadTable(openings, null);
  return service.match({ candidates: { tableId: c.tableId, column: 'Job Title' }, targets: { tableId: t.tableId, column: 'Job Title' }, topK: 13, ...(seniority ? { seniority } : {}) });
}

/** Each opening's ranked candidates as the window gets them. */
function byOpening(result: MatchResult) {
  const r = result.byTarget;
  const out = [];
  for (let q = 0; q < result.targets.titles.length; q++) {
    for (let j = 0; j < r.k; j++) {
      const at = q * r.k + j;
      const i = r.indices[at];
      if (i < 0) break;
      out.push({ query: result.targets.titles[q], match: result.candidates.titles[i], score: r.scores[at], model: r.modelScores?.[at] ?? r.scores[at], sq: result.targets.levels[q], sm: result.candidates.levels[i] });
    }
  }
  return out;
}

describe('the service’s seniority', () => {
  it('prefer (the default) lowers each score by the documented amount and says so; the levels ride on each side', async () => {
    const result = await matched();
    expect(result.seniority).toBe('prefer');
    expect(result.targets.levels).toEqual(['senior', 'entry', 'mid']);
    expect(result.byTarget.modelScores).toHaveLength(result.byTarget.scores.length);
    expect(result.byCandidate.modelScores).toHaveLength(result.byCandidate.scores.length);
    for (const m of byOpening(result)) expect(m.score).toBeCloseTo(m.model - seniorityPenalty(levelDistance(m.sq, m.sm)), 6);
  });

  it('gives the numbers the CLI gives, in each mode', async () => {
    for (const mode of ['ignore', 'prefer', 'require'] as const) {
      const result = await matched(mode);
      const cli = await runCli(['match', openings, candidates, '--top', 'all', '--format', 'json', '--seniority', mode, '--provider', 'cpu', '--no-cache']);
      const rows = JSON.parse(cli.stdout) as { query: string; match: string; score: number; model_score: number; seniority_query: string; seniority_match: string }[];
      const app = byOpening(result).map((m) => [m.query, m.match, m.score.toFixed(4), m.model.toFixed(4), m.sq, m.sm]);
      expect(app, mode).toEqual(rows.map((r) => [r.query, r.match, r.score.toFixed(4), r.model_score.toFixed(4), r.seniority_query, r.seniority_match]));
      if (mode !== 'prefer') expect(result.byTarget).not.toHaveProperty('modelScores');
    }
  });

  it('the XLSX export carries the levels and both scores, and its Summary names the mode', async () => {
    const result = await matched('prefer');
    const out = join(dir, 'seniority.xlsx');
    await service.exportResults({ runId: result.runId, format: 'xlsx', direction: 'byTarget', topK: 2, threshold: 0, openAfter: false }, out);
    const sheet = await readTable(out);
    const at = sheet.columns.indexOf('Score');
    expect(sheet.columns.slice(at, at + 4)).toEqual(['Score', 'Model score', 'Seniority (query)', 'Seniority (match)']);
    const shown = byOpening(result).filter((m, i, all) => all.findIndex((x) => x.query === m.query) + 2 > i);
    expect(sheet.rows.map((r) => r.slice(at, at + 4))).toEqual(shown.map((m) => [m.score.toFixed(2), m.model.toFixed(2), m.sq, m.sm]));
    const summary = new Map((await readTable(out, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Seniority')).toMatch(/^prefer \(0\.03 off the score per level/);
  });
});
