import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ResultsView from '../../../renderer/src/lib/matches/ResultsView.svelte';
import { showResult } from '../../../renderer/src/state/results.svelte.js';
import { installBridge, matchResult, ok, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installBridge();
  showResult(matchResult());
  bridge.on('explain', ({ query, match }) =>
    ok({
      query: { original: query, normalized: query.toLowerCase(), words: query.toLowerCase().split(' '), expansions: [], senses: [], seniority: 'lead', seniorityCue: 'lead', language: { name: 'English', confidence: 0.999 } },
      match: {
        original: match,
        normalized: 'senior software engineer',
        words: ['senior', 'software', 'engineer'],
        expansions: [{ from: 'sr', to: 'senior' }, { from: 'eng', to: 'engineer' }],
        senses: [{ from: 'pm', to: ['project manager', 'product manager'] }],
        seniority: 'senior',
        seniorityCue: 'senior',
        language: { name: null, confidence: 0.62 },
      },
      shared: [],
      onlyQuery: ['lead', 'full', 'stack', 'developer'],
      onlyMatch: ['senior', 'software', 'engineer'],
      seniorityDistance: 1,
    }),
  );
});

const openings = (): HTMLElement => screen.getByRole('listbox', { name: 'Openings' });
const candidates = (): HTMLElement => screen.getByRole('listbox', { name: 'Candidate titles' });

describe('results view', () => {
  it('lists each opening with its ranked candidates, scores as numbers and bars', () => {
    render(ResultsView);
    const rows = within(openings()).getAllByRole('option');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('Lead Full Stack Developer'), expect.stringContaining('Registered Nurse')]);
    // The first opening is shown until another is picked.
    const ranked = within(candidates()).getAllByRole('option');
    expect(ranked.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '1 Sr. Software Eng 2 rows · senior 0.82',
      '2 Truck driver 1 row · mid 0.41',
      '3 RN 1 row · mid 0.20',
    ]);
  });

  it('calls the other side occupations, not openings, when it is a taxonomy', async () => {
    showResult(matchResult({ targets: { ...matchResult().targets, codes: ['15-1252.00', '29-1141.00'] } }));
    render(ResultsView);
    expect(screen.getByRole('listbox', { name: 'Occupations' })).toBeInTheDocument();
    expect(screen.queryByRole('listbox', { name: 'Openings' })).toBeNull();
    expect(screen.getByText(/2 occupations · /)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Occupations for each candidate' }));
    expect(screen.getByRole('radio', { name: 'Candidates for each occupation' })).toBeInTheDocument();
  });

  it('filters live with the minimum score slider', async () => {
    render(ResultsView);
    await fireEvent.input(screen.getByRole('slider', { name: 'Minimum score' }), { target: { value: '0.5' } });
    expect(within(candidates()).getAllByRole('option')).toHaveLength(1);
    expect(screen.getByText(/2 with a match scoring 0.50 or more/)).toBeInTheDocument();
    await fireEvent.input(screen.getByRole('slider', { name: 'Minimum score' }), { target: { value: '0.85' } });
    expect(within(candidates()).queryAllByRole('option')).toHaveLength(0);
    expect(within(candidates()).getByText(/No candidate title scores 0.85 or more/)).toBeInTheDocument();
    expect(screen.getByText(/1 with a match scoring 0.85 or more/)).toBeInTheDocument();
  });

  it('limits to top-K, searches titles and sorts', async () => {
    render(ResultsView);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Top matches' }), '1');
    expect(within(candidates()).getAllByRole('option')).toHaveLength(1);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search titles' }), 'nurse');
    expect(within(openings()).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Registered Nurse')]);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search titles' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort' }), 'best-desc');
    expect(within(openings()).getAllByRole('option')[0]).toHaveTextContent('Registered Nurse'); // 0.91 > 0.82
  });

  it('switches direction to rank openings for each candidate title', async () => {
    render(ResultsView);
    await userEvent.click(screen.getByRole('radio', { name: 'Openings for each candidate' }));
    const list = screen.getByRole('listbox', { name: 'Candidate titles' });
    expect(within(list).getAllByRole('option')).toHaveLength(3);
    const ranked = within(screen.getByRole('listbox', { name: 'Openings' })).getAllByRole('option');
    expect(ranked[0]).toHaveTextContent('Lead Full Stack Developer');
    expect(ranked).toHaveLength(2); // -1 padding is not a match
  });

  it('explains a selected pair', async () => {
    render(ResultsView);
    await userEvent.click(within(candidates()).getAllByRole('option')[0]);
    expect(bridge.argsOf('explain')).toEqual([[{ query: 'Lead Full Stack Developer', match: 'Sr. Software Eng' }]]);
    const panel = screen.getByRole('region', { name: 'Why they match' });
    expect(await within(panel).findByText('senior software engineer')).toBeInTheDocument();
    expect(within(panel).getByText('sr → senior')).toBeInTheDocument();
    // An abbreviation of several meanings, read in each.
    expect(within(panel).getByText('pm → project manager or product manager (each read)')).toBeInTheDocument();
    expect(within(panel).getByText(/No words in common/)).toBeInTheDocument();
    expect(within(panel).getByText('2 rows carry this candidate title.')).toBeInTheDocument();
    // The language detected for each title, or why none is named.
    const languages = within(panel).getAllByText((_, el) => el?.classList.contains('language') ?? false).map((el) => el.textContent?.replace(/\s+/g, ' ').trim());
    expect(languages).toEqual(['English (100% sure)', 'undetermined (written alike in several languages)']);
  });

  it('moves through openings and candidates with the keyboard', async () => {
    render(ResultsView);
    openings().focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(within(openings()).getByRole('option', { selected: true })).toHaveTextContent('Registered Nurse');
    expect(openings()).toHaveAttribute('aria-activedescendant', 'query-1');
    await userEvent.keyboard('{ArrowRight}');
    expect(candidates()).toHaveFocus();
    await waitFor(() => expect(within(candidates()).getByRole('option', { selected: true })).toHaveTextContent('RN'));
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(within(candidates()).getByRole('option', { selected: true })).toHaveTextContent('Sr. Software Eng'));
    expect(bridge.argsOf('explain').at(-1)).toEqual([{ query: 'Registered Nurse', match: 'Sr. Software Eng' }]);
    await userEvent.keyboard('{ArrowLeft}');
    expect(openings()).toHaveFocus();
  });
});

