import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ImportView from '../../../renderer/src/lib/import/ImportView.svelte';
import { fail, installBridge, ok, summary, type FakeBridge } from './fake-bridge.js';

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installBridge();
});

function card(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('import view', () => {
  it('shows two drop zones, each with an Open button', () => {
    render(ImportView);
    expect(within(card('Candidates')).getByText('Drop a spreadsheet here')).toBeInTheDocument();
    expect(within(card('Match against')).getByRole('button', { name: 'Open Match against file' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Match' })).toBeDisabled();
    expect(screen.getByText('Open a candidates file first.')).toBeInTheDocument();
  });

  it('opens a file through the dialog and shows its preview, counts and suggested column', async () => {
    bridge.on('pickTable', () => ok('/data/candidates.xlsx')).on('loadTable', () => ok(summary()));
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open Candidates file' }));

    const c = card('Candidates');
    expect(await within(c).findByText('candidates.xlsx')).toBeInTheDocument();
    expect(bridge.argsOf('pickTable')).toEqual([['candidates']]);
    expect(bridge.argsOf('loadTable')).toEqual([[{ side: 'candidates', path: '/data/candidates.xlsx', sheet: null }]]);
    expect(within(c).getByRole('combobox', { name: 'Title column' })).toHaveValue('Current title');
    expect(within(c).getByRole('option', { name: 'Current title (suggested)' })).toBeInTheDocument();
    expect(within(c).getByText(/3 rows · 2 distinct titles/)).toBeInTheDocument();
    const table = within(c).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + 3 preview rows
    expect(within(table).getByRole('columnheader', { name: 'Current title' })).toHaveClass('title-column');
  });

  it('changes the title column and updates the counts', async () => {
    bridge.on('pickTable', () => ok('/data/candidates.xlsx')).on('loadTable', () => ok(summary()));
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open Candidates file' }));
    const c = card('Candidates');
    await userEvent.selectOptions(await within(c).findByRole('combobox', { name: 'Title column' }), 'Name');
    expect(within(c).getByText(/3 rows · 3 distinct titles/)).toBeInTheDocument();
    expect(within(c).getByRole('columnheader', { name: 'Name' })).toHaveClass('title-column');
  });

  it('reads another sheet when one is picked, keeping the column', async () => {
    bridge
      .on('pickTable', () => ok('/data/candidates.xlsx'))
      .on('loadTable', ({ sheet }) => ok(summary({ sheet: sheet ?? 'People', rowCount: sheet === 'Archive' ? 40 : 3 })));
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open Candidates file' }));
    const c = card('Candidates');
    await userEvent.selectOptions(await within(c).findByRole('combobox', { name: 'Sheet' }), 'Archive');
    await waitFor(() => expect(within(c).getByText(/40 rows/)).toBeInTheDocument());
    expect(bridge.argsOf('loadTable')[1]).toEqual([{ side: 'candidates', path: '/data/candidates.xlsx', sheet: 'Archive' }]);
    expect(within(c).getByRole('combobox', { name: 'Title column' })).toHaveValue('Current title');
  });

  it('shows a problem next to the file it is about, and keeps the drop zone usable', async () => {
    bridge
      .on('pickTable', () => ok('/data/broken.xlsx'))
      .on('loadTable', () => fail('corrupt', 'The workbook is damaged. Open it in Excel and save it again.'));
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open Match against file' }));
    const alert = await within(card('Match against')).findByRole('alert');
    expect(alert).toHaveTextContent('broken.xlsx: The workbook is damaged. Open it in Excel and save it again.');
    expect(within(card('Candidates')).queryByRole('alert')).toBeNull();
    expect(within(card('Match against')).getByRole('button', { name: 'Open Match against file' })).toBeEnabled();
  });

  it('keeps the file in use when another fails, and says so', async () => {
    bridge
      .on('pickTable', () => ok('/data/candidates.xlsx'))
      .on('loadTable', ({ path }) => (path === '/data/candidates.xlsx' ? ok(summary()) : fail('binary', `${path} is not a table TitleMatch can read.`)));
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open Candidates file' }));
    const c = card('Candidates');
    await within(c).findByText('candidates.xlsx');
    bridge.on('pickTable', () => ok('/data/photo.xlsx'));
    await userEvent.click(within(c).getByRole('button', { name: 'Open another Candidates file' }));
    const alert = await within(c).findByRole('alert');
    // The message names the file already, so it is not named twice.
    expect(alert.textContent?.replace(/\s+/g, ' ').trim()).toBe('/data/photo.xlsx is not a table TitleMatch can read. candidates.xlsx is still the one in use.');
    expect(within(c).getByText('candidates.xlsx')).toBeInTheDocument();
  });

  it('does nothing when the dialog is cancelled', async () => {
    bridge.on('pickTable', () => ok(null));
    render(ImportView);
    await userEvent.click(screen.getByRole('button', { name: 'Open Candidates file' }));
    await waitFor(() => expect(bridge.argsOf('pickTable')).toHaveLength(1));
    expect(bridge.argsOf('loadTable')).toHaveLength(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reads a dropped file from its path', async () => {
    bridge.droppedPath = '/data/openings.csv';
    bridge.on('loadTable', () => ok(summary({ tableId: 't2', path: '/data/openings.csv', fileName: 'openings.csv', sheet: null, sheets: [], format: 'csv' })));
    render(ImportView);
    const file = new File(['Job title\nNurse\n'], 'openings.csv', { type: 'text/csv' });
    await fireEvent.drop(card('Match against'), { dataTransfer: { files: [file] } });
    expect(await within(card('Match against')).findByText('openings.csv')).toBeInTheDocument();
    expect(bridge.argsOf('loadTable')).toEqual([[{ side: 'targets', path: '/data/openings.csv', sheet: null }]]);
    expect(within(card('Match against')).queryByRole('combobox', { name: 'Sheet' })).toBeNull();
  });

  it('says so when a dropped file has no path', async () => {
    render(ImportView);
    const file = new File(['x'], 'clip.csv');
    await fireEvent.drop(card('Candidates'), { dataTransfer: { files: [file] } });
    expect(await within(card('Candidates')).findByRole('alert')).toHaveTextContent('could not find where "clip.csv" is stored');
  });
});
