import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../electron/contract/types.js';
import type { Result } from '../../../electron/contract/result.js';
import MatchPanel from '../../../renderer/src/lib/match/MatchPanel.svelte';
import { engine } from '../../../renderer/src/state/engine.svelte.js';
import { inputs } from '../../../renderer/src/state/inputs.svelte.js';
import { results } from '../../../renderer/src/state/results.svelte.js';
import { ui } from '../../../renderer/src/state/ui.svelte.js';
import { deferred, fail, installBridge, matchResult, ok, summary, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installBridge();
  inputs.candidates.summary = summary();
  inputs.candidates.column = 'Current title';
  inputs.targets.summary = summary({ tableId: 't2', path: '/data/openings.csv', fileName: 'openings.csv' });
  inputs.targets.column = 'Name';
});

describe('match panel', () => {
  it('matches the chosen columns with the chosen top-K, then shows the results', async () => {
    bridge.on('match', () => ok(matchResult()));
    render(MatchPanel);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Matches to keep per title' }), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Match' }));
    await waitFor(() => expect(ui.screen).toBe('results'));
    expect(bridge.argsOf('match')).toEqual([[{ candidates: { tableId: 't1', column: 'Current title' }, targets: { tableId: 't2', column: 'Name' }, topK: 5, seniority: 'prefer', decisions: [], adapt: true }]]);
    expect(results.current?.runId).toBe('run-1');
  });

  it('shows progress with counts and time left, and Cancel stops the run', async () => {
    const answer = deferred<Result<MatchResult>>();
    bridge.on('match', () => answer.promise).on('cancelMatch', () => {
      answer.resolve(fail('cancelled', 'Matching was cancelled.'));
      return ok(true);
    });
    render(MatchPanel);
    await userEvent.click(screen.getByRole('button', { name: 'Match' }));
    expect(screen.getByRole('button', { name: 'Matching…' })).toBeDisabled();
    bridge.emitProgress({ phase: 'encoding', done: 1500, total: 6000, etaSeconds: 42 });
    const bar = await screen.findByRole('progressbar', { name: 'Encoding titles' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText(/Encoding titles: 1,500 of 6,000/)).toBeInTheDocument();
    expect(screen.getByText(/about 42 s left/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Match' })).toBeEnabled());
    expect(bridge.argsOf('cancelMatch')).toHaveLength(1);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(ui.notice).toBe('Matching cancelled.');
    expect(ui.screen).toBe('import');
  });

  it('reports a failed run next to the button', async () => {
    bridge.on('match', () => fail('no-titles', 'The column "Name" of /data/openings.csv has no titles.'));
    render(MatchPanel);
    await userEvent.click(screen.getByRole('button', { name: 'Match' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('has no titles');
    expect(screen.getByRole('button', { name: 'Match' })).toBeEnabled();
  });

  it('cannot start while a side is missing or the engine failed', () => {
    inputs.targets.summary = null;
    const { unmount } = render(MatchPanel);
    expect(screen.getByRole('button', { name: 'Match' })).toBeDisabled();
    expect(screen.getByText('Open a file to match against.')).toBeInTheDocument();
    unmount();
    inputs.targets.summary = summary({ tableId: 't2' });
    engine.status = { state: 'failed', model: null, modelFolder: null, modelNotice: null, provider: null, skipped: [], message: 'model.onnx is missing', choice: 'auto', available: [] };
    render(MatchPanel);
    expect(screen.getByRole('button', { name: 'Match' })).toBeDisabled();
  });
});