describe('results view with 100,000 titles', () => {
  it('lists, searches and filters them, rendering only what is in view', async () => {
    const n = 100_000;
    const base = matchResult();
    const titles = Array.from({ length: n }, (_, i) => `Opening ${i}${i % 1000 === 0 ? ' nurse' : ''}`);
    showResult({
      ...base,
      topK: 3,
      targets: { ...base.targets, titles, rowCounts: titles.map(() => 1), rowCount: n },
      byTarget: {
        k: 3,
        indices: titles.flatMap(() => [0, 1, 2]),
        scores: titles.flatMap((_, i) => [0.5 + (i % 50) / 100, 0.4, 0.3]),
      },
    });
    render(ResultsView);
    const options = within(openings()).getAllByRole('option');
    expect(options.length).toBeLessThan(100);
    expect(options[0]).toHaveAttribute('aria-setsize', '100000');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search titles' }), 'nurse');
    await waitFor(() => expect(within(openings()).getAllByRole('option')[0]).toHaveAttribute('aria-setsize', '100'));
    expect(within(openings()).getAllByRole('option')[0]).toHaveTextContent('Opening 0 nurse');
    await fireEvent.input(screen.getByRole('slider', { name: 'Minimum score' }), { target: { value: '0.9' } });
    expect(screen.getByText(/Showing 100 of 100,000 openings; 0 with a match scoring 0.90 or more/)).toBeInTheDocument();
  });
});
