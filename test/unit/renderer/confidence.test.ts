/** Issue 15 in the window: confidence beside the score, buckets as colour and word, the bucket filter, the review-level default, and scores only without a calibration. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../electron/contract/types.js';
import ResultsView from '../../../renderer/src/lib/matches/ResultsView.svelte';
import { results, showResult } from '../../../renderer/src/state/results.svelte.js';
import { installBridge, matchResult, ok, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;

/** The fake result with confidences: accept from 85%, review from 11%, review reached at score 0.354. */
function calibrated(): MatchResult {
  const base = matchResult();
  return {
    ...base,
    byTarget: { ...base.byTarget, confidence: [0.9, 0.2, 0.05, 0.95, 0.1, 0.004] },
    byCandidate: { ...base.byCandidate, confidence: [0.9, 0.1, 0, 0.95, 0.05, 0, 0.3, 0.01, 0] },
    confidence: { calibrated: true, levels: { accept: 0.85, review: 0.11 }, reviewScore: 0.354 },
  };
}

beforeEach(() => {
  bridge = installBridge();
  results.settings.threshold = 0;
});

const candidates = (): HTMLElement => screen.getByRole('listbox', { name: 'Candidate titles' });
const ranked = (): string[] => within(candidates()).getAllByRole('option').map((r) => r.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe('confidence in the results', () => {
  it('starts the minimum score at the review level and shows each match’s confidence and bucket beside its score', () => {
    showResult(calibrated());
    render(ResultsView);
    expect(screen.getByRole('slider', { name: 'Minimum score' })).toHaveValue('0.35');
    // 0.20 is below the review score: hidden by the default.
    expect(ranked()).toEqual(['1 Sr. Software Eng 2 rows · senior 0.82 90% Accept', '2 Truck driver 1 row · mid 0.41 20% Review']);
    expect(within(candidates()).getByRole('group', { name: 'Confidence 90%, accept' })).toBeInTheDocument();
    expect(within(candidates()).getByText('Review')).toHaveClass('bucket', 'review');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('filters by bucket, in the lists, the counts and the export', async () => {
    showResult(calibrated());
    render(ResultsView);
    await fireEvent.input(screen.getByRole('slider', { name: 'Minimum score' }), { target: { value: '0' } });
    expect(ranked()).toHaveLength(3);
    const buckets = screen.getByRole('group', { name: 'Buckets' });
    await userEvent.click(within(buckets).getByRole('checkbox', { name: 'Accept' }));
    expect(ranked()).toEqual(['2 Truck driver 1 row · mid 0.41 20% Review', '3 RN 1 row · mid 0.20 5% Reject']);
    await userEvent.click(within(buckets).getByRole('checkbox', { name: 'Reject' }));
    expect(ranked()).toEqual(['2 Truck driver 1 row · mid 0.41 20% Review']);
    // Registered Nurse has only accept and reject matches: none left in the buckets shown.
    expect(document.querySelector('.counts')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Showing 2 of 2 openings; 1 with a match scoring 0.00 or more in the buckets shown.');
    bridge.on('exportResults', () => ok('/home/ann/review.xlsx'));
    await userEvent.click(screen.getByRole('button', { name: 'Export matches as an Excel workbook' }));
    await waitFor(() => expect(bridge.argsOf('exportResults')).toHaveLength(1));
    expect(bridge.argsOf('exportResults')[0][0]).toMatchObject({ threshold: 0, buckets: ['review'] });
  });

  it('a result without a calibration: scores only, no bucket filter, and a line saying why', () => {
    results.settings.threshold = 0.1;
    showResult(matchResult());
    render(ResultsView);
    expect(screen.getByRole('slider', { name: 'Minimum score' })).toHaveValue('0.1');
    expect(screen.queryByRole('group', { name: 'Buckets' })).toBeNull();
    expect(within(candidates()).queryAllByRole('group')).toEqual([]);
    expect(screen.getByRole('note')).toHaveTextContent('Scores only, no confidence: the model has no confidence.json, so scores are shown without a confidence.');
  });
});
