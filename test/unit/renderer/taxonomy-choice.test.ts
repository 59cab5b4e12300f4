/** The import card's taxonomy choice: O*NET-SOC or ESCO occupations beside opening a file. */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ImportView from '../../../renderer/src/lib/import/ImportView.svelte';
import { matchInput } from '../../../renderer/src/state/inputs.svelte.js';
import { fail, installBridge, ok, summary, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installBridge();
});

const targets = (): HTMLElement => screen.getByRole('region', { name: 'Match against' });
const choice = (name: string): HTMLElement => within(within(targets()).getByRole('group', { name: 'Occupations shipped with TitleMatch' })).getByRole('button', { name });

const onet = summary({
  tableId: 'tx',
  path: 'O*NET-SOC occupations (O*NET 27.0 Database)',
  fileName: 'O*NET-SOC occupations (O*NET 27.0 Database)',
  format: 'csv',
  sheet: null,
  sheets: [],
  columns: [
    { name: 'Occupation', samples: ['Chief Executives'], filled: 1016, distinct: 1016 },
    { name: 'Code', samples: ['11-1011.00'], filled: 1016, distinct: 1016 },
  ],
  rowCount: 1016,
  preview: [['Chief Executives', '11-1011.00']],
  suggestedColumn: 'Occupation',
  taxonomy: { id: 'onet', name: 'O*NET-SOC occupations', source: 'O*NET 27.0 Database', attribution: 'This product includes information from the O*NET 27.0 Database (CC BY 4.0).', occupations: 1016, titles: 55851 },
});

describe('match against occupations', () => {
  it('offers both taxonomies beside opening a file, before any file is open', () => {
    render(ImportView);
    expect(choice('O*NET-SOC occupations')).toBeEnabled();
    expect(choice('ESCO occupations')).toBeEnabled();
    expect(within(targets()).getByRole('button', { name: 'Open Match against file' })).toBeEnabled();
    expect(within(screen.getByRole('region', { name: 'Candidates' })).queryByRole('group', { name: 'Occupations shipped with TitleMatch' })).toBeNull();
  });

  it('loads a taxonomy as the side to match against, with its counts and attribution, and matches on its occupations', async () => {
    bridge.on('loadTaxonomy', () => ok(onet));
    render(ImportView);
    await userEvent.click(choice('O*NET-SOC occupations'));
    expect(bridge.argsOf('loadTaxonomy')).toEqual([['onet']]);
    expect(await within(targets()).findByText(/1,016 occupations · matched through 55,851 titles/)).toBeInTheDocument();
    expect(within(targets()).getByText('This product includes information from the O*NET 27.0 Database (CC BY 4.0).')).toBeInTheDocument();
    expect(choice('O*NET-SOC occupations')).toHaveAttribute('aria-pressed', 'true');
    expect(choice('ESCO occupations')).toHaveAttribute('aria-pressed', 'false');
    // No column to choose: the occupations are matched through all their titles.
    expect(within(targets()).queryByRole('combobox', { name: 'Title column' })).toBeNull();
    expect(matchInput('targets')).toEqual({ tableId: 'tx', column: 'Occupation' });
    expect(within(targets()).getByRole('button', { name: 'Open another Match against file' })).toHaveTextContent('Open a file…');
  });

  it('says next to the choice why a taxonomy is not in this build', async () => {
    const why = 'The ESCO occupations are not available in this build: the data folder /x has no esco/occupations_en.csv to derive it from. Build again with the data present (npm run build:node, or TITLEMATCH_DATA=DIR), or match against a file of titles.';
    bridge.on('loadTaxonomy', () => fail('taxonomy-unavailable', why));
    render(ImportView);
    await userEvent.click(choice('ESCO occupations'));
    expect(await within(targets()).findByRole('alert')).toHaveTextContent(why);
    expect(matchInput('targets')).toBeNull();
    expect(choice('ESCO occupations')).toBeEnabled();
  });
});
