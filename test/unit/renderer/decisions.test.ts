/**
 * Decisions on the results screen: accept, reject and undo by button and by key, a rejected match
 * hidden at once and listed again with the switch, the engine asked to rank again with the
 * decisions, "Adapted from N decisions" with a way to turn it off, and the saved decisions' import,
 * export and clear.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchRequest, MatchResult, SavedDecisions } from '../../../electron/contract/types.js';
import DecisionsBar from '../../../renderer/src/lib/decisions/DecisionsBar.svelte';
import ResultsView from '../../../renderer/src/lib/matches/ResultsView.svelte';
import StatusBar from '../../../renderer/src/lib/ui/StatusBar.svelte';
import { decisions } from '../../../renderer/src/state/decisions.svelte.js';
import { showResult } from '../../../renderer/src/state/results.svelte.js';
import { ui } from '../../../renderer/src/state/ui.svelte.js';
import { deferred, fail, installBridge, matchResult, ok, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;
const saved = (list: SavedDecisions['decisions'] = [], error: string | null = null): SavedDecisions => ({ path: '/data/decisions.json', decisions: list, error });

/** The result the engine answers after "Truck driver" was accepted for the first opening. */
const adapted = (): MatchResult =>
  matchResult({
    runId: 'run-2',
    byTarget: { k: 3, indices: [2, 0, 1, 1, 0, 2], scores: [0.41, 0.82, 0.2, 0.91, 0.3, 0.1], pinned: [1, 0, 0, 0, 0, 0] },
    adapter: { decisions: 1, accepted: 1, rejected: 0, summary: 'decisions made in TitleMatch: 1 decisions (1 accepted, 0 rejected)' },
  });

beforeEach(() => {
  bridge = installBridge();
  showResult(matchResult());
  bridge.on('explain', () => fail('internal', 'not needed'));
  bridge.on('decide', (change) => ok(saved(change.decision ? [{ query: change.query, match: change.match, decision: change.decision }] : [])));
});

