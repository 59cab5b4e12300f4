import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedProject } from '../../../electron/contract/types.js';
import MatchPanel from '../../../renderer/src/lib/match/MatchPanel.svelte';
import ResultsView from '../../../renderer/src/lib/matches/ResultsView.svelte';
import { openProject, saveProject } from '../../../renderer/src/state/files.svelte.js';
import { inputs } from '../../../renderer/src/state/inputs.svelte.js';
import { showResult } from '../../../renderer/src/state/results.svelte.js';
import { run } from '../../../renderer/src/state/run.svelte.js';
import { installBridge, matchResult, ok, summary, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;

// Openings (lead, mid) ranked against candidate titles (senior, mid, mid) with seniority preferred:
// the model scored Sr. Software Eng 0.85 for the lead opening, one level apart, so 0.82 after 0.03 off.
const preferred = () =>
  matchResult({
    seniority: 'prefer',
    byTarget: { k: 3, indices: [0, 2, 1, 1, 0, 2], scores: [0.82, 0.41, 0.2, 0.91, 0.27, 0.1], modelScores: [0.85, 0.47, 0.26, 0.91, 0.3, 0.1] },
  });

beforeEach(() => {
  bridge = installBridge();
  run.seniority = 'prefer';
  inputs.candidates.summary = summary();
  inputs.candidates.column = 'Current title';
  inputs.targets.summary = summary({ tableId: 't2', path: '/data/openings.csv', fileName: 'openings.csv' });
  inputs.targets.column = 'Name';
});

const candidates = (): HTMLElement => screen.getByRole('listbox', { name: 'Candidate titles' });

describe('seniority in the app', () => {
  it('the match settings offer the three modes, prefer first, and the run sends the one chosen', async () => {
    bridge.on('match', () => ok(matchResult()));
    render(MatchPanel);
    const select = screen.getByRole('combobox', { name: 'Seniority' });
    expect(select).toHaveValue('prefer');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Prefer the same level', 'Require within one level', 'Ignore']);
    expect(select).toHaveAccessibleDescription('0.03 off the score per level apart, at most 0.09');
    await userEvent.selectOptions(select, 'require');
    expect(select).toHaveAccessibleDescription('matches more than one level apart are left out');
    await userEvent.click(screen.getByRole('button', { name: 'Match' }));
    await waitFor(() => expect(bridge.argsOf('match')).toHaveLength(1));
    expect(bridge.argsOf('match')[0][0]).toMatchObject({ topK: 10, seniority: 'require' });
  });

  it('the results show both levels, the model score and what seniority took off, and name the mode', () => {
    showResult(preferred());
    render(ResultsView);
    expect(screen.getByText(/^Seniority: prefer \(0\.03 off the score per level of difference, at most 0\.09\)\.$/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Candidate titles for “Lead Full Stack Developer” (lead)' })).toBeInTheDocument();
    expect(screen.getByRole('listbox', { name: 'Openings' }).textContent).toMatch(/Lead Full Stack Developer\s*1 row · lead ·/);
    const ranked = within(candidates()).getAllByRole('option').map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(ranked).toEqual([
      '1 Sr. Software Eng 2 rows · senior · model 0.85, −0.03 seniority 0.82',
      '2 Truck driver 1 row · mid · model 0.47, −0.06 seniority 0.41',
      '3 RN 1 row · mid · model 0.26, −0.06 seniority 0.20',
    ]);
    expect(within(candidates()).getByLabelText('Model score 0.85, 0.03 off for seniority')).toBeInTheDocument();
  });

  it('a result ranked without seniority shows the levels and no adjustment', () => {
    showResult(matchResult({ seniority: 'ignore' }));
    render(ResultsView);
    expect(screen.getByText(/^Seniority: ignore/)).toBeInTheDocument();
    expect(within(candidates()).queryByText(/seniority$/)).toBeNull();
    expect(within(candidates()).getAllByLabelText(/^Seniority /).map((e) => e.textContent)).toEqual(['senior', 'mid', 'mid']);
  });

  it('the explanation names both levels, the words that decided them, and the adjustment', async () => {
    bridge.on('explain', ({ query, match }) =>
      ok({
        query: { original: query, normalized: 'lead full stack developer', words: [], expansions: [], senses: [], seniority: 'lead', seniorityCue: 'lead' },
        match: { original: match, normalized: 'senior software engineer', words: [], expansions: [], senses: [], seniority: 'senior', seniorityCue: 'senior' },
        shared: [],
        onlyQuery: [],
        onlyMatch: [],
        seniorityDistance: 1,
      }),
    );
    showResult(preferred());
    render(ResultsView);
    await userEvent.click(within(candidates()).getAllByRole('option')[0]);
    const panel = screen.getByRole('region', { name: 'Why they match' });
    expect(await within(panel).findByText('(from “lead”)')).toBeInTheDocument();
    expect(within(panel).getByText('(from “senior”)')).toBeInTheDocument();
    expect(within(panel).getByText('Different seniority (lead against senior, 1 level apart): the model scored 0.85, 0.03 came off for seniority. Check the level before you shortlist.')).toBeInTheDocument();
  });

  it('a project keeps the mode; one saved before seniority reopens with the default', async () => {
    bridge.on('saveProject', () => ok('/home/ann/work.titlematch'));
    run.seniority = 'ignore';
    await saveProject(false);
    expect(bridge.argsOf('saveProject')[0][0]).toMatchObject({ settings: { seniority: 'ignore' } });

    const opened = (settings: OpenedProject['settings']): OpenedProject => ({ path: '/home/ann/work.titlematch', candidates: null, targets: null, settings, result: null, decisions: [] });
    bridge.on('openProject', () => ok(opened({ topK: 5, threshold: 0.4, direction: 'byTarget', seniority: 'require' })));
    await openProject('/home/ann/work.titlematch');
    expect(run.seniority).toBe('require');
    bridge.on('openProject', () => ok(opened({ topK: 5, threshold: 0.4, direction: 'byTarget' })));
    await openProject('/home/ann/old.titlematch');
    expect(run.seniority).toBe('prefer');
  });
});
