import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ExportBar from '../../../renderer/src/lib/export/ExportBar.svelte';
import { results, showResult } from '../../../renderer/src/state/results.svelte.js';
import { ui } from '../../../renderer/src/state/ui.svelte.js';
import { deferred, fail, installBridge, matchResult, ok, type FakeBridge } from './fake-bridge.js';
import type { Result } from '../../../electron/contract/result.js';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installBridge();
  showResult(matchResult());
});

describe('export', () => {
  it('exports the shown result as filtered, and says where it went', async () => {
    results.settings.threshold = 0.4;
    results.settings.topK = 2;
    bridge.on('exportResults', () => ok('/home/ann/matches.xlsx'));
    render(ExportBar);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Open when done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Export matches as an Excel workbook' }));
    await waitFor(() => expect(ui.notice).toBe('Exported to matches.xlsx'));
    expect(bridge.argsOf('exportResults')).toEqual([[{ runId: 'run-1', format: 'xlsx', direction: 'byTarget', topK: 2, threshold: 0.4, buckets: ['accept', 'review', 'reject'], openAfter: true }]]);
    expect(screen.getByText('Saved matches.xlsx')).toBeInTheDocument();
  });

  it('exports the printable report as PDF', async () => {
    bridge.on('exportResults', () => ok('/home/ann/matches.pdf'));
    render(ExportBar);
    await userEvent.click(screen.getByRole('button', { name: 'Export the printable report as PDF' }));
    await waitFor(() => expect(ui.notice).toBe('Exported to matches.pdf'));
    expect(bridge.argsOf('exportResults')).toEqual([[expect.objectContaining({ runId: 'run-1', format: 'pdf' })]]);
  });

  it('disables the buttons while writing', async () => {
    const answer = deferred<Result<string | null>>();
    bridge.on('exportResults', () => answer.promise);
    render(ExportBar);
    await userEvent.click(screen.getByRole('button', { name: 'Export matches as CSV' }));
    const group = screen.getByRole('group', { name: 'Export' });
    for (const b of within(group).getAllByRole('button')) expect(b).toBeDisabled();
    expect(within(group).getByText('Exporting…')).toBeInTheDocument();
    answer.resolve(ok(null));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export matches as CSV' })).toBeEnabled());
    expect(ui.notice).toBeNull(); // cancelled dialog: nothing written, nothing claimed
  });

  it('shows why an export failed', async () => {
    bridge.on('exportResults', () => fail('locked', 'matches.xlsx is open in another program. Close it and export again.'));
    render(ExportBar);
    await userEvent.click(screen.getByRole('button', { name: 'Export a printable report' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('is open in another program');
  });
});