const candidates = (): HTMLElement => screen.getByRole('listbox', { name: 'Candidate titles' });
const rows = (): string[] => within(candidates()).getAllByRole('option').map((r) => r.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe('decisions on the results', () => {
  it('accepts a match with its button: saved, ranked again with the decision, then listed first and marked', async () => {
    const answer = deferred<ReturnType<typeof ok<MatchResult>>>();
    bridge.on('match', () => answer.promise);
    render(ResultsView);
    render(StatusBar);
    await userEvent.click(screen.getByRole('button', { name: 'Accept Truck driver' }));
    expect(bridge.argsOf('decide')).toEqual([[{ query: 'Lead Full Stack Developer', match: 'Truck driver', decision: 'accept' }]]);
    await waitFor(() => expect(bridge.argsOf('match')).toHaveLength(1));
    const request = bridge.argsOf('match')[0][0] as MatchRequest;
    expect(request).toEqual({
      candidates: { tableId: 't1', column: 'Current title' },
      targets: { tableId: 't2', column: 'Job title' },
      topK: 3,
      seniority: 'ignore',
      decisions: [{ query: 'Lead Full Stack Developer', match: 'Truck driver', decision: 'accept' }],
      adapt: true,
    });
    // Marked at once; the engine's ranking moves it.
    expect(rows()[1]).toBe('2 Truck driver 1 row · mid 0.41 Accepted');
    expect(screen.getByLabelText('Decisions in use').textContent).toContain('Ranking with the decisions…');
    answer.resolve(ok(adapted()));
    await waitFor(() => expect(rows()[0]).toBe('1 Truck driver 1 row · mid 0.41 Accepted'));
    expect(screen.getByLabelText('Decisions in use').textContent).toContain('Adapted from 1 decision');
    expect(screen.getByRole('button', { name: 'Undo the decision on Truck driver' })).toBeInTheDocument();
  });

  it('rejects with R: hidden at once, listed (marked) with the switch, and U undoes it', async () => {
    const first = deferred<ReturnType<typeof ok<MatchResult>>>();
    bridge.on('match', () => first.promise);
    render(ResultsView);
    const list = candidates();
    list.focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('r');
    expect(bridge.argsOf('decide')).toEqual([[{ query: 'Lead Full Stack Developer', match: 'Sr. Software Eng', decision: 'reject' }]]);
    // Hidden while the engine ranks with the decision.
    expect(rows()).toEqual(['2 Truck driver 1 row · mid 0.41', '3 RN 1 row · mid 0.20']);
    expect(decisions.project).toEqual([{ query: 'Lead Full Stack Developer', match: 'Sr. Software Eng', decision: 'reject' }]);
    await userEvent.click(screen.getByRole('switch', { name: 'Show hidden matches' }));
    expect(rows()[0]).toBe('1 Sr. Software Eng 2 rows · senior 0.82 Rejected');

    // The engine's ranking leaves it out; with the switch on it is listed after the ranking, without a score.
    const rejectedOne = { decisions: 1, accepted: 0, rejected: 1, summary: 'decisions made in TitleMatch: 1 decisions (0 accepted, 1 rejected)' };
    first.resolve(ok(matchResult({ runId: 'run-2', byTarget: { k: 3, indices: [2, 1, -1, 1, 0, 2], scores: [0.41, 0.2, 0, 0.91, 0.3, 0.1] }, adapter: rejectedOne })));
    await waitFor(() => expect(rows()).toEqual(['1 Truck driver 1 row · mid 0.41', '2 RN 1 row · mid 0.20', '– Sr. Software Eng 2 rows · senior hidden Rejected']));
    await userEvent.click(screen.getByRole('switch', { name: 'Show hidden matches' }));
    expect(rows()).toEqual(['1 Truck driver 1 row · mid 0.41', '2 RN 1 row · mid 0.20']);
    await userEvent.click(screen.getByRole('switch', { name: 'Show hidden matches' }));

    bridge.on('match', () => ok(matchResult({ runId: 'run-3', byTarget: { k: 3, indices: [1, 2, -1, 1, 0, 2], scores: [0.2, 0.41, 0, 0.91, 0.3, 0.1], pinned: [1, 0, 0, 0, 0, 0] }, adapter: { ...rejectedOne, decisions: 2, accepted: 1 } })));
    await userEvent.click(screen.getByRole('button', { name: 'Accept RN' }));
    await waitFor(() => expect(rows()).toEqual(['1 RN 1 row · mid 0.20 Accepted', '2 Truck driver 1 row · mid 0.41', '– Sr. Software Eng 2 rows · senior hidden Rejected']));

    within(candidates()).getAllByRole('option')[2].click();
    candidates().focus();
    await userEvent.keyboard('u');
    expect(bridge.argsOf('decide').at(-1)).toEqual([{ query: 'Lead Full Stack Developer', match: 'Sr. Software Eng', decision: null }]);
    expect(decisions.project).toEqual([{ query: 'Lead Full Stack Developer', match: 'RN', decision: 'accept' }]);
  });

  it('against a taxonomy, where the engine ranks with the model alone, marks decisions without hiding and says so', () => {
    showResult(matchResult({ targets: { ...matchResult().targets, codes: ['15-1252.00', '29-1141.00'] } }));
    decisions.saved = [{ query: 'Lead Full Stack Developer', match: 'Sr. Software Eng', decision: 'reject' }];
    render(ResultsView);
    expect(rows()[0]).toBe('1 Sr. Software Eng 2 rows · senior 0.82 Rejected');
    expect(screen.getByText(/Against O\*NET or ESCO occupations the ranking is the model's: decisions are marked, not applied\./)).toBeInTheDocument();
  });

  it('a pair decided from one side shows its decision from the other, and undoing it there forgets the pair as decided', async () => {
    bridge.on('match', () => ok(matchResult()));
    decisions.saved = [{ query: 'Lead Full Stack Developer', match: 'Truck driver', decision: 'accept' }];
    render(ResultsView);
    await userEvent.click(screen.getByRole('radio', { name: 'Openings for each candidate' }));
    await userEvent.click(within(screen.getByRole('listbox', { name: 'Candidate titles' })).getByText('Truck driver'));
    const openings = screen.getByRole('listbox', { name: 'Openings' });
    expect(within(openings).getAllByRole('option')[0].textContent).toContain('Accepted');
    await userEvent.click(screen.getByRole('button', { name: 'Undo the decision on Lead Full Stack Developer' }));
    expect(bridge.argsOf('decide')).toEqual([[{ query: 'Lead Full Stack Developer', match: 'Truck driver', decision: null }]]);
  });

  it('keeps the decision in the project and says so when the saved decisions cannot take it', async () => {
    bridge.on('decide', () => fail('damaged-store', 'Your saved decisions (/data/decisions.json) cannot be read: its JSON is cut short or broken.'));
    bridge.on('match', () => ok(matchResult()));
    render(ResultsView);
    await userEvent.click(screen.getByRole('button', { name: 'Accept RN' }));
    expect(await screen.findByText(/The decision is kept in this project, not in your saved decisions: Your saved decisions/)).toHaveAttribute('role', 'alert');
    expect(decisions.project).toEqual([{ query: 'Lead Full Stack Developer', match: 'RN', decision: 'accept' }]);
  });

  it('turns the adapter off from the status bar: the next ranking is the model’s alone', async () => {
    showResult(adapted());
    bridge.on('match', () => ok(matchResult({ runId: 'run-off' })));
    render(StatusBar);
    expect(screen.getByLabelText('Decisions in use').textContent).toContain('Adapted from 1 decision');
    await userEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(screen.getByLabelText('Decisions in use').textContent).toContain('Decisions off: the model alone'));
    expect((bridge.argsOf('match')[0][0] as MatchRequest).adapt).toBe(false);
    // The model alone: a rejected match it ranks is listed, marked, where the model put it.
    decisions.project = [{ query: 'Lead Full Stack Developer', match: 'Sr. Software Eng', decision: 'reject' }];
    render(ResultsView);
    expect(rows()[0]).toBe('1 Sr. Software Eng 2 rows · senior 0.82 Rejected');
    expect(screen.getByRole('switch', { name: 'Show hidden matches' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    await waitFor(() => expect(bridge.argsOf('match')).toHaveLength(2));
    expect((bridge.argsOf('match')[1][0] as MatchRequest).adapt).toBe(true);
  });
});

describe('saved decisions', () => {
  it('counts them, imports a file, exports them and clears them after asking', async () => {
    decisions.saved = [{ query: 'Atty', match: 'Lawyer', decision: 'accept' }];
    bridge.on('match', () => ok(matchResult()));
    bridge.on('importDecisions', () => ok({ path: '/team/decisions.xlsx', imported: 2, notes: [], saved: saved([{ query: 'Atty', match: 'Lawyer', decision: 'accept' }, { query: 'RN', match: 'Nurse', decision: 'accept' }]) }));
    bridge.on('exportDecisions', () => ok('/out/titlematch-decisions.csv'));
    bridge.on('clearDecisions', () => ok({ kept: null, saved: saved() }));
    render(DecisionsBar);
    const bar = screen.getByRole('group', { name: 'Decisions' });
    expect(bar.textContent).toContain('1 saved · 0 in this project');
    await userEvent.click(screen.getByRole('button', { name: 'Import decisions…' }));
    await waitFor(() => expect(bar.textContent).toContain('2 saved · 0 in this project'));
    expect(ui.notice).toBe('Imported 2 decisions from decisions.xlsx');
    await userEvent.click(screen.getByRole('button', { name: 'Export decisions…' }));
    await waitFor(() => expect(ui.notice).toBe('Exported 2 decisions to titlematch-decisions.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Clear saved decisions…' }));
    expect(bridge.argsOf('clearDecisions')).toHaveLength(0);
    await userEvent.click(within(screen.getByRole('group', { name: 'Clear the saved decisions?' })).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(bar.textContent).toContain('0 saved · 0 in this project'));
    expect(bridge.argsOf('clearDecisions')).toHaveLength(1);
  });

  it('shows why a damaged store cannot be used, and lists the keys in the shortcut list', () => {
    decisions.storeError = 'Your saved decisions (/data/decisions.json) cannot be read: it is empty. The file is left as it is and no decision is saved to it.';
    render(DecisionsBar);
    expect(screen.getByRole('alert').textContent).toContain('cannot be read: it is empty');
    expect(screen.getByRole('button', { name: 'Export decisions…' })).toBeDisabled();
    const keys = screen.getByLabelText('Keyboard shortcuts', { selector: 'dl' });
    const text = keys.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('A Accept the selected match: it ranks first for its title');
    expect(text).toContain('R Reject the selected match: it is hidden for its title');
    expect(text).toContain('U Undo the decision on the selected match');
  });
});
